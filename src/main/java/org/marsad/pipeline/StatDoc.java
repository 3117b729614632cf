package org.marsad.pipeline;

import java.sql.Timestamp;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * One accepted document as the statistics pass hands it to each capability: its values from the
 * intermediate, whether it counts (its story's first document), its story, and its capabilities'
 * blobs by column. Reused from document to document within a task (do not keep it).
 */
public final class StatDoc {

  private final Map<String, Integer> index;
  private Row row;

  /** A view over rows whose columns are at {@code index} (column name to position). */
  public StatDoc(Map<String, Integer> index) {
    this.index = index;
  }

  /** Points the view at the next row. */
  public StatDoc at(Row r) {
    this.row = r;
    return this;
  }

  private Object get(String column) {
    Integer i = index.get(column);
    return i == null ? null : row.get(i);
  }

  /** The document id. */
  public String docId() {
    return (String) get("doc_id");
  }

  /** The outlet. */
  public String source() {
    return (String) get("source");
  }

  /** The period label ({@code all} without dates). */
  public String period() {
    return (String) get("period");
  }

  /** The language. */
  public String lang() {
    return (String) get("lang");
  }

  /** The publication time, or null. */
  public Timestamp publishedAt() {
    return (Timestamp) get("published_at");
  }

  /** The publication time in microseconds since the epoch, {@link Long#MAX_VALUE} if undated. */
  public long when() {
    Timestamp t = publishedAt();
    return t == null ? Long.MAX_VALUE : t.getTime() * 1000 + (t.getNanos() / 1000) % 1000;
  }

  /** Kept tokens of title and body. */
  public int tokens() {
    Object v = get("n_tokens");
    return v == null ? 0 : (Integer) v;
  }

  /** Sentences of title and body. */
  public int sentences() {
    Object v = get("n_sentences");
    return v == null ? 0 : (Integer) v;
  }

  /** True when the document counts in statistics (its story's first document). */
  public boolean counted() {
    return (Boolean) get("counted");
  }

  /** The document's story (its own id when it has none). */
  public String story() {
    String s = (String) get("story_id");
    return s == null ? docId() : s;
  }

  /** The story id as the tables show it (null without stories). */
  public String storyId() {
    return (String) get("story_id");
  }

  /** The article link, or null. */
  public String url() {
    return (String) get("url");
  }

  /** The blob of an extractor's column, or null. */
  public byte[] blob(String column) {
    return (byte[]) get(column);
  }
}
