package org.marsad.terms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import org.marsad.trends.TrendMath;
import org.marsad.trends.Trends;
import scala.Tuple2;

/**
 * The terms capability's tables from the reduced partials of one partition, in plain Java: every
 * row of a term (all its periods, sources, forms and the pairs it starts) is in the same partition,
 * so term_frequencies (with the label), term_keyness (against the token totals, which travel as
 * values) and term_trends are made without another shuffle. Collocations need the right marginal of
 * the pair's second term, which lives with that term: the candidates travel there ({@link
 * #collocations}).
 */
public final class TermTables {

  /** Table numbers of {@link #finish}'s output. */
  public static final int FREQUENCIES = 0;

  /** Rows of term_keyness. */
  public static final int KEYNESS = 1;

  /** Rows of term_trends. */
  public static final int TRENDS = 2;

  private TermTables() {}

  /** Everything reduced about one (lang, term). */
  static final class TermGroup {
    final String lang;
    final String term;
    final Map<String, long[]> bySource = new HashMap<>(); // period \t source -> counts
    final Map<String, Long> forms = new HashMap<>();
    final Map<String, Map<String, Long>> pairs = new HashMap<>(); // b -> form -> n
    long right;

    TermGroup(String lang, String term) {
      this.lang = lang;
      this.term = term;
    }

    String label() {
      String best = null;
      long n = -1;
      for (Map.Entry<String, Long> e : forms.entrySet()) {
        if (e.getValue() > n || (e.getValue() == n && e.getKey().compareTo(best) < 0)) {
          best = e.getKey();
          n = e.getValue();
        }
      }
      return best;
    }
  }

  /** The settings of the finishing step. */
  public record Settings(long minKeynessCount, long minCollocationCount)
      implements java.io.Serializable {}

  /** Groups a partition's reduced partials by (lang, term). */
  static Map<List<String>, TermGroup> groups(Iterator<Tuple2<StatKey, StatValue>> it) {
    Map<List<String>, TermGroup> groups = new HashMap<>();
    while (it.hasNext()) {
      Tuple2<StatKey, StatValue> e = it.next();
      StatKey k = e._1();
      int tag = k.tag();
      if (tag == TermPartials.TF.id()) {
        group(groups, k).bySource.put(k.c() + "\t" + k.d(), e._2().counts());
      } else if (tag == TermPartials.FORM.id()) {
        group(groups, k).forms.put(k.c(), e._2().count(0));
      } else if (tag == TermPartials.BIGRAM.id()) {
        group(groups, k)
            .pairs
            .computeIfAbsent(k.c(), x -> new HashMap<>())
            .put(k.d(), e._2().count(0));
      } else if (tag == TermPartials.RIGHT.id()) {
        group(groups, k).right = e._2().count(0);
      }
    }
    return groups;
  }

  private static TermGroup group(Map<List<String>, TermGroup> groups, StatKey k) {
    return groups.computeIfAbsent(List.of(k.a(), k.b()), x -> new TermGroup(k.a(), k.b()));
  }

  /**
   * The rows of term_frequencies, term_keyness and term_trends of a partition, each tagged with its
   * table number.
   *
   * @param tokens token totals of the documents that count, by period then language
   */
  public static Iterator<Tuple2<Integer, Row>> finish(
      Iterator<Tuple2<StatKey, StatValue>> partition,
      Map<String, Map<String, Long>> tokens,
      Settings s) {
    Map<String, Long> langTotals = new HashMap<>();
    for (Map<String, Long> byLang : tokens.values()) {
      byLang.forEach((l, n) -> langTotals.merge(l, n, Long::sum));
    }
    List<Tuple2<Integer, Row>> out = new ArrayList<>();
    for (TermGroup g : groups(partition).values()) {
      if (g.bySource.isEmpty()) {
        continue; // only the right marginal of a term that never counted
      }
      String label = g.label();
      Map<String, Long> perPeriod = new TreeMap<>();
      for (Map.Entry<String, long[]> e : g.bySource.entrySet()) {
        String[] ps = e.getKey().split("\t", 2);
        long[] c = e.getValue();
        out.add(
            new Tuple2<>(
                FREQUENCIES,
                RowFactory.create(ps[0], ps[1], g.lang, g.term, label, c[0], c[1], c[2])));
        perPeriod.merge(ps[0], c[0], Long::sum);
      }
      keyness(g, label, perPeriod, tokens, langTotals, s.minKeynessCount(), out);
      trends(g, label, perPeriod, tokens, s.minKeynessCount(), out);
    }
    return out.iterator();
  }

  private static void keyness(
      TermGroup g,
      String label,
      Map<String, Long> perPeriod,
      Map<String, Map<String, Long>> tokens,
      Map<String, Long> langTotals,
      long minCount,
      List<Tuple2<Integer, Row>> out) {
    long all = 0;
    for (long n : perPeriod.values()) {
      all += n;
    }
    long nAll = langTotals.getOrDefault(g.lang, 0L);
    for (Map.Entry<String, Long> e : perPeriod.entrySet()) {
      long a = e.getValue();
      if (a < minCount) {
        continue;
      }
      long nPeriod = tokens.getOrDefault(e.getKey(), Map.of()).getOrDefault(g.lang, 0L);
      long nRest = nAll - nPeriod;
      if (nRest <= 0) {
        continue;
      }
      long b = all - a;
      double g2 = TrendMath.g2(a, b, nPeriod, nRest);
      double lr = TrendMath.logRatio(a, nPeriod, b, nRest);
      out.add(
          new Tuple2<>(
              KEYNESS, RowFactory.create(e.getKey(), g.lang, g.term, label, a, b, g2, lr)));
    }
  }

  private static void trends(
      TermGroup g,
      String label,
      Map<String, Long> perPeriod,
      Map<String, Map<String, Long>> tokens,
      long minCount,
      List<Tuple2<Integer, Row>> out) {
    for (Row r :
        Trends.termTrends(
            g.lang, g.term, label, perPeriod, tokens, minCount, Trends.DEFAULT_TERM_MIN_G2)) {
      out.add(new Tuple2<>(TRENDS, r));
    }
  }

  /**
   * A collocation candidate (a pair seen at least the minimum count), keyed for the partition of
   * its second term: (lang, b) → (a, count, label, left marginal).
   */
  public static Iterator<Tuple2<StatKey, Object[]>> collocationCandidates(
      Iterator<Tuple2<StatKey, StatValue>> partition, long minCount) {
    List<Tuple2<StatKey, Object[]>> out = new ArrayList<>();
    for (TermGroup g : groups(partition).values()) {
      if (g.pairs.isEmpty()) {
        continue;
      }
      long left = 0;
      for (Map<String, Long> forms : g.pairs.values()) {
        for (long n : forms.values()) {
          left += n;
        }
      }
      for (Map.Entry<String, Map<String, Long>> p : g.pairs.entrySet()) {
        long count = 0;
        String label = null;
        long best = -1;
        for (Map.Entry<String, Long> f : p.getValue().entrySet()) {
          count += f.getValue();
          if (f.getValue() > best || (f.getValue() == best && f.getKey().compareTo(label) < 0)) {
            best = f.getValue();
            label = f.getKey();
          }
        }
        if (count >= minCount) {
          out.add(
              new Tuple2<>(
                  new StatKey(TermPartials.RIGHT, g.lang, p.getKey(), null, null),
                  new Object[] {g.term, count, label, left}));
        }
      }
    }
    return out.iterator();
  }

  /**
   * The collocation rows of the candidates that arrived in the partition of their second term, with
   * that term's right marginal from the reduced partials of the same partition.
   *
   * @param pairsPerLang adjacent pairs per language (N)
   */
  public static Iterator<Row> collocations(
      Iterator<Tuple2<StatKey, Object[]>> candidates,
      Iterator<Tuple2<StatKey, StatValue>> partition,
      Map<String, Long> pairsPerLang) {
    Map<List<String>, Long> right = new HashMap<>();
    while (partition.hasNext()) {
      Tuple2<StatKey, StatValue> e = partition.next();
      if (e._1().tag() == TermPartials.RIGHT.id()) {
        right.put(List.of(e._1().a(), e._1().b()), e._2().count(0));
      }
    }
    List<Row> out = new ArrayList<>();
    while (candidates.hasNext()) {
      Tuple2<StatKey, Object[]> c = candidates.next();
      String lang = c._1().a();
      String b = c._1().b();
      String a = (String) c._2()[0];
      long count = (Long) c._2()[1];
      String label = (String) c._2()[2];
      long countA = (Long) c._2()[3];
      long countB = right.getOrDefault(List.of(lang, b), 0L);
      double n = pairsPerLang.getOrDefault(lang, 0L);
      double k11 = count;
      double k12 = countA - count;
      double k21 = countB - count;
      double k22 = n - k11 - k12 - k21;
      double pmi = TrendMath.log2(k11 * n / ((double) countA * (double) countB));
      double g2 = TrendMath.g2Table(k11, k12, k21, k22);
      out.add(RowFactory.create(lang, a + " " + b, a, b, label, count, pmi, g2));
    }
    return out.iterator();
  }
}
