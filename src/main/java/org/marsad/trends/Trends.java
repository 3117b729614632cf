package org.marsad.trends;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Change over time, in plain Java, for one state, one pair or one term at a time (their counts of
 * every period are in one task or on the driver): each period against its calendar predecessor and
 * against a trailing window of calendar periods. The formulas are in the README ("Change over
 * time").
 *
 * <p>A period is compared with the periods before it in the calendar, not in the data: a month
 * without documents between two months with documents is a month with zero documents, and the month
 * after it has no previous share to compare with. The period {@code all} has no place in the
 * calendar and is skipped.
 */
public final class Trends {

  /** Direction of a term whose relative frequency grew against the previous period. */
  public static final String RISING = "rising";

  /** Direction of a term whose relative frequency fell against the previous period. */
  public static final String FALLING = "falling";

  /** G² at p &lt; 0.001 with one degree of freedom: term_trends keeps the rows above it. */
  public static final double DEFAULT_TERM_MIN_G2 = TrendMath.G2_P001;

  private Trends() {}

  /**
   * The state_trends rows of one state: period, state, docs, docs_total, share_of_docs,
   * prev_share_of_docs, share_change, window_docs, window_docs_total, window_share, burst_g2,
   * burst_log_ratio, burst. A state has a row in each period with documents in which it is named,
   * and in the period after (so a fall to zero shows).
   *
   * @param docs documents naming the state per period (all sources)
   * @param periodDocs documents that count per period
   */
  public static List<Row> stateTrends(
      String state, Map<String, Long> docs, Map<String, Long> periodDocs, TrendSettings s) {
    List<Row> out = new ArrayList<>();
    for (Point p : points(docs, null, periodDocs, s.window())) {
      if (p.n0() <= 0 && p.n1() <= 0) {
        continue;
      }
      double share = (double) p.n0() / p.total();
      Double prevShare = p.prevTotal() > 0 ? (double) p.n1() / p.prevTotal() : null;
      Burst b = Burst.of(p, s.minDocs(), s);
      out.add(
          RowFactory.create(
              p.period(),
              state,
              p.n0(),
              p.total(),
              share,
              prevShare,
              prevShare == null ? null : share - prevShare,
              p.nw(),
              p.windowTotal(),
              p.windowTotal() > 0 ? (double) p.nw() / p.windowTotal() : null,
              b.g2(),
              b.logRatio(),
              b.burst()));
    }
    return out;
  }

  /**
   * The comention_trends rows of one pair (document scope): period, state_a, state_b, co_docs,
   * docs_total, npmi, prev_co_docs, co_docs_change, prev_npmi, npmi_change, window_co_docs,
   * window_docs_total, burst_g2, burst_log_ratio, burst. A pair has a row in a period with
   * documents when it was co-mentioned in at least {@code minCoDocs} documents then or in the
   * previous period; pairs below the run's minimum are absent from state_comentions and count 0.
   *
   * @param co co-mentioning documents per period (the state_comentions rows kept)
   * @param npmi their NPMI per period
   */
  public static List<Row> comentionTrends(
      String a,
      String b,
      Map<String, Long> co,
      Map<String, Double> npmi,
      Map<String, Long> periodDocs,
      long minCoDocs,
      TrendSettings s) {
    List<Row> out = new ArrayList<>();
    long minDocs = Math.max(minCoDocs, s.minDocs());
    for (Point p : points(co, npmi, periodDocs, s.window())) {
      if (!(p.n0() >= minCoDocs || p.n1() >= minCoDocs) || (p.n0() <= 0 && p.n1() <= 0)) {
        continue;
      }
      Burst bu = Burst.of(p, minDocs, s);
      out.add(
          RowFactory.create(
              p.period(),
              a,
              b,
              p.n0(),
              p.total(),
              p.v0(),
              p.n1(),
              p.prevTotal() > 0 ? p.n0() - p.n1() : null,
              p.v1(),
              p.v0() == null || p.v1() == null ? null : p.v0() - p.v1(),
              p.nw(),
              p.windowTotal(),
              bu.g2(),
              bu.logRatio(),
              bu.burst()));
    }
    return out;
  }

  /**
   * The term_trends rows of one term: period, lang, term, label, count_period, count_prev,
   * n_period, n_prev, g2, log_ratio, direction; only terms seen at least {@code minCount} times in
   * one of the two periods, with G² at least {@code minG2}, in periods whose predecessor has tokens
   * of the language.
   *
   * @param counts the term's count per period (all sources)
   * @param tokens tokens of the documents that count, by period then language
   */
  public static List<Row> termTrends(
      String lang,
      String term,
      String label,
      Map<String, Long> counts,
      Map<String, Map<String, Long>> tokens,
      long minCount,
      double minG2) {
    List<Row> out = new ArrayList<>();
    TreeSet<String> periods = new TreeSet<>();
    for (String p : counts.keySet()) {
      PeriodCalendar.Slot slot = PeriodCalendar.slot(p);
      if (slot != null) {
        periods.add(p);
        periods.add(PeriodCalendar.label(new PeriodCalendar.Slot(slot.kind(), slot.index() + 1)));
      }
    }
    for (String p : periods) {
      String prev = PeriodCalendar.previous(p);
      long nPeriod = tokens.getOrDefault(p, Map.of()).getOrDefault(lang, 0L);
      long nPrev = tokens.getOrDefault(prev, Map.of()).getOrDefault(lang, 0L);
      if (nPeriod <= 0 || nPrev <= 0) {
        continue;
      }
      long a = counts.getOrDefault(p, 0L);
      long b = counts.getOrDefault(prev, 0L);
      if (a < minCount && b < minCount) {
        continue;
      }
      double g2 = TrendMath.g2(a, b, nPeriod, nPrev);
      if (!(g2 >= minG2)) {
        continue;
      }
      double lr = TrendMath.logRatio(a, nPeriod, b, nPrev);
      out.add(
          RowFactory.create(
              p, lang, term, label, a, b, nPeriod, nPrev, g2, lr, lr > 0 ? RISING : FALLING));
    }
    return out;
  }

  /** One period of a count series against its predecessor and its trailing window. */
  record Point(
      String period,
      long n0,
      long n1,
      long nw,
      Double v0,
      Double v1,
      long total,
      long prevTotal,
      long windowTotal) {}

  /**
   * The points of the series {@code n} (period → count; values {@code v} when given) in every
   * period with documents within {@code window} periods after one where the count is present.
   */
  static List<Point> points(
      Map<String, Long> n, Map<String, Double> v, Map<String, Long> docs, int window) {
    TreeSet<String> periods = new TreeSet<>();
    for (String p : n.keySet()) {
      PeriodCalendar.Slot slot = PeriodCalendar.slot(p);
      if (slot == null) {
        continue;
      }
      for (int k = 0; k <= window; k++) {
        String q = PeriodCalendar.label(new PeriodCalendar.Slot(slot.kind(), slot.index() + k));
        Long d = docs.get(q);
        if (d != null && d > 0) {
          periods.add(q);
        }
      }
    }
    List<Point> out = new ArrayList<>(periods.size());
    for (String p : periods) {
      PeriodCalendar.Slot slot = PeriodCalendar.slot(p);
      long nw = 0;
      long windowTotal = 0;
      long prevTotal = 0;
      long n1 = 0;
      for (int k = 1; k <= window; k++) {
        String q = PeriodCalendar.label(new PeriodCalendar.Slot(slot.kind(), slot.index() - k));
        long c = n.getOrDefault(q, 0L);
        long d = Math.max(0, docs.getOrDefault(q, 0L));
        nw += c;
        windowTotal += d;
        if (k == 1) {
          n1 = c;
          prevTotal = d;
        }
      }
      String prev = PeriodCalendar.previous(p);
      out.add(
          new Point(
              p,
              n.getOrDefault(p, 0L),
              n1,
              nw,
              v == null ? null : v.get(p),
              v == null ? null : v.get(prev),
              docs.get(p),
              prevTotal,
              windowTotal));
    }
    return out;
  }

  /** A period's burst test against its window. */
  record Burst(Double g2, Double logRatio, boolean burst) {
    static Burst of(Point p, long minDocs, TrendSettings s) {
      if (p.windowTotal() <= 0) {
        return new Burst(null, null, false);
      }
      double g2 = TrendMath.g2OfProportions(p.n0(), p.total(), p.nw(), p.windowTotal());
      double lr = TrendMath.logRatio(p.n0(), p.total(), p.nw(), p.windowTotal());
      return new Burst(g2, lr, p.n0() >= minDocs && g2 >= s.minG2() && lr >= s.minLogRatio());
    }
  }
}
