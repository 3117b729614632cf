package org.marsad.trends;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Change over time as pure transformations of the aggregate tables (no I/O): each period against
 * its calendar predecessor and against a trailing window of calendar periods, for states ({@code
 * state_trends}), pairs of states ({@code comention_trends}) and terms ({@code term_trends}). The
 * formulas are in the README ("Change over time").
 *
 * <p>A period is compared with the periods before it in the calendar, not in the data: a month
 * without documents between two months with documents is a month with zero documents, and the month
 * after it has no previous share to compare with. The period {@code all} has no place in the
 * calendar and is skipped.
 *
 * <p>Cost: every step is an aggregation keyed by state, pair or term and period, fed by rows copied
 * to the next periods (one copy per window slot). No window function and no step without a key puts
 * one period or the corpus on one task; the per-period tables are one row per period and are
 * broadcast.
 */
public final class Trends {

  /** Direction of a term whose relative frequency grew against the previous period. */
  public static final String RISING = "rising";

  /** Direction of a term whose relative frequency fell against the previous period. */
  public static final String FALLING = "falling";

  /** G² at p &lt; 0.001 with one degree of freedom: term_trends keeps the rows above it. */
  public static final double DEFAULT_TERM_MIN_G2 = 10.83;

  private static final StructType SLOT =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("idx", DataTypes.LongType, false);

  private Trends() {}

  /**
   * The counted documents of each period (exact duplicates excluded) from the {@code documents}
   * table (period, duplicate_of): period, docs. The second input of {@link #stateTrends} and {@link
   * #comentionTrends}.
   */
  public static Dataset<Row> periodDocs(Dataset<Row> documents) {
    return countedPerPeriod(documents.filter(col("duplicate_of").isNull()));
  }

  /** The documents of each period of {@code counted} (the documents that count): period, docs. */
  public static Dataset<Row> countedPerPeriod(Dataset<Row> counted) {
    return counted.groupBy(col("period").cast("string").as("period")).agg(count(lit(1)).as("docs"));
  }

  /** {@link #stateTrends(Dataset, Dataset, TrendSettings)} with {@link TrendSettings#DEFAULTS}. */
  public static Dataset<Row> stateTrends(Dataset<Row> stateCounts, Dataset<Row> periodDocs) {
    return stateTrends(stateCounts, periodDocs, TrendSettings.DEFAULTS);
  }

  /**
   * state_trends: period, state, docs (documents naming the state, all sources), docs_total
   * (counted documents of the period), share_of_docs, prev_share_of_docs and share_change (against
   * the calendar predecessor; null when it had no documents), window_docs, window_docs_total and
   * window_share (the previous {@code window} calendar periods pooled), burst_g2, burst_log_ratio
   * and burst. A state has a row in each period in which it is named, and in the period after (so a
   * fall to zero shows). Periods without documents have no rows.
   *
   * @param stateCounts the state_counts table (period, source, state, docs)
   * @param periodDocs counted documents per period (period, docs), see {@link #periodDocs}
   */
  public static Dataset<Row> stateTrends(
      Dataset<Row> stateCounts, Dataset<Row> periodDocs, TrendSettings settings) {
    Dataset<Row> periods = periodWindows(periodDocs, settings.window());
    Dataset<Row> perState =
        stateCounts
            .groupBy(col("period").cast("string").as("period"), col("state"))
            .agg(sum("docs").cast("long").as("n"));
    Dataset<Row> t =
        shifted(perState, periods, settings.window(), "state")
            .join(broadcast(periods), new String[] {"kind", "idx"})
            .filter(col("n0").gt(0).or(col("n1").gt(0)));
    Column docs = col("n0");
    Column total = col("docs_total");
    Column prevTotal = col("prev_docs_total");
    Column windowTotal = col("window_docs_total");
    Column share = docs.cast("double").divide(total);
    Column prevShare = when(prevTotal.gt(0), col("n1").cast("double").divide(prevTotal));
    Column hasWindow = windowTotal.gt(0);
    Column g2 = when(hasWindow, g2OfProportions(docs, total, col("nw"), windowTotal));
    Column logRatio = when(hasWindow, logRatio(docs, total, col("nw"), windowTotal));
    return t.select(
        col("period"),
        col("state"),
        docs.as("docs"),
        total.as("docs_total"),
        share.as("share_of_docs"),
        prevShare.as("prev_share_of_docs"),
        share.minus(prevShare).as("share_change"),
        col("nw").as("window_docs"),
        windowTotal.as("window_docs_total"),
        when(hasWindow, col("nw").cast("double").divide(windowTotal)).as("window_share"),
        g2.as("burst_g2"),
        logRatio.as("burst_log_ratio"),
        burst(docs, g2, logRatio, settings.minDocs(), settings).as("burst"));
  }

  /**
   * {@link #comentionTrends(Dataset, Dataset, long, TrendSettings)} with {@link
   * TrendSettings#DEFAULTS}.
   */
  public static Dataset<Row> comentionTrends(
      Dataset<Row> comentions, Dataset<Row> periodDocs, long minCoDocs) {
    return comentionTrends(comentions, periodDocs, minCoDocs, TrendSettings.DEFAULTS);
  }

  /**
   * comention_trends, from the document scope of state_comentions: period, state_a, state_b,
   * co_docs, docs_total, npmi, prev_co_docs, co_docs_change (null when the previous calendar period
   * had no documents), prev_npmi, npmi_change (null unless the pair was co-mentioned in both
   * periods), window_co_docs, window_docs_total, burst_g2, burst_log_ratio and burst. A pair has a
   * row in a period when it was co-mentioned in at least {@code minCoDocs} documents in it or in
   * the previous period. Pairs below the run's {@code --min-co-docs} are absent from
   * state_comentions and so count as 0 here.
   *
   * @param comentions the state_comentions table (period, scope, state_a, state_b, co_docs, npmi)
   * @param periodDocs counted documents per period (period, docs), see {@link #periodDocs}
   * @param minCoDocs co-mention documents a pair needs in the period or the one before
   */
  public static Dataset<Row> comentionTrends(
      Dataset<Row> comentions, Dataset<Row> periodDocs, long minCoDocs, TrendSettings settings) {
    Dataset<Row> periods = periodWindows(periodDocs, settings.window());
    Dataset<Row> perPair =
        comentions
            .filter(col("scope").equalTo("document"))
            .select(
                col("period").cast("string").as("period"),
                col("state_a"),
                col("state_b"),
                col("co_docs").cast("long").as("n"),
                col("npmi").as("v"));
    Dataset<Row> t =
        shifted(perPair, periods, settings.window(), "state_a", "state_b")
            .join(broadcast(periods), new String[] {"kind", "idx"})
            .filter(col("n0").geq(minCoDocs).or(col("n1").geq(minCoDocs)))
            .filter(col("n0").gt(0).or(col("n1").gt(0)));
    Column co = col("n0");
    Column total = col("docs_total");
    Column prevTotal = col("prev_docs_total");
    Column windowTotal = col("window_docs_total");
    Column hasWindow = windowTotal.gt(0);
    Column g2 = when(hasWindow, g2OfProportions(co, total, col("nw"), windowTotal));
    Column logRatio = when(hasWindow, logRatio(co, total, col("nw"), windowTotal));
    return t.select(
        col("period"),
        col("state_a"),
        col("state_b"),
        co.as("co_docs"),
        total.as("docs_total"),
        col("v0").as("npmi"),
        col("n1").as("prev_co_docs"),
        when(prevTotal.gt(0), co.minus(col("n1"))).as("co_docs_change"),
        col("v1").as("prev_npmi"),
        col("v0").minus(col("v1")).as("npmi_change"),
        col("nw").as("window_co_docs"),
        windowTotal.as("window_docs_total"),
        g2.as("burst_g2"),
        logRatio.as("burst_log_ratio"),
        burst(co, g2, logRatio, Math.max(minCoDocs, settings.minDocs()), settings).as("burst"));
  }

  /** {@link #termTrends(Dataset, long, double)} with G² at least {@link #DEFAULT_TERM_MIN_G2}. */
  public static Dataset<Row> termTrends(Dataset<Row> termFrequencies, long minCount) {
    return termTrends(termFrequencies, minCount, DEFAULT_TERM_MIN_G2);
  }

  /**
   * term_trends: the terms of each period and language whose frequency changed against the calendar
   * predecessor: period, lang, term, label, count_period, count_prev (term counts over all
   * sources), n_period, n_prev (token totals of the language), g2 and log_ratio as in term_keyness
   * with the previous period in place of the rest of the corpus, and direction (rising when
   * log_ratio &gt; 0, else falling). Only terms seen at least {@code minCount} times in one of the
   * two periods, with G² at least {@code minG2}. A period whose predecessor has no tokens of the
   * language (no documents) has no rows.
   *
   * @param termFrequencies the term_frequencies table (period, source, lang, term, label,
   *     term_count)
   */
  public static Dataset<Row> termTrends(Dataset<Row> termFrequencies, long minCount, double minG2) {
    // The rows per source go straight into the one keyed aggregation below (summing the sources
    // there too): one shuffle of the large table, not two.
    Dataset<Row> perTerm =
        termFrequencies.select(
            col("period").cast("string").as("period"),
            col("lang"),
            col("term"),
            col("label"),
            col("term_count").cast("long").as("n"));
    Dataset<Row> totals = perTerm.groupBy("period", "lang").agg(sum("n").as("n"));
    Dataset<Row> slots = slots(totals);
    // Token totals of each period and its predecessor, per language.
    Dataset<Row> periodTotals =
        totals
            .join(broadcast(slots), "period")
            .select(col("lang"), col("kind"), col("idx"), col("n"), explode(offsets(0, 1)).as("k"))
            .groupBy(col("lang"), col("kind"), col("idx").plus(col("k")).as("idx"))
            .agg(
                sum(when(col("k").equalTo(0), col("n"))).as("n_period"),
                sum(when(col("k").equalTo(1), col("n"))).as("n_prev"))
            .join(broadcast(slots), new String[] {"kind", "idx"})
            .filter(col("n_period").gt(0).and(col("n_prev").gt(0)));
    Dataset<Row> t =
        perTerm
            .join(broadcast(slots), "period")
            .select(
                col("lang"),
                col("term"),
                col("label"),
                col("kind"),
                col("idx"),
                col("n"),
                explode(offsets(0, 1)).as("k"))
            .groupBy(col("lang"), col("term"), col("kind"), col("idx").plus(col("k")).as("idx"))
            .agg(
                coalesce(sum(when(col("k").equalTo(0), col("n"))), lit(0L)).as("count_period"),
                coalesce(sum(when(col("k").equalTo(1), col("n"))), lit(0L)).as("count_prev"),
                max("label").as("label"))
            .filter(col("count_period").geq(minCount).or(col("count_prev").geq(minCount)))
            .join(broadcast(periodTotals), new String[] {"lang", "kind", "idx"});
    Column a = col("count_period").cast("double");
    Column b = col("count_prev").cast("double");
    Column c = col("n_period").cast("double");
    Column d = col("n_prev").cast("double");
    Column e1 = c.multiply(a.plus(b)).divide(c.plus(d));
    Column e2 = d.multiply(a.plus(b)).divide(c.plus(d));
    Column g2 = lit(2.0).multiply(xlogx(a, e1).plus(xlogx(b, e2)));
    Column logRatio = logRatio(col("count_period"), c, col("count_prev"), d);
    return t.withColumn("g2", g2)
        .withColumn("log_ratio", logRatio)
        .filter(col("g2").geq(minG2))
        .select(
            col("period"),
            col("lang"),
            col("term"),
            col("label"),
            col("count_period"),
            col("count_prev"),
            col("n_period").cast("long").as("n_period"),
            col("n_prev").cast("long").as("n_prev"),
            col("g2"),
            col("log_ratio"),
            when(col("log_ratio").gt(0), lit(RISING)).otherwise(lit(FALLING)).as("direction"));
  }

  // ---------------------------------------------------------------- calendar

  /** kind and idx of each distinct period of {@code d}; {@code all} and non-labels left out. */
  private static Dataset<Row> slots(Dataset<Row> d) {
    UserDefinedFunction slot =
        functions.udf(
            (UDF1<String, Row>)
                p -> {
                  PeriodCalendar.Slot s = PeriodCalendar.slot(p);
                  return s == null ? null : RowFactory.create(s.kind(), s.index());
                },
            SLOT);
    return d.select(col("period"))
        .distinct()
        .withColumn("s", slot.apply(col("period")))
        .filter(col("s").isNotNull())
        .select(col("period"), col("s.kind").as("kind"), col("s.idx").as("idx"));
  }

  /**
   * One row per period with documents: period, kind, idx, docs_total, prev_docs_total and
   * window_docs_total (the previous {@code window} calendar periods; 0 when they had none).
   */
  private static Dataset<Row> periodWindows(Dataset<Row> periodDocs, int window) {
    Dataset<Row> docs =
        periodDocs
            .select(col("period").cast("string").as("period"), col("docs").cast("long").as("docs"))
            .groupBy("period")
            .agg(sum("docs").as("docs_total"))
            .filter(col("docs_total").gt(0));
    Dataset<Row> own = docs.join(broadcast(slots(docs)), "period");
    Dataset<Row> before =
        own.select(col("kind"), col("idx"), col("docs_total"), explode(offsets(1, window)).as("k"))
            .groupBy(col("kind"), col("idx").plus(col("k")).as("idx"))
            .agg(
                sum(when(col("k").equalTo(1), col("docs_total"))).as("prev_docs_total"),
                sum("docs_total").as("window_docs_total"));
    return own.join(before, new String[] {"kind", "idx"}, "left")
        .select(
            col("period"),
            col("kind"),
            col("idx"),
            col("docs_total"),
            coalesce(col("prev_docs_total"), lit(0L)).as("prev_docs_total"),
            coalesce(col("window_docs_total"), lit(0L)).as("window_docs_total"));
  }

  /**
   * Per key and calendar period: n0 (the count in the period), n1 (in the previous period), nw (in
   * the {@code window} previous periods), v0 and v1 (the value column {@code v}, when {@code d} has
   * one, in the period and the previous one). Each row of {@code d} (period, keys, n) is copied to
   * the {@code window} periods after it, so a period in which the key is absent still gets a row
   * when it was present shortly before.
   */
  private static Dataset<Row> shifted(
      Dataset<Row> d, Dataset<Row> periods, int window, String... keys) {
    boolean value = Arrays.asList(d.columns()).contains("v");
    Column[] select = new Column[keys.length + 4 + (value ? 1 : 0)];
    Column[] group = new Column[keys.length + 2];
    for (int i = 0; i < keys.length; i++) {
      select[i] = col(keys[i]);
      group[i] = col(keys[i]);
    }
    int j = keys.length;
    select[j] = col("kind");
    select[j + 1] = col("idx");
    select[j + 2] = col("n");
    select[j + 3] = explode(offsets(0, window)).as("k");
    if (value) {
      select[j + 4] = col("v");
    }
    group[j] = col("kind");
    group[j + 1] = col("idx").plus(col("k")).as("idx");
    Column k = col("k");
    Column[] aggs =
        value
            ? new Column[] {
              nsum(k.equalTo(1)).as("n1"),
              nsum(k.geq(1)).as("nw"),
              max(when(k.equalTo(0), col("v"))).as("v0"),
              max(when(k.equalTo(1), col("v"))).as("v1")
            }
            : new Column[] {nsum(k.equalTo(1)).as("n1"), nsum(k.geq(1)).as("nw")};
    // The whole periods table, as in the caller's join: one broadcast, reused by both joins.
    return d.join(broadcast(periods), "period")
        .select(select)
        .groupBy(group)
        .agg(nsum(k.equalTo(0)).as("n0"), aggs);
  }

  private static Column nsum(Column when) {
    return coalesce(sum(when(when, col("n"))), lit(0L));
  }

  private static Column offsets(int from, int to) {
    return sequence(lit(from), lit(to));
  }

  // ---------------------------------------------------------------- measures

  /**
   * Dunning's G² of the 2×2 table of units naming the item or not, in the period ({@code a} of
   * {@code c}) and in the window ({@code b} of {@code d}): 2 Σ k ln(k/E), E expected under equal
   * proportions.
   */
  static Column g2OfProportions(Column a, Column c, Column b, Column d) {
    Column ka = a.cast("double");
    Column kc = c.cast("double");
    Column kb = b.cast("double");
    Column kd = d.cast("double");
    Column n = kc.plus(kd);
    Column named = ka.plus(kb);
    Column other = n.minus(named);
    return lit(2.0)
        .multiply(
            xlogx(ka, kc.multiply(named).divide(n))
                .plus(xlogx(kc.minus(ka), kc.multiply(other).divide(n)))
                .plus(xlogx(kb, kd.multiply(named).divide(n)))
                .plus(xlogx(kd.minus(kb), kd.multiply(other).divide(n))));
  }

  /** log2((a/c)/(b/d)) with 0.5 in place of a zero count, as in term_keyness. */
  static Column logRatio(Column a, Column c, Column b, Column d) {
    Column ra = greatest(a.cast("double"), lit(0.5)).divide(c.cast("double"));
    Column rb = greatest(b.cast("double"), lit(0.5)).divide(d.cast("double"));
    return log(2.0, ra.divide(rb));
  }

  private static Column burst(
      Column n, Column g2, Column logRatio, long minDocs, TrendSettings settings) {
    return coalesce(
        n.geq(minDocs).and(g2.geq(settings.minG2())).and(logRatio.geq(settings.minLogRatio())),
        lit(false));
  }

  /** x·ln(x/e), with 0·ln 0 = 0. */
  private static Column xlogx(Column x, Column e) {
    return when(x.gt(0), x.multiply(log(x.divide(e)))).otherwise(lit(0.0));
  }
}
