package org.marsad.terms;

import java.util.List;
import org.marsad.pipeline.Table;
import org.marsad.pipeline.Table.Load;

/** The tables of the terms capability. */
public final class TermsCatalog {

  private TermsCatalog() {}

  /** Term counts per period, source and language. */
  public static final Table TERM_FREQUENCIES =
      Table.of(
          "term_frequencies",
          "period STRING, source STRING, lang STRING, term STRING, label STRING,"
              + " term_count BIGINT, doc_count BIGINT, doc_count_raw BIGINT",
          "period",
          "period,source,lang,term",
          Load.BY_PERIOD,
          "term",
          "period,lang");

  /** Each period's terms against the rest. */
  public static final Table TERM_KEYNESS =
      Table.of(
          "term_keyness",
          "period STRING, lang STRING, term STRING, label STRING, count_period BIGINT,"
              + " count_rest BIGINT, g2 DOUBLE, log_ratio DOUBLE",
          "period",
          "period,lang,term",
          Load.BY_PERIOD,
          "term");

  /** Adjacent term pairs. */
  public static final Table COLLOCATIONS =
      Table.of(
          "collocations",
          "lang STRING, term STRING, term_a STRING, term_b STRING, label STRING, count BIGINT,"
              + " pmi DOUBLE, g2 DOUBLE",
          null,
          "lang,term",
          Load.WHOLE,
          "term_a",
          "term_b");

  /** Rising and falling terms of each period against the previous one. */
  public static final Table TERM_TRENDS =
      Table.of(
          "term_trends",
          "period STRING, lang STRING, term STRING, label STRING, count_period BIGINT,"
              + " count_prev BIGINT, n_period BIGINT, n_prev BIGINT, g2 DOUBLE, log_ratio DOUBLE,"
              + " direction STRING",
          "period",
          "period,lang,term",
          Load.BY_PERIOD,
          "term");

  /** Example sentences of each period's keyness winners and of the top collocations. */
  public static final Table TERM_EVIDENCE =
      Table.of(
          "term_evidence",
          "period STRING, lang STRING, term STRING, label STRING, kind STRING, rank INT,"
              + " doc_id STRING, source STRING, published_at TIMESTAMP, sentence STRING,"
              + " start INT, end INT, url STRING",
          "period",
          "period,lang,term,kind,rank",
          Load.BY_PERIOD,
          "term",
          "doc_id");

  /** Every table of the capability, in writing order. */
  public static final List<Table> TABLES =
      List.of(TERM_FREQUENCIES, TERM_KEYNESS, COLLOCATIONS, TERM_TRENDS, TERM_EVIDENCE);
}
