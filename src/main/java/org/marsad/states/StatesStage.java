package org.marsad.states;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.marsad.pipeline.CorePartials;
import org.marsad.pipeline.FinishedRows;
import org.marsad.pipeline.Stage;
import org.marsad.pipeline.StageContext;
import org.marsad.pipeline.StageResult;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import org.marsad.pipeline.StatsResult;
import org.marsad.states.match.Gazetteer;
import org.marsad.states.match.StateSettings;
import org.marsad.trends.TrendSettings;
import scala.Tuple2;

/**
 * The states stage: the states dimension, state_mentions (one row per mention, straight from the
 * intermediate), and the bounded tables (state_counts, state_comentions, state_trends,
 * comention_trends, comention_evidence, the networks) finished in plain Java on the driver when the
 * statistics pass's bounded partials are below the driver cap, else in the tasks holding them.
 */
public final class StatesStage implements Stage {

  private final StateSettings gazetteer;

  /** A stage over the gazetteer of {@code gazetteer}. */
  public StatesStage(StateSettings gazetteer) {
    this.gazetteer = gazetteer;
  }

  @Override
  public String name() {
    return "states";
  }

  @Override
  public StageResult run(StageContext ctx) {
    StageResult r = new StageResult();
    StatsResult stats = ctx.stats();
    StateTables.Side side = new StateTables.Side();
    for (Tuple2<StatKey, StatValue> e :
        stats.small(CorePartials.DOCS, StatePartials.UNITS, StatePartials.NAMED)) {
      side.add(e._1(), e._2());
    }
    StateTables.Settings s =
        new StateTables.Settings(
            ctx.settings().get(StatesSettings.MIN_CO_DOCS), TrendSettings.DEFAULTS);
    List<Row> states = states(gazetteer.gazetteer());
    r.rows(StatesCatalog.STATES, states);
    r.table(StatesCatalog.STATE_MENTIONS, StateMentions.of(ctx.counted()));
    List<Row> comentions;
    if (stats.onDriver()) {
      List<Tuple2<Integer, Row>> rows =
          StateTables.finish(
              stats
                  .bounded(StatePartials.COUNTS, StatePartials.PAIRS, StatePartials.EVIDENCE)
                  .iterator(),
              side,
              s);
      r.rows(StatesCatalog.STATE_COUNTS, FinishedRows.select(rows, StateTables.COUNTS))
          .rows(StatesCatalog.STATE_COMENTIONS, FinishedRows.select(rows, StateTables.COMENTIONS))
          .rows(StatesCatalog.STATE_TRENDS, FinishedRows.select(rows, StateTables.STATE_TRENDS))
          .rows(
              StatesCatalog.COMENTION_TRENDS,
              FinishedRows.select(rows, StateTables.COMENTION_TRENDS))
          .rows(StatesCatalog.COMENTION_EVIDENCE, FinishedRows.select(rows, StateTables.EVIDENCE));
      comentions = FinishedRows.select(rows, StateTables.COMENTIONS);
    } else {
      JavaRDD<Tuple2<Integer, Row>> finished =
          stats
              .reduced()
              .mapPartitions(
                  (FlatMapFunction<Iterator<Tuple2<StatKey, StatValue>>, Tuple2<Integer, Row>>)
                      it ->
                          StateTables.finish(
                                  StatsResult.only(
                                      it,
                                      StatePartials.COUNTS,
                                      StatePartials.PAIRS,
                                      StatePartials.EVIDENCE),
                                  side,
                                  s)
                              .iterator())
              .persist(StorageLevel.MEMORY_AND_DISK());
      r.onRelease(() -> finished.unpersist(false));
      var spark = ctx.spark();
      r.table(
              StatesCatalog.STATE_COUNTS,
              FinishedRows.dataset(spark, finished, StateTables.COUNTS, StatesCatalog.STATE_COUNTS))
          .table(
              StatesCatalog.STATE_COMENTIONS,
              FinishedRows.dataset(
                  spark, finished, StateTables.COMENTIONS, StatesCatalog.STATE_COMENTIONS))
          .table(
              StatesCatalog.STATE_TRENDS,
              FinishedRows.dataset(
                  spark, finished, StateTables.STATE_TRENDS, StatesCatalog.STATE_TRENDS))
          .table(
              StatesCatalog.COMENTION_TRENDS,
              FinishedRows.dataset(
                  spark, finished, StateTables.COMENTION_TRENDS, StatesCatalog.COMENTION_TRENDS))
          .table(
              StatesCatalog.COMENTION_EVIDENCE,
              FinishedRows.dataset(
                  spark, finished, StateTables.EVIDENCE, StatesCatalog.COMENTION_EVIDENCE));
      // The networks are files on the driver: the document-scope pairs (states² × periods).
      comentions =
          finished
              .filter(
                  t ->
                      t._1() == StateTables.COMENTIONS
                          && t._2().getString(1).equals(StatePartials.DOCUMENT))
              .map(Tuple2::_2)
              .collect();
    }
    Map<String, String> networks = Networks.files(comentions, states, ctx.pairAttributes());
    return r.files(StatesCatalog.NETWORKS, networks).note((networks.size() - 1) + " networks");
  }

  /** The states dimension: iso2, iso3, name_en, name_ar, status, sorted by iso2. */
  static List<Row> states(Gazetteer gazetteer) {
    List<Row> rows = new ArrayList<>();
    for (Gazetteer.State s : gazetteer.states()) {
      rows.add(RowFactory.create(s.iso2(), s.iso3(), s.nameEn(), s.nameAr(), s.status()));
    }
    rows.sort(java.util.Comparator.comparing(x -> x.getString(0)));
    return rows;
  }
}
