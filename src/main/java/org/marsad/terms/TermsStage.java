package org.marsad.terms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.marsad.analysis.StatsPass;
import org.marsad.pipeline.Stage;
import org.marsad.pipeline.StageContext;
import org.marsad.pipeline.StageResult;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import org.marsad.pipeline.StatsResult;
import scala.Tuple2;

/**
 * The terms stage: term_frequencies, term_keyness, term_trends (finished in each task from its
 * partition of the statistics pass's reduced partials, the token totals travelling as values),
 * collocations (the candidates travel once to the partition of their second term) and
 * term_evidence. Vocabulary-sized tables stay distributed; nothing of their size reaches the
 * driver.
 */
public final class TermsStage implements Stage {

  @Override
  public String name() {
    return "terms";
  }

  @Override
  public StageResult run(StageContext ctx) {
    StageResult r = new StageResult();
    SparkSession spark = ctx.spark();
    StatsResult stats = ctx.stats();
    long minKey = ctx.settings().get(TermsSettings.MIN_KEYNESS_COUNT);
    long minColl = ctx.settings().get(TermsSettings.MIN_COLLOCATION_COUNT);
    Map<String, Map<String, Long>> tokens = new TreeMap<>();
    for (Tuple2<StatKey, StatValue> e : stats.small(TermPartials.TOKENS)) {
      tokens.computeIfAbsent(e._1().a(), x -> new TreeMap<>()).put(e._1().b(), e._2().count(0));
    }
    Map<String, Long> pairs = new HashMap<>();
    for (Tuple2<StatKey, StatValue> e : stats.small(TermPartials.PAIRS)) {
      pairs.put(e._1().a(), e._2().count(0));
    }
    TermTables.Settings s = new TermTables.Settings(minKey, minColl);
    JavaPairRDD<StatKey, StatValue> reduced = stats.reduced();
    JavaRDD<Tuple2<Integer, Row>> finished =
        reduced
            .mapPartitions(
                (FlatMapFunction<Iterator<Tuple2<StatKey, StatValue>>, Tuple2<Integer, Row>>)
                    it -> TermTables.finish(terms(it), tokens, s))
            .persist(StorageLevel.MEMORY_AND_DISK());
    r.onRelease(() -> finished.unpersist(false));
    Dataset<Row> tf =
        spark.createDataFrame(
            finished.filter(t -> t._1() == TermTables.FREQUENCIES).map(Tuple2::_2),
            TermsCatalog.TERM_FREQUENCIES.schema());
    Dataset<Row> keyness =
        spark.createDataFrame(
            finished.filter(t -> t._1() == TermTables.KEYNESS).map(Tuple2::_2),
            TermsCatalog.TERM_KEYNESS.schema());
    Dataset<Row> trends =
        spark.createDataFrame(
            finished.filter(t -> t._1() == TermTables.TRENDS).map(Tuple2::_2),
            TermsCatalog.TERM_TRENDS.schema());
    // Collocations: the candidates of each pair go to the partition of its second term, where
    // that term's right marginal is.
    JavaPairRDD<StatKey, Object[]> candidates =
        reduced
            .mapPartitionsToPair(
                (PairFlatMapFunction<Iterator<Tuple2<StatKey, StatValue>>, StatKey, Object[]>)
                    it -> TermTables.collocationCandidates(terms(it), minColl))
            .partitionBy(new StatsPass.GroupPartitioner(reduced.getNumPartitions()));
    JavaRDD<Row> coll =
        candidates
            .zipPartitions(reduced, (a, b) -> TermTables.collocations(a, terms(b), pairs))
            .persist(StorageLevel.MEMORY_AND_DISK());
    r.onRelease(() -> coll.unpersist(false));
    Dataset<Row> collocations = spark.createDataFrame(coll, TermsCatalog.COLLOCATIONS.schema());
    List<TermEvidence.Target> targets =
        TermEvidence.targets(
            finished.filter(t -> t._1() == TermTables.KEYNESS).map(Tuple2::_2), coll);
    List<Row> evidence = TermEvidence.rows(ctx, targets);
    return r.table(TermsCatalog.TERM_FREQUENCIES, tf)
        .table(TermsCatalog.TERM_KEYNESS, keyness)
        .table(TermsCatalog.COLLOCATIONS, collocations)
        .table(TermsCatalog.TERM_TRENDS, trends)
        .rows(TermsCatalog.TERM_EVIDENCE, evidence);
  }

  /** The terms capability's partials of a partition. */
  private static Iterator<Tuple2<StatKey, StatValue>> terms(
      Iterator<Tuple2<StatKey, StatValue>> it) {
    return StatsResult.only(
        it, TermPartials.TF, TermPartials.FORM, TermPartials.BIGRAM, TermPartials.RIGHT);
  }

  /** The readable labels of terms, from the reduced surface forms (one small job). */
  public static StageContext.Labels labels(StatsResult stats) {
    return terms -> {
      java.util.Set<String> wanted = new java.util.HashSet<>(terms);
      List<Tuple2<String, String>> got =
          stats
              .reduced()
              .mapPartitions(
                  (FlatMapFunction<Iterator<Tuple2<StatKey, StatValue>>, Tuple2<String, String>>)
                      it -> {
                        Map<String, String> best = new HashMap<>();
                        for (TermTables.TermGroup g :
                            TermTables.groups(StatsResult.only(it, TermPartials.FORM)).values()) {
                          if (wanted.contains(g.term)) {
                            String l = g.label();
                            best.merge(g.term, l, (x, y) -> x.compareTo(y) <= 0 ? x : y);
                          }
                        }
                        List<Tuple2<String, String>> out = new ArrayList<>();
                        best.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
                        return out.iterator();
                      })
              .collect();
      Map<String, String> out = new HashMap<>();
      for (Tuple2<String, String> t : got) {
        out.merge(t._1(), t._2(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
      }
      return out;
    };
  }
}
