package org.marsad.states;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.marsad.pipeline.Candidate;
import org.marsad.pipeline.CorePartials;
import org.marsad.pipeline.FinishedRows;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import org.marsad.trends.TrendMath;
import org.marsad.trends.TrendSettings;
import org.marsad.trends.Trends;
import scala.Tuple2;

/**
 * The states capability's bounded tables (state_counts, state_comentions, state_trends,
 * comention_trends, comention_evidence) from reduced partials, in plain Java. The same function
 * runs on the driver over every collected partial (below the driver cap) or in each task over its
 * partition (above it): a state's, or a pair's, partials of every period are in one partition, and
 * the totals and marginals (states × periods) travel as values.
 */
public final class StateTables {

  /** Output table numbers. */
  public static final int COUNTS = 0;

  /** Rows of state_comentions. */
  public static final int COMENTIONS = 1;

  /** Rows of state_trends. */
  public static final int STATE_TRENDS = 2;

  /** Rows of comention_trends. */
  public static final int COMENTION_TRENDS = 3;

  /** Rows of comention_evidence. */
  public static final int EVIDENCE = 4;

  private StateTables() {}

  /**
   * The small side inputs, collected once: documents that count per period and source, units per
   * scope and period, units naming each state per scope and period.
   */
  public static final class Side implements Serializable {
    private static final long serialVersionUID = 1L;
    final Map<String, Long> docsByPeriodSource = new HashMap<>();
    final Map<String, Long> docsByPeriod = new TreeMap<>();
    final Map<String, Long> units = new HashMap<>();
    final Map<String, Long> named = new HashMap<>();

    /** Adds a small partial of the states capability; ignores other tags. */
    public void add(StatKey k, StatValue v) {
      if (k.tag() == CorePartials.DOCS.id()) {
        docsByPeriodSource.merge(k.a() + "\t" + k.b(), v.count(0), Long::sum);
        docsByPeriod.merge(k.a(), v.count(0), Long::sum);
      } else if (k.tag() == StatePartials.UNITS.id()) {
        units.merge(k.a() + "\t" + k.b(), v.count(0), Long::sum);
      } else if (k.tag() == StatePartials.NAMED.id()) {
        named.merge(k.a() + "\t" + k.b() + "\t" + k.c(), v.count(0), Long::sum);
      }
    }

    /** Counted documents per period. */
    public Map<String, Long> docsByPeriod() {
      return docsByPeriod;
    }
  }

  /**
   * The settings of the finishing step.
   *
   * @param minCoDocs co-mentioning units a reported pair needs
   * @param trends burst settings
   */
  public record Settings(long minCoDocs, TrendSettings trends) implements Serializable {}

  /** The tables' rows of {@code partials}, each tagged with its table number. */
  public static List<Tuple2<Integer, Row>> finish(
      Iterator<Tuple2<StatKey, StatValue>> partials, Side side, Settings s) {
    Map<String, Map<String, long[]>> counts = new HashMap<>(); // state -> period\tsource
    Map<List<String>, Map<String, Long>> pairs = new HashMap<>(); // (scope,a,b) -> period
    List<Tuple2<Integer, Row>> out = new ArrayList<>();
    while (partials.hasNext()) {
      Tuple2<StatKey, StatValue> e = partials.next();
      StatKey k = e._1();
      int tag = k.tag();
      if (tag == StatePartials.COUNTS.id()) {
        counts
            .computeIfAbsent(k.a(), x -> new HashMap<>())
            .put(k.b() + "\t" + k.c(), e._2().counts());
      } else if (tag == StatePartials.PAIRS.id()) {
        pairs
            .computeIfAbsent(List.of(k.a(), k.b(), k.c()), x -> new TreeMap<>())
            .put(k.d(), e._2().count(0));
      } else if (tag == StatePartials.EVIDENCE.id()) {
        evidence(k, e._2(), out);
      }
    }
    for (Map.Entry<String, Map<String, long[]>> st : counts.entrySet()) {
      stateRows(st.getKey(), st.getValue(), side, s, out);
    }
    for (Map.Entry<List<String>, Map<String, Long>> p : pairs.entrySet()) {
      pairRows(p.getKey(), p.getValue(), side, s, out);
    }
    return out;
  }

  private static void stateRows(
      String state,
      Map<String, long[]> byPeriodSource,
      Side side,
      Settings s,
      List<Tuple2<Integer, Row>> out) {
    Map<String, Long> perPeriod = new TreeMap<>();
    for (Map.Entry<String, long[]> e : byPeriodSource.entrySet()) {
      String[] ps = e.getKey().split("\t", 2);
      long[] c = e.getValue();
      Long n = side.docsByPeriodSource.get(e.getKey());
      double share = n != null && n > 0 ? (double) c[0] / n : 0.0;
      out.add(
          new Tuple2<>(COUNTS, RowFactory.create(ps[0], ps[1], state, c[0], c[1], share, c[2])));
      perPeriod.merge(ps[0], c[0], Long::sum);
    }
    for (Row row : Trends.stateTrends(state, perPeriod, side.docsByPeriod, s.trends())) {
      out.add(new Tuple2<>(STATE_TRENDS, row));
    }
  }

  private static void pairRows(
      List<String> key,
      Map<String, Long> byPeriod,
      Side side,
      Settings s,
      List<Tuple2<Integer, Row>> out) {
    String scope = key.get(0);
    String a = key.get(1);
    String b = key.get(2);
    Map<String, Long> kept = new TreeMap<>();
    Map<String, Double> npmiOf = new HashMap<>();
    for (Map.Entry<String, Long> e : byPeriod.entrySet()) {
      long co = e.getValue();
      if (co < s.minCoDocs()) {
        continue;
      }
      String period = e.getKey();
      long da = side.named.getOrDefault(scope + "\t" + period + "\t" + a, 0L);
      long db = side.named.getOrDefault(scope + "\t" + period + "\t" + b, 0L);
      long n = side.units.getOrDefault(scope + "\t" + period, 0L);
      Measures m = Measures.of(co, da, db, n);
      out.add(
          new Tuple2<>(
              COMENTIONS,
              RowFactory.create(
                  period,
                  scope,
                  a,
                  b,
                  co,
                  da,
                  db,
                  n,
                  m.jaccard(),
                  m.dice(),
                  m.pmi(),
                  m.npmi(),
                  m.lift(),
                  m.llr(),
                  m.pBgivenA(),
                  m.pAgivenB())));
      kept.put(period, co);
      npmiOf.put(period, m.npmi());
    }
    if (!scope.equals(StatePartials.DOCUMENT)) {
      return;
    }
    for (Row row :
        Trends.comentionTrends(a, b, kept, npmiOf, side.docsByPeriod, s.minCoDocs(), s.trends())) {
      out.add(new Tuple2<>(COMENTION_TRENDS, row));
    }
  }

  private static void evidence(StatKey k, StatValue v, List<Tuple2<Integer, Row>> out) {
    int rank = 0;
    for (Candidate c : v.trim().candidates()) {
      Object[] p = c.payload();
      Long when = (Long) p[1];
      out.add(
          new Tuple2<>(
              EVIDENCE,
              RowFactory.create(
                  k.c(),
                  k.a(),
                  k.b(),
                  ++rank,
                  c.docId(),
                  p[0],
                  when == null ? null : FinishedRows.timestamp(when),
                  p[2],
                  p[3],
                  p[4],
                  p[5],
                  p[6],
                  p[7],
                  p[8],
                  p[9])));
    }
  }

  /** The association measures of a pair's counts (formulas in the README). */
  record Measures(
      double jaccard,
      double dice,
      double pmi,
      double npmi,
      double lift,
      double llr,
      double pBgivenA,
      double pAgivenB) {

    static Measures of(long coL, long daL, long dbL, long nL) {
      double co = coL;
      double da = daL;
      double db = dbL;
      double n = nL;
      double pmi = TrendMath.log2(co * n / (da * db));
      double pab = co / n;
      double npmi = pab >= 1.0 ? 1.0 : pmi / (TrendMath.log2(pab) * -1);
      double llr = TrendMath.g2Table(co, da - co, db - co, n - da - db + co);
      return new Measures(
          co / (da + db - co),
          2.0 * co / (da + db),
          pmi,
          npmi,
          co * n / (da * db),
          llr,
          co / da,
          co / db);
    }
  }
}
