package org.marsad.corpus;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A loaded corpus: the accepted documents with their analysis, and the rejected input rows.
 *
 * @param documents accepted rows: doc_id, source, published_at, period, lang, title, text,
 *     n_tokens, duplicate_of, terms, forms, bigrams
 * @param rejected rejected rows: doc_id, reason, detail, raw
 * @param cached the cached classification of every input row both are filtered from
 */
public record Corpus(Dataset<Row> documents, Dataset<Row> rejected, Dataset<Row> cached) {

  /** Releases the cached classification once both tables are written. */
  public void release() {
    cached.unpersist();
  }

  /** The columns of the {@code documents} output table, in order. */
  public static final String[] DOCUMENT_COLUMNS = {
    "doc_id", "source", "published_at", "period", "lang", "title", "n_tokens", "duplicate_of"
  };
}
