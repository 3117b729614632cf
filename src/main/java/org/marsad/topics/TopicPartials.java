package org.marsad.topics;

import org.marsad.pipeline.DocStats;
import org.marsad.pipeline.StatDoc;
import org.marsad.pipeline.StatSink;
import org.marsad.pipeline.Tag;
import org.marsad.pipeline.TermsBlob;

/**
 * The topics capability's part of the statistics pass: the document frequency of each analysis key
 * over the documents that count (all languages together, as the topics are fitted), from which the
 * vocabulary is chosen without reading the documents again.
 */
public final class TopicPartials implements DocStats {

  private static final long serialVersionUID = 1L;

  /** (term): documents that count holding the term. */
  public static final Tag DF = Tag.define(90, "topics.df", 1, Tag.Size.LARGE);

  /** The intermediate column the topics read (the terms capability's blob). */
  static final String TERMS = "terms";

  @Override
  public void emit(StatDoc doc, StatSink sink) {
    if (!doc.counted()) {
      return;
    }
    byte[] blob = doc.blob(TERMS);
    if (blob != null) {
      TermsBlob.readTerms(blob, (term, count) -> sink.add(DF, term, null, null, null, 1));
    }
  }
}
