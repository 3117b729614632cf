package org.marsad.relations;

import java.util.List;
import org.marsad.pipeline.Table;
import org.marsad.pipeline.Table.Load;

/** The tables of the relations capability. */
public final class RelationsCatalog {

  private RelationsCatalog() {}

  /** The relations of each pair of states named in one sentence, per period and {@code all}. */
  public static final Table COMENTION_RELATIONS =
      Table.of(
          "comention_relations",
          "period STRING, state_a STRING, state_b STRING, sentences BIGINT, docs BIGINT,"
              + " cooperation BIGINT, conflict BIGINT, neutral BIGINT,"
              + " verbal_cooperation BIGINT, material_cooperation BIGINT,"
              + " verbal_conflict BIGINT, material_conflict BIGINT, a_to_b BIGINT, b_to_a BIGINT,"
              + " docs_cooperation BIGINT, docs_conflict BIGINT, cooperation_share DOUBLE,"
              + " conflict_share DOUBLE, tone DOUBLE, relation STRING",
          "period",
          "period,state_a,state_b",
          Load.BY_PERIOD,
          "state_a,period",
          "state_b,period");

  /** Each pair's cooperation and conflict shares against the previous period and a window. */
  public static final Table RELATION_TRENDS =
      Table.of(
          "relation_trends",
          "period STRING, state_a STRING, state_b STRING, relation STRING, sentences BIGINT,"
              + " pair_sentences BIGINT, share DOUBLE, prev_share DOUBLE, share_change DOUBLE,"
              + " window_sentences BIGINT, window_pair_sentences BIGINT, window_share DOUBLE,"
              + " burst_g2 DOUBLE, burst_log_ratio DOUBLE, burst BOOLEAN",
          "period",
          "period,state_a,state_b,relation",
          Load.BY_PERIOD,
          "state_a,state_b,period");

  /** The first sentences of each pair, period and quad class, with both names and the cue. */
  public static final Table RELATION_EVIDENCE =
      Table.of(
          "relation_evidence",
          "period STRING, state_a STRING, state_b STRING, relation STRING, quad STRING,"
              + " rank INT, doc_id STRING, source STRING, published_at TIMESTAMP,"
              + " story_id STRING, field STRING, sentence STRING, a_start INT, a_end INT,"
              + " b_start INT, b_end INT, cue STRING, cue_start INT, cue_end INT,"
              + " direction STRING, url STRING",
          "period",
          "period,state_a,state_b,quad,rank",
          Load.BY_PERIOD,
          "state_a,state_b,period",
          "doc_id");

  /** Every table of the capability, in writing order. */
  public static final List<Table> TABLES =
      List.of(COMENTION_RELATIONS, RELATION_TRENDS, RELATION_EVIDENCE);
}
