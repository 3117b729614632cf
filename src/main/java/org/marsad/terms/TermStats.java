package org.marsad.terms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.marsad.analysis.Partials;
import org.marsad.pipeline.TermsBlob;

/**
 * Term statistics as pure transformations of the analysed documents (no I/O): frequencies per
 * period and source, keyness of each period against the rest, and collocations. The inputs are the
 * documents that count (exact duplicates already out) with their binary term counts; each is read
 * with per-partition partial aggregates in plain Java, merged by one shuffle.
 */
public final class TermStats {

  private static final StructType TF_PARTIAL =
      new StructType()
          .add("period", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("lang", DataTypes.StringType)
          .add("term", DataTypes.StringType)
          .add("term_count", DataTypes.LongType)
          .add("doc_count", DataTypes.LongType)
          .add("doc_count_raw", DataTypes.LongType);

  private static final StructType FORM_PARTIAL =
      new StructType()
          .add("lang", DataTypes.StringType)
          .add("term", DataTypes.StringType)
          .add("form", DataTypes.StringType)
          .add("n", DataTypes.LongType);

  private static final StructType BIGRAM_PARTIAL =
      new StructType()
          .add("lang", DataTypes.StringType)
          .add("term_a", DataTypes.StringType)
          .add("term_b", DataTypes.StringType)
          .add("form", DataTypes.StringType)
          .add("n", DataTypes.LongType);

  private record TfKey(String period, String source, String lang, String term) {}

  private record FormKey(String lang, String term, String form) {}

  private record BigramKey(String lang, String a, String b, String form) {}

  private TermStats() {}

  /**
   * The term counts of each (period, source, lang, term) over {@code documents} (period, source,
   * lang, terms, counted): term_count and doc_count over the documents that count (one per story),
   * doc_count_raw over every document (reprints included: how loud the term was).
   */
  public static Dataset<Row> counts(Dataset<Row> documents) {
    MapPartitionsFunction<Row, Row> partial =
        rows ->
            Partials.<TfKey>fold(
                rows,
                3,
                (r, p) -> {
                  String period = r.getString(0);
                  String source = r.getString(1);
                  String lang = r.getString(2);
                  boolean counted = r.getBoolean(4);
                  TermsBlob.readTerms(
                      (byte[]) r.get(3),
                      (term, n) -> {
                        TfKey k = new TfKey(period, source, lang, term);
                        if (counted) {
                          p.add2(k, n, 1);
                        }
                        p.add(k, 2, 1);
                      });
                },
                (k, c) ->
                    RowFactory.create(
                        k.period(), k.source(), k.lang(), k.term(), c[0], c[1], c[2]));
    return documents
        .select("period", "source", "lang", "terms", "counted")
        .mapPartitions(partial, Encoders.row(TF_PARTIAL))
        .groupBy("period", "source", "lang", "term")
        .agg(
            sum("term_count").as("term_count"),
            sum("doc_count").as("doc_count"),
            sum("doc_count_raw").as("doc_count_raw"));
  }

  /**
   * The readable label of each (lang, term): its most frequent surface form in the corpus (ties:
   * the alphabetically first). Columns: lang, term, label.
   */
  public static Dataset<Row> labels(Dataset<Row> counted) {
    MapPartitionsFunction<Row, Row> partial =
        rows ->
            Partials.<FormKey>fold(
                rows,
                1,
                (r, p) -> {
                  String lang = r.getString(0);
                  TermsBlob.readAll(
                      (byte[]) r.get(1),
                      new TermsBlob.Visitor() {
                        @Override
                        public void term(String term, int count) {}

                        @Override
                        public void form(String term, String form, int count) {
                          p.add(new FormKey(lang, term, form), 0, count);
                        }
                      });
                },
                (k, c) -> RowFactory.create(k.lang(), k.term(), k.form(), c[0]));
    // min(struct(-n, form)) picks the most frequent form, ties broken by the first form: one
    // aggregation, deterministic, no window.
    return counted
        .select("lang", "terms")
        .mapPartitions(partial, Encoders.row(FORM_PARTIAL))
        .groupBy("lang", "term", "form")
        .agg(sum("n").as("n"))
        .groupBy("lang", "term")
        .agg(min(struct(col("n").multiply(-1), col("form"))).getField("form").as("label"));
  }

  /** term_frequencies: period, source, lang, term, label, term_count, doc_count, doc_count_raw. */
  public static Dataset<Row> frequencies(Dataset<Row> counts, Dataset<Row> labels) {
    return counts
        .join(labels, new String[] {"lang", "term"}, "left")
        .select(
            "period",
            "source",
            "lang",
            "term",
            "label",
            "term_count",
            "doc_count",
            "doc_count_raw");
  }

  /**
   * term_keyness: for each period and language, every term seen at least {@code minCount} times in
   * the period, compared with all other periods: count_period, count_rest, Dunning's G² and the log
   * ratio (log2 of the relative-frequency ratio, 0.5 added to zero counts). Positive log_ratio: the
   * term is over-used in the period. Empty when the corpus has a single period.
   */
  public static Dataset<Row> keyness(Dataset<Row> frequencies, long minCount) {
    Dataset<Row> perPeriod =
        frequencies
            .groupBy("period", "lang", "term", "label")
            .agg(sum("term_count").as("count_period"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> perLang =
        perPeriod.groupBy("lang", "term").agg(sum("count_period").as("count_all"));
    Dataset<Row> periodTotals =
        perPeriod.groupBy("period", "lang").agg(sum("count_period").as("n_period"));
    Dataset<Row> langTotals = perPeriod.groupBy("lang").agg(sum("count_period").as("n_all"));
    Dataset<Row> t =
        perPeriod
            .filter(col("count_period").geq(minCount))
            .join(perLang, new String[] {"lang", "term"})
            .join(broadcast(periodTotals), new String[] {"period", "lang"})
            .join(broadcast(langTotals), new String[] {"lang"})
            .withColumn("count_rest", col("count_all").minus(col("count_period")))
            .withColumn("n_rest", col("n_all").minus(col("n_period")))
            .filter(col("n_rest").gt(0));
    Column a = col("count_period").cast("double");
    Column b = col("count_rest").cast("double");
    Column c = col("n_period").cast("double");
    Column d = col("n_rest").cast("double");
    Column e1 = c.multiply(a.plus(b)).divide(c.plus(d));
    Column e2 = d.multiply(a.plus(b)).divide(c.plus(d));
    Column g2 = lit(2.0).multiply(xlogx(a, e1).plus(xlogx(b, e2)));
    Column ra = greatest(a, lit(0.5)).divide(c);
    Column rb = greatest(b, lit(0.5)).divide(d);
    Column logRatio = log(2.0, ra.divide(rb));
    return t.select(
        col("period"),
        col("lang"),
        col("term"),
        col("label"),
        col("count_period"),
        col("count_rest"),
        g2.as("g2"),
        logRatio.as("log_ratio"));
  }

  /** x·ln(x/e), with 0·ln 0 = 0. */
  private static Column xlogx(Column x, Column e) {
    return when(x.gt(0), x.multiply(log(x.divide(e)))).otherwise(lit(0.0));
  }

  /**
   * collocations: adjacent term pairs seen at least {@code minCount} times: lang, term (the two
   * keys separated by a space), term_a, term_b, label (most frequent surface pair), count, pmi
   * (log2 P(ab)/(P(a·)P(·b)) over all adjacent pairs) and g2 (Dunning's G² of the pair's 2×2
   * table).
   */
  public static Dataset<Row> collocations(Dataset<Row> counted, long minCount) {
    MapPartitionsFunction<Row, Row> partial =
        rows ->
            Partials.<BigramKey>fold(
                rows,
                1,
                (r, p) -> {
                  String lang = r.getString(0);
                  TermsBlob.readAll(
                      (byte[]) r.get(1),
                      new TermsBlob.Visitor() {
                        @Override
                        public void term(String term, int count) {}

                        @Override
                        public void bigram(
                            String a, String b, String formA, String formB, int count) {
                          p.add(new BigramKey(lang, a, b, formA + ' ' + formB), 0, count);
                        }
                      });
                },
                (k, c) -> RowFactory.create(k.lang(), k.a(), k.b(), k.form(), c[0]));
    // Counts per (pair, form), then per pair with its most frequent form. Cached because the
    // marginals and totals read it again.
    Dataset<Row> pairs =
        counted
            .select("lang", "terms")
            .mapPartitions(partial, Encoders.row(BIGRAM_PARTIAL))
            .groupBy("lang", "term_a", "term_b", "form")
            .agg(sum("n").as("n"))
            .groupBy("lang", "term_a", "term_b")
            .agg(
                sum("n").cast("long").as("count"),
                min(struct(col("n").multiply(-1), col("form"))).getField("form").as("label"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> left = pairs.groupBy("lang", "term_a").agg(sum("count").as("count_a"));
    Dataset<Row> right = pairs.groupBy("lang", "term_b").agg(sum("count").as("count_b"));
    Dataset<Row> totals = pairs.groupBy("lang").agg(sum("count").as("n"));
    Dataset<Row> t =
        pairs
            .filter(col("count").geq(minCount))
            .join(left, new String[] {"lang", "term_a"})
            .join(right, new String[] {"lang", "term_b"})
            .join(broadcast(totals), new String[] {"lang"});
    Column k11 = col("count").cast("double");
    Column k12 = col("count_a").minus(col("count")).cast("double");
    Column k21 = col("count_b").minus(col("count")).cast("double");
    Column n = col("n").cast("double");
    Column k22 = n.minus(k11).minus(k12).minus(k21);
    Column pmi =
        log(
            2.0,
            k11.multiply(n)
                .divide(col("count_a").cast("double").multiply(col("count_b").cast("double"))));
    Column g2 =
        lit(2.0)
            .multiply(
                xlogx(k11, k11.plus(k12).multiply(k11.plus(k21)).divide(n))
                    .plus(xlogx(k12, k11.plus(k12).multiply(k12.plus(k22)).divide(n)))
                    .plus(xlogx(k21, k21.plus(k22).multiply(k11.plus(k21)).divide(n)))
                    .plus(xlogx(k22, k21.plus(k22).multiply(k12.plus(k22)).divide(n))));
    return t.select(
        col("lang"),
        concat_ws(" ", col("term_a"), col("term_b")).as("term"),
        col("term_a"),
        col("term_b"),
        col("label"),
        col("count"),
        pmi.as("pmi"),
        g2.as("g2"));
  }
}
