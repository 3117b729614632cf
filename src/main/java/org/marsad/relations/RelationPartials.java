package org.marsad.relations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marsad.corpus.Period;
import org.marsad.pipeline.Candidate;
import org.marsad.pipeline.DocStats;
import org.marsad.pipeline.StatDoc;
import org.marsad.pipeline.StatSink;
import org.marsad.pipeline.Tag;

/**
 * The relations capability's part of the statistics pass: each counted document's relations blob is
 * decoded once into per-pair counts (sentences per quad class, directed sentences, documents per
 * relation) for its period and {@code all}, and the first sentences of each pair and class as
 * bounded evidence candidates.
 */
public final class RelationPartials implements DocStats {

  private static final long serialVersionUID = 1L;

  /** (a, b, period): the counters of {@link #WIDTH}. */
  public static final Tag PAIRS = Tag.define(50, "relations.pairs", 2, Tag.Size.BOUNDED);

  /** (a, b, period, quad): the first sentences of the class, from distinct stories. */
  public static final Tag EVIDENCE = Tag.define(51, "relations.evidence", 2, Tag.Size.BOUNDED);

  /** Counter: sentences naming the pair. */
  public static final int SENTENCES = 0;

  /** Counter: sentences of the first quad class ({@link Quad#ordinal()} + 1 for each class). */
  public static final int QUAD0 = 1;

  /** Counter: sentences where a acts on b. */
  public static final int A_TO_B = 6;

  /** Counter: sentences where b acts on a. */
  public static final int B_TO_A = 7;

  /** Counter: documents naming the pair in one sentence. */
  public static final int DOCS = 8;

  /** Counter: documents with a cooperation sentence of the pair. */
  public static final int DOCS_COOPERATION = 9;

  /** Counter: documents with a conflict sentence of the pair. */
  public static final int DOCS_CONFLICT = 10;

  /** Counters per key. */
  public static final int WIDTH = 11;

  /** Sentences kept per pair, period and class. */
  public static final int PER_CLASS = 3;

  @Override
  public void emit(StatDoc doc, StatSink sink) {
    if (!doc.counted()) {
      return;
    }
    byte[] blob = doc.blob(RelationsExtractor.COLUMN);
    if (blob == null) {
      return;
    }
    List<RelationsBlob.Entry> entries = RelationsBlob.decode(blob);
    Map<String, long[]> perPair = new HashMap<>();
    for (RelationsBlob.Entry e : entries) {
      long[] c = perPair.computeIfAbsent(e.a() + "\t" + e.b(), k -> new long[WIDTH]);
      c[SENTENCES]++;
      c[QUAD0 + e.quad().ordinal()]++;
      if (e.direction() == Direction.A_TO_B) {
        c[A_TO_B]++;
      } else if (e.direction() == Direction.B_TO_A) {
        c[B_TO_A]++;
      }
      c[DOCS] = 1;
      if (e.quad().relation() == Relation.COOPERATION) {
        c[DOCS_COOPERATION] = 1;
      } else if (e.quad().relation() == Relation.CONFLICT) {
        c[DOCS_CONFLICT] = 1;
      }
    }
    String period = doc.period();
    String[] periods =
        period.equals(Period.ALL) ? new String[] {period} : new String[] {period, Period.ALL};
    for (Map.Entry<String, long[]> p : perPair.entrySet()) {
      String[] ab = p.getKey().split("\t", 2);
      for (String pe : periods) {
        sink.add(PAIRS, ab[0], ab[1], pe, null, p.getValue());
      }
    }
    int seq = 0;
    for (RelationsBlob.Entry e : entries) {
      if (e.sentence().isEmpty()) {
        continue;
      }
      Object[] payload = {
        doc.source(),
        doc.when() == Long.MAX_VALUE ? null : doc.when(),
        doc.storyId(),
        e.field() == 0 ? "title" : "text",
        e.sentence(),
        e.aStart(),
        e.aEnd(),
        e.bStart(),
        e.bEnd(),
        e.cue().isEmpty() ? null : e.cue(),
        e.cueStart() < 0 ? null : e.cueStart(),
        e.cueEnd() < 0 ? null : e.cueEnd(),
        e.direction().label(),
        doc.url()
      };
      Candidate c = new Candidate(doc.when(), doc.docId(), doc.story(), seq++, payload);
      for (String pe : periods) {
        sink.offer(EVIDENCE, e.a(), e.b(), pe, e.quad().label(), PER_CLASS, c);
      }
    }
  }
}
