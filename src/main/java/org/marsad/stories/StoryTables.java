package org.marsad.stories;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outputs of {@link Stories#compute}; they read one cached table, which {@link #release()}
 * frees once they are written.
 *
 * @param documents per document: doc_id, story_id, story_first (true for the story's first
 *     document)
 * @param stories per story: story_id, period (of its first document), first_doc_id,
 *     first_published_at, first_source, title (of the first document), docs, sources, span_hours
 * @param amplification per period and source: docs, stories, stories_first, reprints, self_repeats,
 *     picked_up, reprint_share
 * @param cached the cached per-document and per-story rows the three are selected from
 */
public record StoryTables(
    Dataset<Row> documents, Dataset<Row> stories, Dataset<Row> amplification, Dataset<Row> cached) {

  /** Frees the cached rows (after the three tables are written). */
  public void release() {
    cached.unpersist();
  }
}
