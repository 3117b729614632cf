package org.marsad.pipeline;

/**
 * The partials every run makes whatever its capabilities: documents per period and source (those
 * that count and all of them), and where each reprint was published (its story, period and source),
 * which raw counts attribute a story's values to.
 */
public final class CorePartials implements DocStats {

  private static final long serialVersionUID = 1L;

  /** (period, source): documents that count, every document. */
  public static final Tag DOCS = Tag.define(80, "core.docs", 0, Tag.Size.SMALL);

  /** (story, period, source): reprints (documents that do not count) of the story. */
  public static final Tag REPRINTS = Tag.define(81, "core.reprints", 1, Tag.Size.BOUNDED);

  @Override
  public void emit(StatDoc doc, StatSink sink) {
    boolean counted = doc.counted();
    sink.add(DOCS, doc.period(), doc.source(), null, null, counted ? 1 : 0, 1);
    if (!counted) {
      sink.add(REPRINTS, doc.story(), doc.period(), doc.source(), null, 1);
    }
  }
}
