package org.marsad.trends;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.marsad.catalog.Catalog;

/**
 * The trend tables of hand-made aggregate tables (test fixtures), computed with the job's own
 * plain-Java {@link Trends} functions per state, pair and term.
 */
public final class TrendFixtures {

  private TrendFixtures() {}

  /** Documents that count per period of a {@code documents} table (duplicate_of null). */
  public static Dataset<Row> periodDocs(Dataset<Row> documents) {
    return documents
        .filter("duplicate_of is null")
        .groupBy("period")
        .count()
        .withColumnRenamed("count", "docs");
  }

  private static Map<String, Long> docs(Dataset<Row> periodDocs) {
    Map<String, Long> m = new TreeMap<>();
    for (Row r : periodDocs.collectAsList()) {
      m.merge(r.getAs("period"), ((Number) r.getAs("docs")).longValue(), Long::sum);
    }
    return m;
  }

  /** state_trends of a state_counts table. */
  public static Dataset<Row> stateTrends(Dataset<Row> counts, Dataset<Row> periodDocs) {
    Map<String, Map<String, Long>> per = new TreeMap<>();
    for (Row r : counts.collectAsList()) {
      per.computeIfAbsent(r.getAs("state"), x -> new TreeMap<>())
          .merge(r.getAs("period"), ((Number) r.getAs("docs")).longValue(), Long::sum);
    }
    List<Row> out = new ArrayList<>();
    Map<String, Long> d = docs(periodDocs);
    per.forEach((s, m) -> out.addAll(Trends.stateTrends(s, m, d, TrendSettings.DEFAULTS)));
    return counts.sparkSession().createDataFrame(out, Catalog.STATE_TRENDS.schema());
  }

  /** comention_trends of a state_comentions table. */
  public static Dataset<Row> comentionTrends(
      Dataset<Row> co, Dataset<Row> periodDocs, long minCoDocs) {
    Map<List<String>, Map<String, Long>> n =
        new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    Map<List<String>, Map<String, Double>> v =
        new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (Row r : co.filter("scope = 'document'").collectAsList()) {
      List<String> k = List.of(r.getAs("state_a"), r.getAs("state_b"));
      n.computeIfAbsent(k, x -> new TreeMap<>()).put(r.getAs("period"), r.getAs("co_docs"));
      v.computeIfAbsent(k, x -> new TreeMap<>()).put(r.getAs("period"), r.getAs("npmi"));
    }
    List<Row> out = new ArrayList<>();
    Map<String, Long> d = docs(periodDocs);
    n.forEach(
        (k, m) ->
            out.addAll(
                Trends.comentionTrends(
                    k.get(0), k.get(1), m, v.get(k), d, minCoDocs, TrendSettings.DEFAULTS)));
    return co.sparkSession().createDataFrame(out, Catalog.COMENTION_TRENDS.schema());
  }

  /** term_trends of a term_frequencies table. */
  public static Dataset<Row> termTrends(Dataset<Row> tf, long minCount) {
    Map<String, Map<String, Long>> tokens = new TreeMap<>();
    Map<List<String>, Map<String, Long>> counts =
        new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    Map<List<String>, String> labels =
        new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (Row r : tf.collectAsList()) {
      long c = ((Number) r.getAs("term_count")).longValue();
      tokens
          .computeIfAbsent(r.getAs("period"), x -> new TreeMap<>())
          .merge(r.getAs("lang"), c, Long::sum);
      List<String> k = List.of(r.getAs("lang"), r.getAs("term"));
      counts.computeIfAbsent(k, x -> new TreeMap<>()).merge(r.getAs("period"), c, Long::sum);
      labels.put(k, r.getAs("label"));
    }
    List<Row> out = new ArrayList<>();
    counts.forEach(
        (k, m) ->
            out.addAll(
                Trends.termTrends(
                    k.get(0),
                    k.get(1),
                    labels.get(k),
                    m,
                    tokens,
                    minCount,
                    Trends.DEFAULT_TERM_MIN_G2)));
    return tf.sparkSession().createDataFrame(out, Catalog.TERM_TRENDS.schema());
  }
}
