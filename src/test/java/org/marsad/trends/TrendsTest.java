package org.marsad.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.catalog.Catalog;

/**
 * Trend tables against values computed by hand. The corpus of every test: 40 counted documents in
 * January 2017, 40 in February, none in March (a gap), 20 in April.
 */
@Tag("unit")
class TrendsTest {

  private static final double EPS = 1e-9;

  /** Rows with a schema named {@code cols}, typed from the values. */
  private static List<Row> table(Object[][] rows, String... cols) {
    StructType schema = new StructType();
    for (int c = 0; c < cols.length; c++) {
      DataType t = DataTypes.StringType;
      for (Object[] r : rows) {
        if (r[c] instanceof Long) {
          t = DataTypes.LongType;
        } else if (r[c] instanceof Double) {
          t = DataTypes.DoubleType;
        }
      }
      schema = schema.add(cols[c], t);
    }
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(new GenericRowWithSchema(r, schema));
    }
    return out;
  }

  private static Map<String, Long> docsByPeriod(List<Row> periodDocs) {
    Map<String, Long> m = new TreeMap<>();
    for (Row r : periodDocs) {
      if (!"all".equals(r.getAs("period"))) {
        m.merge(r.getAs("period"), r.<Long>getAs("docs"), Long::sum);
      }
    }
    return m;
  }

  private static List<Row> withSchema(List<Row> rows, StructType schema) {
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      Object[] v = new Object[r.length()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.get(i);
      }
      out.add(new GenericRowWithSchema(v, schema));
    }
    return out;
  }

  /** state_trends of state_counts rows (period, source, state, docs), per state. */
  private static List<Row> stateTrends(List<Row> counts, List<Row> periodDocs) {
    return stateTrends(counts, periodDocs, TrendSettings.DEFAULTS);
  }

  private static List<Row> stateTrends(List<Row> counts, List<Row> periodDocs, TrendSettings s) {
    Map<String, Map<String, Long>> perState = new TreeMap<>();
    for (Row r : counts) {
      perState
          .computeIfAbsent(r.getAs("state"), x -> new TreeMap<>())
          .merge(r.getAs("period"), r.<Long>getAs("docs"), Long::sum);
    }
    List<Row> out = new ArrayList<>();
    perState.forEach((st, m) -> out.addAll(Trends.stateTrends(st, m, docsByPeriod(periodDocs), s)));
    return withSchema(out, Catalog.STATE_TRENDS.schema());
  }

  /** comention_trends of state_comentions rows (period, scope, a, b, co_docs, npmi), per pair. */
  private static List<Row> comentionTrends(List<Row> co, List<Row> periodDocs, long minCoDocs) {
    Map<String, Map<String, Long>> n = new TreeMap<>();
    Map<String, Map<String, Double>> v = new TreeMap<>();
    for (Row r : co) {
      if (!"document".equals(r.getAs("scope"))) {
        continue;
      }
      String key = r.getAs("state_a") + "|" + r.getAs("state_b");
      n.computeIfAbsent(key, x -> new TreeMap<>()).put(r.getAs("period"), r.getAs("co_docs"));
      v.computeIfAbsent(key, x -> new TreeMap<>()).put(r.getAs("period"), r.getAs("npmi"));
    }
    List<Row> out = new ArrayList<>();
    n.forEach(
        (key, m) -> {
          String[] ab = key.split("\\|");
          out.addAll(
              Trends.comentionTrends(
                  ab[0],
                  ab[1],
                  m,
                  v.get(key),
                  docsByPeriod(periodDocs),
                  minCoDocs,
                  TrendSettings.DEFAULTS));
        });
    return withSchema(out, Catalog.COMENTION_TRENDS.schema());
  }

  private static List<Row> termTrends(List<Row> tf, long minCount) {
    return termTrends(tf, minCount, Trends.DEFAULT_TERM_MIN_G2);
  }

  /** term_trends of term_frequencies rows, per term, with token totals summed from them. */
  private static List<Row> termTrends(List<Row> tf, long minCount, double minG2) {
    Map<String, Map<String, Long>> tokens = new TreeMap<>();
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    Map<String, String> labels = new TreeMap<>();
    for (Row r : tf) {
      String lang = r.getAs("lang");
      String term = r.getAs("term");
      long c = r.getAs("term_count");
      tokens.computeIfAbsent(r.getAs("period"), x -> new TreeMap<>()).merge(lang, c, Long::sum);
      counts
          .computeIfAbsent(lang + "|" + term, x -> new TreeMap<>())
          .merge(r.getAs("period"), c, Long::sum);
      labels.put(lang + "|" + term, r.getAs("label"));
    }
    List<Row> out = new ArrayList<>();
    counts.forEach(
        (key, m) -> {
          String[] lt = key.split("\\|");
          out.addAll(Trends.termTrends(lt[0], lt[1], labels.get(key), m, tokens, minCount, minG2));
        });
    return withSchema(out, Catalog.TERM_TRENDS.schema());
  }

  private static List<Row> periodDocs() {
    return table(
        new Object[][] {{"2017-01", 40L}, {"2017-02", 40L}, {"2017-04", 20L}, {"all", 100L}},
        "period",
        "docs");
  }

  /** Rows keyed by the given columns joined with '|'. */
  private static Map<String, Row> byKey(List<Row> d, String... keys) {
    Map<String, Row> out = new LinkedHashMap<>();
    for (Row r : d) {
      StringBuilder k = new StringBuilder();
      for (String c : keys) {
        k.append(k.length() == 0 ? "" : "|").append((Object) r.getAs(c));
      }
      assertThat(out.put(k.toString(), r)).as("one row per key " + k).isNull();
    }
    return out;
  }

  private static double d(Row r, String c) {
    return ((Number) r.getAs(c)).doubleValue();
  }

  @Test
  void stateTrendsMatchHandValues() {
    List<Row> counts =
        table(
            new Object[][] {
              {"2017-01", "a", "X", 3L, 5L, 0.1},
              {"2017-01", "b", "X", 1L, 1L, 0.1},
              {"2017-02", "a", "X", 6L, 6L, 0.15},
              {"2017-04", "a", "X", 10L, 12L, 0.5},
              {"2017-01", "a", "Y", 1L, 1L, 0.025},
              {"2017-04", "b", "Z", 2L, 2L, 0.1},
              {"all", "a", "X", 20L, 24L, 0.2}
            },
            "period",
            "source",
            "state",
            "docs",
            "mentions",
            "share_of_docs");
    Map<String, Row> t = byKey(stateTrends(counts, periodDocs()), "state", "period");
    // X is named in 2017-01, -02 and -04; Y in 2017-01 only (so also a row for its fall to zero
    // in 2017-02); Z in 2017-04 only. March has no documents: no rows; 'all' is skipped.
    assertThat(t.keySet())
        .containsExactlyInAnyOrder(
            "X|2017-01", "X|2017-02", "X|2017-04", "Y|2017-01", "Y|2017-02", "Z|2017-04");

    // X, 2017-01: 3 + 1 documents over the two sources of 40; December 2016 had no documents, so
    // there is no previous share, and the window (Jul-Dec 2016) is empty: no burst score.
    Row x1 = t.get("X|2017-01");
    assertThat((Long) x1.getAs("docs")).isEqualTo(4L);
    assertThat((Long) x1.getAs("docs_total")).isEqualTo(40L);
    assertThat(d(x1, "share_of_docs")).isCloseTo(0.1, within(EPS));
    assertThat((Object) x1.getAs("prev_share_of_docs")).isNull();
    assertThat((Object) x1.getAs("share_change")).isNull();
    assertThat((Long) x1.getAs("window_docs_total")).isZero();
    assertThat((Object) x1.getAs("window_share")).isNull();
    assertThat((Object) x1.getAs("burst_g2")).isNull();
    assertThat((Boolean) x1.getAs("burst")).isFalse();

    // X, 2017-02: 6/40 = 0.15 against 4/40 = 0.1 in January: change +0.05. Window Aug 2016-Jan
    // 2017: 4 of 40. G² of the table (6, 34 | 4, 36): N = 80, 10 named; E = 5, 35, 5, 35;
    // 2(6 ln 6/5 + 34 ln 34/35 + 4 ln 4/5 + 36 ln 36/35) = 0.45986; log2(0.15/0.1) = 0.58496.
    Row x2 = t.get("X|2017-02");
    assertThat(d(x2, "share_of_docs")).isCloseTo(0.15, within(EPS));
    assertThat(d(x2, "prev_share_of_docs")).isCloseTo(0.1, within(EPS));
    assertThat(d(x2, "share_change")).isCloseTo(0.05, within(EPS));
    assertThat((Long) x2.getAs("window_docs")).isEqualTo(4L);
    assertThat((Long) x2.getAs("window_docs_total")).isEqualTo(40L);
    assertThat(d(x2, "window_share")).isCloseTo(0.1, within(EPS));
    assertThat(d(x2, "burst_g2")).isCloseTo(0.4598609052347493, within(EPS));
    assertThat(d(x2, "burst_log_ratio")).isCloseTo(0.584962500721156, within(EPS));
    assertThat((Boolean) x2.getAs("burst")).isFalse();

    // X, 2017-04: 10/20 = 0.5. March had no documents: no change (not a comparison with
    // February). Window Oct 2016-Mar 2017: 4 + 6 = 10 of 40 + 40 = 80, share 0.125. G² of
    // (10, 10 | 10, 70): N = 100, 20 named; E = 4, 16, 16, 64;
    // 2(10 ln 10/4 + 10 ln 10/16 + 10 ln 10/16 + 70 ln 70/64) = 12.0714 >= 10.83 and
    // log2(0.5/0.125) = 2 >= 1 with 10 >= 3 documents: a burst.
    Row x4 = t.get("X|2017-04");
    assertThat((Long) x4.getAs("docs")).isEqualTo(10L);
    assertThat(d(x4, "share_of_docs")).isCloseTo(0.5, within(EPS));
    assertThat((Object) x4.getAs("prev_share_of_docs")).isNull();
    assertThat((Object) x4.getAs("share_change")).isNull();
    assertThat((Long) x4.getAs("window_docs")).isEqualTo(10L);
    assertThat((Long) x4.getAs("window_docs_total")).isEqualTo(80L);
    assertThat(d(x4, "window_share")).isCloseTo(0.125, within(EPS));
    assertThat(d(x4, "burst_g2")).isCloseTo(12.071371684209877, within(EPS));
    assertThat(d(x4, "burst_log_ratio")).isCloseTo(2.0, within(EPS));
    assertThat((Boolean) x4.getAs("burst")).isTrue();

    // Y, 2017-02: no document names it, January's 1/40 fell to 0: change -0.025.
    Row y2 = t.get("Y|2017-02");
    assertThat((Long) y2.getAs("docs")).isZero();
    assertThat(d(y2, "share_of_docs")).isZero();
    assertThat(d(y2, "share_change")).isCloseTo(-0.025, within(EPS));
    assertThat((Boolean) y2.getAs("burst")).isFalse();

    // Z, 2017-04: 2 of 20 against 0 of 80. G² of (2, 18 | 0, 80): E = 0.4, 19.6, 1.6, 78.4;
    // 2(2 ln 5 + 18 ln 18/19.6 + 80 ln 80/78.4) = 6.6045; log2((2/20)/(0.5/80)) = 4.
    Row z = t.get("Z|2017-04");
    assertThat(d(z, "window_share")).isZero();
    assertThat(d(z, "burst_g2")).isCloseTo(6.604503720288466, within(EPS));
    assertThat(d(z, "burst_log_ratio")).isCloseTo(4.0, within(EPS));
    assertThat((Boolean) z.getAs("burst")).isFalse();
    // With a G² threshold of 5, only the minimum of documents keeps two documents from bursting.
    assertThat(burst(counts, new TrendSettings(6, 3, 5, 1), "Z|2017-04")).isFalse();
    assertThat(burst(counts, new TrendSettings(6, 2, 5, 1), "Z|2017-04")).isTrue();
    // A window of one period: April's window is March alone, which had no documents.
    Row x4w1 =
        byKey(
                stateTrends(counts, periodDocs(), new TrendSettings(1, 3, 10.83, 1)),
                "state",
                "period")
            .get("X|2017-04");
    assertThat((Long) x4w1.getAs("window_docs_total")).isZero();
    assertThat((Boolean) x4w1.getAs("burst")).isFalse();
  }

  private static boolean burst(List<Row> counts, TrendSettings s, String key) {
    return byKey(stateTrends(counts, periodDocs(), s), "state", "period").get(key).getAs("burst");
  }

  @Test
  void comentionTrendsMatchHandValues() {
    List<Row> co =
        table(
            new Object[][] {
              {"2017-01", "document", "AA", "BB", 2L, 0.2},
              {"2017-02", "document", "AA", "BB", 4L, 0.3},
              {"2017-04", "document", "AA", "BB", 10L, 0.6},
              {"2017-02", "sentence", "AA", "BB", 9L, 0.9},
              {"all", "document", "AA", "BB", 16L, 0.5},
              {"2017-01", "document", "CC", "DD", 1L, 0.1},
              {"2017-02", "document", "AA", "CC", 3L, -0.1}
            },
            "period",
            "scope",
            "state_a",
            "state_b",
            "co_docs",
            "npmi");
    Map<String, Row> t =
        byKey(comentionTrends(co, periodDocs(), 2), "state_a", "state_b", "period");
    // CC-DD has one co-mention, below minCoDocs 2; AA-CC is absent in 2017-01 and 2017-03 has no
    // documents, so AA-CC has no row in 2017-04 (its previous period is March, not February).
    assertThat(t.keySet())
        .containsExactlyInAnyOrder(
            "AA|BB|2017-01", "AA|BB|2017-02", "AA|BB|2017-04", "AA|CC|2017-02");

    Row ab1 = t.get("AA|BB|2017-01");
    assertThat((Long) ab1.getAs("co_docs")).isEqualTo(2L);
    assertThat((Object) ab1.getAs("co_docs_change")).as("December had no documents").isNull();
    assertThat((Object) ab1.getAs("npmi_change")).isNull();
    assertThat((Object) ab1.getAs("burst_g2")).isNull();

    // 2017-02: 4 co-mentions against 2, NPMI 0.3 against 0.2. G² of (4, 36 | 2, 38): E = 3, 37,
    // 3, 37; 2(4 ln 4/3 + 36 ln 36/37 + 2 ln 2/3 + 38 ln 38/37) = 0.73366; log2((4/40)/(2/40)) = 1.
    Row ab2 = t.get("AA|BB|2017-02");
    assertThat((Long) ab2.getAs("co_docs")).isEqualTo(4L);
    assertThat((Long) ab2.getAs("docs_total")).isEqualTo(40L);
    assertThat(d(ab2, "npmi")).isCloseTo(0.3, within(EPS));
    assertThat((Long) ab2.getAs("prev_co_docs")).isEqualTo(2L);
    assertThat((Long) ab2.getAs("co_docs_change")).isEqualTo(2L);
    assertThat(d(ab2, "prev_npmi")).isCloseTo(0.2, within(EPS));
    assertThat(d(ab2, "npmi_change")).isCloseTo(0.1, within(EPS));
    assertThat((Long) ab2.getAs("window_co_docs")).isEqualTo(2L);
    assertThat(d(ab2, "burst_g2")).isCloseTo(0.7336567838816097, within(EPS));
    assertThat(d(ab2, "burst_log_ratio")).isCloseTo(1.0, within(EPS));
    assertThat((Boolean) ab2.getAs("burst")).isFalse();

    // 2017-04: 10 of 20 against 2 + 4 = 6 of 80. G² of (10, 10 | 6, 74): N = 100, 16 named;
    // E = 3.2, 16.8, 12.8, 67.2; 2(10 ln 10/3.2 + 10 ln 10/16.8 + 6 ln 6/12.8 + 74 ln 74/67.2)
    // = 17.5866; log2(0.5/0.075) = 2.73697: a burst. March had no documents: no changes.
    Row ab4 = t.get("AA|BB|2017-04");
    assertThat((Long) ab4.getAs("prev_co_docs")).isZero();
    assertThat((Object) ab4.getAs("co_docs_change")).isNull();
    assertThat((Object) ab4.getAs("prev_npmi")).isNull();
    assertThat((Long) ab4.getAs("window_co_docs")).isEqualTo(6L);
    assertThat((Long) ab4.getAs("window_docs_total")).isEqualTo(80L);
    assertThat(d(ab4, "burst_g2")).isCloseTo(17.586574535003482, within(EPS));
    assertThat(d(ab4, "burst_log_ratio")).isCloseTo(2.736965594166206, within(EPS));
    assertThat((Boolean) ab4.getAs("burst")).isTrue();

    // AA-CC, 2017-02: first co-mentioned (January had documents: change +3, but no NPMI change).
    // G² of (3, 37 | 0, 40) = 4.27580 < 10.83: no burst.
    Row ac = t.get("AA|CC|2017-02");
    assertThat((Long) ac.getAs("co_docs_change")).isEqualTo(3L);
    assertThat((Object) ac.getAs("npmi_change")).isNull();
    assertThat(d(ac, "burst_g2")).isCloseTo(4.2757957889114415, within(EPS));
    assertThat((Boolean) ac.getAs("burst")).isFalse();
  }

  @Test
  void termTrendsCompareEachPeriodWithItsCalendarPredecessor() {
    List<Row> tf =
        table(
            new Object[][] {
              {"2017-01", "s1", "ar", "a", "A", 6L, 3L},
              {"2017-01", "s2", "ar", "a", "A", 4L, 2L},
              {"2017-01", "s1", "ar", "z", "Z", 88L, 9L},
              {"2017-01", "s1", "ar", "w", "W", 2L, 1L},
              {"2017-02", "s1", "ar", "a", "A", 5L, 4L},
              {"2017-02", "s1", "ar", "z", "Z", 147L, 9L},
              {"2017-02", "s1", "ar", "n", "N", 8L, 3L},
              {"2017-02", "s1", "ar", "w", "W", 40L, 8L},
              {"2017-02", "s1", "en", "oil", "oil", 30L, 3L},
              {"2017-04", "s1", "ar", "a", "A", 50L, 5L},
              {"2017-04", "s1", "ar", "z", "Z", 50L, 5L}
            },
            "period",
            "source",
            "lang",
            "term",
            "label",
            "term_count",
            "doc_count");
    // Token totals: 100 in January, 200 in February (Arabic). 2017-01 has no predecessor with
    // documents, 2017-04's predecessor March has none, English has no tokens in January.
    Map<String, Row> all = byKey(termTrends(tf, 5, 0), "period", "lang", "term");
    assertThat(all.keySet())
        .containsExactlyInAnyOrder("2017-02|ar|a", "2017-02|ar|z", "2017-02|ar|n", "2017-02|ar|w");

    // a: 5 of 200 against 6 + 4 = 10 of 100. E1 = 200·15/300 = 10, E2 = 5;
    // G² = 2(5 ln 5/10 + 10 ln 10/5) = 6.93147; log2((5/200)/(10/100)) = -2: falling.
    Row a = all.get("2017-02|ar|a");
    assertThat((String) a.getAs("label")).isEqualTo("A");
    assertThat((Long) a.getAs("count_period")).isEqualTo(5L);
    assertThat((Long) a.getAs("count_prev")).isEqualTo(10L);
    assertThat((Long) a.getAs("n_period")).isEqualTo(200L);
    assertThat((Long) a.getAs("n_prev")).isEqualTo(100L);
    assertThat(d(a, "g2")).isCloseTo(6.931471805599453, within(EPS));
    assertThat(d(a, "log_ratio")).isCloseTo(-2.0, within(EPS));
    assertThat((String) a.getAs("direction")).isEqualTo(Trends.FALLING);

    // n: new in February, 8 against 0. E1 = 200·8/300, E2 = 100·8/300;
    // G² = 2·8 ln(8/5.3333) = 6.48744; log2((8/200)/(0.5/100)) = 3: rising.
    Row n = all.get("2017-02|ar|n");
    assertThat((Long) n.getAs("count_prev")).isZero();
    assertThat(d(n, "g2")).isCloseTo(6.48744172973063, within(EPS));
    assertThat(d(n, "log_ratio")).isCloseTo(3.0, within(EPS));
    assertThat((String) n.getAs("direction")).isEqualTo(Trends.RISING);

    // w: 40 of 200 against 2 of 100. E1 = 28, E2 = 14;
    // G² = 2(40 ln 40/28 + 2 ln 2/14) = 20.7504; log2((40/200)/(2/100)) = log2 10 = 3.32193.
    Row w = all.get("2017-02|ar|w");
    assertThat(d(w, "g2")).isCloseTo(20.75035491887734, within(EPS));
    assertThat(d(w, "log_ratio")).isCloseTo(3.321928094887362, within(EPS));

    // z: 147 against 88: E1 = 156.667, E2 = 78.333; G² = 1.75577.
    assertThat(d(all.get("2017-02|ar|z"), "g2")).isCloseTo(1.7557728027457706, within(EPS));

    // The default G² threshold (p < 0.001) keeps only w; a count of at least 9 in one of the two
    // periods keeps a (10 in January), z and w, not n (8).
    assertThat(byKey(termTrends(tf, 5), "period", "lang", "term").keySet())
        .containsExactly("2017-02|ar|w");
    assertThat(byKey(termTrends(tf, 9, 0), "period", "lang", "term").keySet())
        .containsExactlyInAnyOrder("2017-02|ar|a", "2017-02|ar|z", "2017-02|ar|w");
  }

  @Test
  void aCorpusWithoutDatesHasNoTrends() {
    List<Row> docs = table(new Object[][] {{"all", 10L}}, "period", "docs");
    List<Row> counts =
        table(
            new Object[][] {{"all", "s", "X", 3L, 3L, 0.3}},
            "period",
            "source",
            "state",
            "docs",
            "mentions",
            "share_of_docs");
    assertThat(stateTrends(counts, docs)).isEmpty();
    List<String> columns = List.of(Catalog.STATE_TRENDS.schema().fieldNames());
    assertThat(columns)
        .containsExactly(
            "period",
            "state",
            "docs",
            "docs_total",
            "share_of_docs",
            "prev_share_of_docs",
            "share_change",
            "window_docs",
            "window_docs_total",
            "window_share",
            "burst_g2",
            "burst_log_ratio",
            "burst");
  }
}
