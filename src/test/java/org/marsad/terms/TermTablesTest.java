package org.marsad.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.analysis.Docs;
import org.marsad.analysis.InMemoryStats;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import org.marsad.pipeline.StatsResult;
import scala.Tuple2;

/** Term frequencies, keyness and collocations against values computed by hand, without Spark. */
@Tag("unit")
class TermTablesTest {

  /** Term-count partials from (period, lang, term, label, count) rows, one source "s". */
  private static List<Tuple2<StatKey, StatValue>> tf(Object[]... rows) {
    List<Tuple2<StatKey, StatValue>> out = new ArrayList<>();
    for (Object[] r : rows) {
      StatValue v = StatValue.counts(3);
      v.add(0, (Long) r[4]);
      v.add(1, 1);
      v.add(2, 1);
      out.add(
          new Tuple2<>(
              new StatKey(TermPartials.TF, (String) r[1], (String) r[2], (String) r[0], "s"), v));
      StatValue f = StatValue.counts(1);
      f.add(0, (Long) r[4]);
      out.add(
          new Tuple2<>(
              new StatKey(TermPartials.FORM, (String) r[1], (String) r[2], (String) r[3], null),
              f));
    }
    return out;
  }

  /** Token totals of the rows (what the pass counts as TOKENS). */
  private static Map<String, Map<String, Long>> tokens(Object[]... rows) {
    Map<String, Map<String, Long>> t = new TreeMap<>();
    for (Object[] r : rows) {
      t.computeIfAbsent((String) r[0], x -> new TreeMap<>())
          .merge((String) r[1], (Long) r[4], Long::sum);
    }
    return t;
  }

  private static List<Row> table(
      List<Tuple2<StatKey, StatValue>> partials,
      Map<String, Map<String, Long>> tokens,
      long min,
      int table) {
    List<Row> out = new ArrayList<>();
    TermTables.finish(partials.iterator(), tokens, new TermTables.Settings(min, 1))
        .forEachRemaining(
            t -> {
              if (t._1() == table) {
                out.add(t._2());
              }
            });
    out.sort(
        java.util.Comparator.comparing((Row r) -> r.getString(0))
            .thenComparing(r -> r.getString(1))
            .thenComparing(r -> r.getString(2)));
    return out;
  }

  private static final Object[][] AR = {
    {"P1", "ar", "a", "A", 10L}, {"P1", "ar", "z", "Z", 90L},
    {"P2", "ar", "a", "A", 5L}, {"P2", "ar", "z", "Z", 195L}
  };

  @Test
  void keynessMatchesHandComputedDunningG2AndLogRatio() {
    List<Row> rows = table(tf(AR), tokens(AR), 1, TermTables.KEYNESS);
    Row a1 = rows.get(0);
    assertThat(a1.getString(2)).isEqualTo("a");
    assertThat(a1.getLong(4)).isEqualTo(10L);
    assertThat(a1.getLong(5)).isEqualTo(5L);
    // E1 = 100*15/300 = 5, E2 = 10: G2 = 2(10 ln 2 + 5 ln 0.5) = 6.9314718; log2((10/100)/(5/200))
    // = 2
    assertThat(a1.getDouble(6)).isCloseTo(6.931471805599453, within(1e-9));
    assertThat(a1.getDouble(7)).isCloseTo(2.0, within(1e-9));
    Row z1 = rows.get(1);
    assertThat(z1.getDouble(6)).isCloseTo(0.3983398686220383, within(1e-9));
    assertThat(z1.getDouble(7)).isCloseTo(-0.1154772174199359, within(1e-9));
    assertThat(table(tf(AR), tokens(AR), 11, TermTables.KEYNESS))
        .noneMatch(r -> r.getString(0).equals("P1") && r.getString(2).equals("a"));
  }

  @Test
  void keynessComparesPeriodsWithinEachLanguageOnly() {
    // The same rows in ar and in fr, and other counts of the same term string in de (a language
    // with the generic analysis): each language's keyness is that of its own rows.
    List<Object[]> all = new ArrayList<>(List.of(AR));
    for (Object[] r : AR) {
      all.add(new Object[] {r[0], "fr", r[2], r[3], r[4]});
    }
    all.add(new Object[] {"P1", "de", "a", "A", 70L});
    all.add(new Object[] {"P2", "de", "a", "A", 3L});
    all.add(new Object[] {"P2", "de", "q", "Q", 500L});
    Object[][] rows = all.toArray(new Object[0][]);
    List<Row> k = table(tf(rows), tokens(rows), 1, TermTables.KEYNESS);
    for (String lang : List.of("ar", "fr")) {
      Row a1 =
          k.stream()
              .filter(
                  r ->
                      r.getString(0).equals("P1")
                          && r.getString(1).equals(lang)
                          && r.getString(2).equals("a"))
              .findFirst()
              .orElseThrow();
      assertThat(a1.getLong(5)).isEqualTo(5L);
      assertThat(a1.getDouble(6)).isCloseTo(6.931471805599453, within(1e-9));
    }
    Row de =
        k.stream()
            .filter(r -> r.getString(0).equals("P1") && r.getString(1).equals("de"))
            .findFirst()
            .orElseThrow();
    assertThat(de.getLong(5)).isEqualTo(3L);
  }

  private static List<Row> collocations(Docs d, long min) {
    List<Tuple2<StatKey, StatValue>> p = InMemoryStats.reduce(d, new TermPartials());
    Map<String, Long> pairs = new HashMap<>();
    for (Tuple2<StatKey, StatValue> e : p) {
      if (e._1().is(TermPartials.PAIRS)) {
        pairs.put(e._1().a(), e._2().count(0));
      }
    }
    List<Tuple2<StatKey, Object[]>> cands = new ArrayList<>();
    TermTables.collocationCandidates(p.iterator(), min).forEachRemaining(cands::add);
    List<Row> out = new ArrayList<>();
    TermTables.collocations(
            cands.iterator(), StatsResult.only(p.iterator(), TermPartials.RIGHT), pairs)
        .forEachRemaining(out::add);
    return out;
  }

  @Test
  void collocationsMatchHandComputedPmiAndG2() {
    // Pairs: x y ×4 (form "X Y"), x w ×1, v y ×2, v w ×3 in one document each run of tokens.
    Docs d = new Docs();
    int i = 0;
    for (String[] p :
        new String[][] {
          {"x/X", "y/Y", "4"}, {"x/X", "w/W", "1"}, {"v/V", "y/Y", "2"}, {"v/V", "w/W", "3"}
        }) {
      for (int k = 0; k < Integer.parseInt(p[2]); k++) {
        d.add("d" + i++, "P", 1, List.of(), p[0], p[1]);
      }
    }
    List<Row> rows = collocations(d, 1).stream().filter(r -> r.getString(1).equals("x y")).toList();
    assertThat(rows).hasSize(1);
    Row r = rows.get(0);
    assertThat(r.getLong(5)).isEqualTo(4L);
    assertThat(r.getString(4)).isEqualTo("X Y");
    // N = 10, c(x·) = 5, c(·y) = 6: PMI = log2(4*10/30); G2 over the 2x2 table (4,1,2,3).
    assertThat(r.getDouble(6)).isCloseTo(0.41503749927884376, within(1e-9));
    assertThat(r.getDouble(7)).isCloseTo(1.7260924347106847, within(1e-9));
    assertThat(collocations(d, 5)).isEmpty();
  }

  @Test
  void countsAndLabelsFromTheDocumentsTerms() {
    Docs d =
        new Docs()
            .add("d1", "P", 1, List.of(), "a/A1", "a/A1", "b/B")
            .add("d2", "P", 1, List.of(), "a/A2", "a/A1");
    List<Tuple2<StatKey, StatValue>> p = InMemoryStats.reduce(d, new TermPartials());
    Row a =
        table(p, Map.of(), 1, TermTables.FREQUENCIES).stream()
            .filter(r -> r.getString(3).equals("a"))
            .findFirst()
            .orElseThrow();
    assertThat(a.getLong(5)).isEqualTo(4L);
    assertThat(a.getLong(6)).isEqualTo(2L);
    assertThat(a.getString(4)).isEqualTo("A1");
  }

  @Test
  void collocationsAreCountedPerLanguage() {
    Docs d = new Docs();
    for (int k = 0; k < 3; k++) {
      d.add("a" + k, "P", 1, List.of(), "x/X", "y/Y");
      d.addLang("f" + k, "fr", "P", 1, List.of(), "x/X", "y/Y");
    }
    List<Row> rows = collocations(d, 1).stream().filter(r -> r.getString(1).equals("x y")).toList();
    assertThat(rows).extracting(r -> r.getString(0)).containsExactlyInAnyOrder("ar", "fr");
    assertThat(rows).extracting(r -> r.getLong(5)).containsOnly(3L);
  }
}
