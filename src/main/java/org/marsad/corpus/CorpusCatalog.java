package org.marsad.corpus;

import java.util.List;
import org.marsad.pipeline.Table;
import org.marsad.pipeline.Table.Load;

/** The tables of loading: the accepted documents and the rejected rows. */
public final class CorpusCatalog {

  private CorpusCatalog() {}

  /** Accepted documents. */
  public static final Table DOCUMENTS =
      Table.of(
          "documents",
          "doc_id STRING, source STRING, published_at TIMESTAMP, period STRING, lang STRING,"
              + " title STRING, n_tokens INT, duplicate_of STRING, story_id STRING, url STRING",
          "period",
          "period,doc_id",
          Load.BY_PERIOD,
          "doc_id",
          "source",
          "story_id");

  /** Input rows that could not be used, with the reason. */
  public static final Table REJECTED =
      Table.of(
          "rejected",
          "doc_id STRING, reason STRING, detail STRING, raw STRING",
          null,
          "",
          Load.WHOLE,
          "reason",
          "doc_id");

  /** Every table of the capability, in writing order. */
  public static final List<Table> TABLES = List.of(DOCUMENTS, REJECTED);
}
