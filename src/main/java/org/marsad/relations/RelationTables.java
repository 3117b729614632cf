package org.marsad.relations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.marsad.pipeline.Candidate;
import org.marsad.pipeline.FinishedRows;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import org.marsad.trends.TrendSettings;
import org.marsad.trends.Trends;
import scala.Tuple2;

/**
 * The relations capability's tables (comention_relations, relation_trends, relation_evidence) from
 * reduced partials, in plain Java. The same function runs on the driver over every collected
 * partial (below the driver cap) or in each task over its partition (above it): a pair's partials
 * of every period are in one partition.
 */
public final class RelationTables {

  /** Rows of comention_relations. */
  public static final int RELATIONS = 0;

  /** Rows of relation_trends. */
  public static final int TRENDS = 1;

  /** Rows of relation_evidence. */
  public static final int EVIDENCE = 2;

  /** The relations whose shares relation_trends follows. */
  static final List<Relation> TRENDED = List.of(Relation.COOPERATION, Relation.CONFLICT);

  private RelationTables() {}

  /** The tables' rows of {@code partials} (other tags are ignored), tagged with their table. */
  public static List<Tuple2<Integer, Row>> finish(
      Iterator<Tuple2<StatKey, StatValue>> partials, TrendSettings trends) {
    Map<List<String>, Map<String, long[]>> pairs = new HashMap<>(); // (a, b) -> period
    List<Tuple2<Integer, Row>> out = new ArrayList<>();
    while (partials.hasNext()) {
      Tuple2<StatKey, StatValue> e = partials.next();
      StatKey k = e._1();
      if (k.tag() == RelationPartials.PAIRS.id()) {
        pairs
            .computeIfAbsent(List.of(k.a(), k.b()), x -> new TreeMap<>())
            .put(k.c(), e._2().counts());
      } else if (k.tag() == RelationPartials.EVIDENCE.id()) {
        evidence(k, e._2(), out);
      }
    }
    for (Map.Entry<List<String>, Map<String, long[]>> p : pairs.entrySet()) {
      pairRows(p.getKey().get(0), p.getKey().get(1), p.getValue(), trends, out);
    }
    return out;
  }

  /**
   * The tone of a pair's sentences in [-1, 1]: (verbal cooperation + 2 × material cooperation −
   * verbal conflict − 2 × material conflict) / (2 × sentences); neutral sentences count in the
   * denominator, so a pair mostly listed together has a tone near 0.
   */
  public static double tone(long vc, long mc, long vf, long mf, long sentences) {
    return sentences == 0 ? 0.0 : (vc + 2.0 * mc - vf - 2.0 * mf) / (2.0 * sentences);
  }

  /** The dominant relation: the larger of cooperation and conflict, mixed when equal, neutral. */
  static String dominant(long cooperation, long conflict) {
    if (cooperation == 0 && conflict == 0) {
      return Relation.NEUTRAL.label();
    }
    if (cooperation == conflict) {
      return "mixed";
    }
    return cooperation > conflict ? Relation.COOPERATION.label() : Relation.CONFLICT.label();
  }

  private static void pairRows(
      String a,
      String b,
      Map<String, long[]> byPeriod,
      TrendSettings trends,
      List<Tuple2<Integer, Row>> out) {
    Map<String, Long> sentences = new TreeMap<>();
    Map<Relation, Map<String, Long>> byRelation = new HashMap<>();
    for (Relation r : TRENDED) {
      byRelation.put(r, new TreeMap<>());
    }
    int q = RelationPartials.QUAD0;
    for (Map.Entry<String, long[]> e : byPeriod.entrySet()) {
      long[] c = e.getValue();
      long vc = c[q + Quad.VERBAL_COOPERATION.ordinal()];
      long mc = c[q + Quad.MATERIAL_COOPERATION.ordinal()];
      long vf = c[q + Quad.VERBAL_CONFLICT.ordinal()];
      long mf = c[q + Quad.MATERIAL_CONFLICT.ordinal()];
      long neutral = c[q + Quad.NEUTRAL.ordinal()];
      long n = c[RelationPartials.SENTENCES];
      long coop = vc + mc;
      long conf = vf + mf;
      out.add(
          new Tuple2<>(
              RELATIONS,
              RowFactory.create(
                  e.getKey(),
                  a,
                  b,
                  n,
                  c[RelationPartials.DOCS],
                  coop,
                  conf,
                  neutral,
                  vc,
                  mc,
                  vf,
                  mf,
                  c[RelationPartials.A_TO_B],
                  c[RelationPartials.B_TO_A],
                  c[RelationPartials.DOCS_COOPERATION],
                  c[RelationPartials.DOCS_CONFLICT],
                  n == 0 ? 0.0 : (double) coop / n,
                  n == 0 ? 0.0 : (double) conf / n,
                  tone(vc, mc, vf, mf, n),
                  dominant(coop, conf))));
      sentences.put(e.getKey(), n);
      byRelation.get(Relation.COOPERATION).put(e.getKey(), coop);
      byRelation.get(Relation.CONFLICT).put(e.getKey(), conf);
    }
    for (Relation r : TRENDED) {
      // The share of the pair's sentences in relation r, against the previous period and the
      // trailing window, and its burst (G² and log ratio as for a state's share of documents).
      for (Row t : Trends.stateTrends(a, byRelation.get(r), sentences, trends)) {
        out.add(
            new Tuple2<>(
                TRENDS,
                RowFactory.create(
                    t.get(0), a, b, r.label(), t.get(2), t.get(3), t.get(4), t.get(5), t.get(6),
                    t.get(7), t.get(8), t.get(9), t.get(10), t.get(11), t.get(12))));
      }
    }
  }

  private static void evidence(StatKey k, StatValue v, List<Tuple2<Integer, Row>> out) {
    int rank = 0;
    for (Candidate c : v.trim().candidates()) {
      Object[] p = c.payload();
      Long when = (Long) p[1];
      Quad quad = Quad.ofLabel(k.d());
      out.add(
          new Tuple2<>(
              EVIDENCE,
              RowFactory.create(
                  k.c(),
                  k.a(),
                  k.b(),
                  quad.relation().label(),
                  k.d(),
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
                  p[9],
                  p[10],
                  p[11],
                  p[12],
                  p[13])));
    }
  }
}
