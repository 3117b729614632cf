package org.marsad.relations;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.marsad.pipeline.FinishedRows;
import org.marsad.pipeline.PairAttributes;
import org.marsad.pipeline.Stage;
import org.marsad.pipeline.StageContext;
import org.marsad.pipeline.StageResult;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import org.marsad.pipeline.StatsResult;
import org.marsad.trends.TrendSettings;
import scala.Tuple2;

/**
 * The relations stage: comention_relations, relation_trends and relation_evidence, finished in
 * plain Java on the driver when the statistics pass's bounded partials are below the driver cap,
 * else in the tasks holding them. The classification itself happened in the analysis pass.
 */
public final class RelationsStage implements Stage {

  @Override
  public String name() {
    return "relations";
  }

  @Override
  public StageResult run(StageContext ctx) {
    StageResult r = new StageResult();
    StatsResult stats = ctx.stats();
    TrendSettings trends = TrendSettings.DEFAULTS;
    if (stats.onDriver()) {
      List<Tuple2<Integer, Row>> rows =
          RelationTables.finish(
              stats.bounded(RelationPartials.PAIRS, RelationPartials.EVIDENCE).iterator(), trends);
      List<Row> relations = FinishedRows.select(rows, RelationTables.RELATIONS);
      give(relations, ctx.pairAttributes());
      r.rows(RelationsCatalog.COMENTION_RELATIONS, relations)
          .rows(RelationsCatalog.RELATION_TRENDS, FinishedRows.select(rows, RelationTables.TRENDS))
          .rows(
              RelationsCatalog.RELATION_EVIDENCE,
              FinishedRows.select(rows, RelationTables.EVIDENCE));
      return r.note(note(relations));
    }
    JavaRDD<Tuple2<Integer, Row>> finished =
        stats
            .reduced()
            .mapPartitions(
                (FlatMapFunction<Iterator<Tuple2<StatKey, StatValue>>, Tuple2<Integer, Row>>)
                    it ->
                        RelationTables.finish(
                                StatsResult.only(
                                    it, RelationPartials.PAIRS, RelationPartials.EVIDENCE),
                                trends)
                            .iterator())
            .persist(StorageLevel.MEMORY_AND_DISK());
    r.onRelease(() -> finished.unpersist(false));
    // The pairs' tone for the networks: one row per pair and period (states² × periods).
    give(
        finished.filter(t -> t._1() == RelationTables.RELATIONS).map(Tuple2::_2).collect(),
        ctx.pairAttributes());
    SparkSession spark = ctx.spark();
    r.table(
            RelationsCatalog.COMENTION_RELATIONS,
            FinishedRows.dataset(
                spark, finished, RelationTables.RELATIONS, RelationsCatalog.COMENTION_RELATIONS))
        .table(
            RelationsCatalog.RELATION_TRENDS,
            FinishedRows.dataset(
                spark, finished, RelationTables.TRENDS, RelationsCatalog.RELATION_TRENDS))
        .table(
            RelationsCatalog.RELATION_EVIDENCE,
            FinishedRows.dataset(
                spark, finished, RelationTables.EVIDENCE, RelationsCatalog.RELATION_EVIDENCE));
    return r;
  }

  /**
   * Gives each pair's tone and its cooperation and conflict sentences to the stages after this one
   * (the states' networks show them on the edges).
   */
  static void give(List<Row> relations, PairAttributes to) {
    for (Row x : relations) {
      String period = x.getString(0);
      String a = x.getString(1);
      String b = x.getString(2);
      to.put(period, a, b, "tone", x.getDouble(18));
      to.put(period, a, b, "cooperation", x.getLong(5));
      to.put(period, a, b, "conflict", x.getLong(6));
    }
  }

  /** Pairs of the period {@code all} by their dominant relation. */
  private static String note(List<Row> relations) {
    long coop = 0;
    long conf = 0;
    long pairs = 0;
    for (Row x : relations) {
      if (x.getString(0).equals(org.marsad.corpus.Period.ALL)) {
        pairs++;
        String d = x.getString(19);
        if (d.equals(Relation.COOPERATION.label())) {
          coop++;
        } else if (d.equals(Relation.CONFLICT.label())) {
          conf++;
        }
      }
    }
    return pairs + " pairs: " + coop + " mostly cooperation, " + conf + " mostly conflict";
  }
}
