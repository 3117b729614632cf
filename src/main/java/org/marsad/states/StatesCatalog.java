package org.marsad.states;

import java.util.List;
import org.marsad.pipeline.Table;
import org.marsad.pipeline.Table.Load;

/** The tables of the states capability. */
public final class StatesCatalog {

  private StatesCatalog() {}

  /** The states dimension. */
  public static final Table STATES =
      Table.of(
          "states",
          "iso2 STRING, iso3 STRING, name_en STRING, name_ar STRING, status STRING",
          null,
          "iso2",
          Load.WHOLE,
          "iso3");

  /** Every mention of a state. */
  public static final Table STATE_MENTIONS =
      Table.of(
          "state_mentions",
          "doc_id STRING, period STRING, source STRING, state STRING, form STRING,"
              + " surface STRING, field STRING, start INT, end INT, sentence INT,"
              + " context STRING, context_start INT, context_end INT",
          "period",
          "period,doc_id,field,start",
          Load.BY_PERIOD,
          "period,state",
          "state",
          "doc_id");

  /** Documents naming each state per period and source. */
  public static final Table STATE_COUNTS =
      Table.of(
          "state_counts",
          "period STRING, source STRING, state STRING, docs BIGINT, mentions BIGINT,"
              + " share_of_docs DOUBLE, docs_raw BIGINT",
          "period",
          "period,source,state",
          Load.BY_PERIOD,
          "state");

  /** Co-mention measures of pairs of states. */
  public static final Table STATE_COMENTIONS =
      Table.of(
          "state_comentions",
          "period STRING, scope STRING, state_a STRING, state_b STRING, co_docs BIGINT,"
              + " docs_a BIGINT, docs_b BIGINT, docs_total BIGINT, jaccard DOUBLE, dice DOUBLE,"
              + " pmi DOUBLE, npmi DOUBLE, lift DOUBLE, llr DOUBLE, p_b_given_a DOUBLE,"
              + " p_a_given_b DOUBLE",
          "period",
          "period,scope,state_a,state_b",
          Load.BY_PERIOD,
          "state_a,period",
          "state_b,period");

  /** Each state's share of documents per period against the previous period and a window. */
  public static final Table STATE_TRENDS =
      Table.of(
          "state_trends",
          "period STRING, state STRING, docs BIGINT, docs_total BIGINT, share_of_docs DOUBLE,"
              + " prev_share_of_docs DOUBLE, share_change DOUBLE, window_docs BIGINT,"
              + " window_docs_total BIGINT, window_share DOUBLE, burst_g2 DOUBLE,"
              + " burst_log_ratio DOUBLE, burst BOOLEAN",
          "period",
          "period,state",
          Load.BY_PERIOD,
          "state");

  /** Each pair's co-mentions per period against the previous period and a window. */
  public static final Table COMENTION_TRENDS =
      Table.of(
          "comention_trends",
          "period STRING, state_a STRING, state_b STRING, co_docs BIGINT, docs_total BIGINT,"
              + " npmi DOUBLE, prev_co_docs BIGINT, co_docs_change BIGINT, prev_npmi DOUBLE,"
              + " npmi_change DOUBLE, window_co_docs BIGINT, window_docs_total BIGINT,"
              + " burst_g2 DOUBLE, burst_log_ratio DOUBLE, burst BOOLEAN",
          "period",
          "period,state_a,state_b",
          Load.BY_PERIOD,
          "state_a,period",
          "state_b,period");

  /** Example sentences naming both states of a pair. */
  public static final Table COMENTION_EVIDENCE =
      Table.of(
          "comention_evidence",
          "period STRING, state_a STRING, state_b STRING, rank INT, doc_id STRING,"
              + " source STRING, published_at TIMESTAMP, story_id STRING, field STRING,"
              + " sentence STRING, a_start INT, a_end INT, b_start INT, b_end INT, url STRING",
          "period",
          "period,state_a,state_b,rank",
          Load.BY_PERIOD,
          "state_a,state_b,period",
          "doc_id");

  /** Folder of the co-mention networks (GEXF and edges.csv), not a table. */
  public static final String NETWORKS = "networks";

  /** Every table of the capability, in writing order. */
  public static final List<Table> TABLES =
      List.of(
          STATES,
          STATE_MENTIONS,
          STATE_COUNTS,
          STATE_COMENTIONS,
          STATE_TRENDS,
          COMENTION_TRENDS,
          COMENTION_EVIDENCE);
}
