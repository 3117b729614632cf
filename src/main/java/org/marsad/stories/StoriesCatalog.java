package org.marsad.stories;

import java.util.List;
import org.marsad.pipeline.Table;
import org.marsad.pipeline.Table.Load;

/** The tables of the stories capability. */
public final class StoriesCatalog {

  private StoriesCatalog() {}

  /** Stories: a dispatch and its reprints (near-duplicate documents). */
  public static final Table STORIES =
      Table.of(
          "stories",
          "story_id STRING, period STRING, first_doc_id STRING, first_published_at TIMESTAMP,"
              + " first_source STRING, title STRING, docs BIGINT, sources INT, span_hours DOUBLE",
          "period",
          "period,story_id",
          Load.BY_PERIOD,
          "story_id");

  /** How far stories travelled: reprints of other outlets' stories per period and source. */
  public static final Table STORY_AMPLIFICATION =
      Table.of(
          "story_amplification",
          "period STRING, source STRING, docs BIGINT, stories BIGINT, stories_first BIGINT,"
              + " reprints BIGINT, self_repeats BIGINT, picked_up BIGINT, reprint_share DOUBLE",
          "period",
          "period,source",
          Load.BY_PERIOD);

  /** Every table of the capability, in writing order. */
  public static final List<Table> TABLES = List.of(STORIES, STORY_AMPLIFICATION);
}
