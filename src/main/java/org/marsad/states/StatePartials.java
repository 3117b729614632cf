package org.marsad.states;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.marsad.corpus.Period;
import org.marsad.pipeline.Candidate;
import org.marsad.pipeline.DocStats;
import org.marsad.pipeline.MentionsBlob;
import org.marsad.pipeline.StatDoc;
import org.marsad.pipeline.StatSink;
import org.marsad.pipeline.Tag;

/**
 * The states capability's part of the statistics pass: each document's mentions are decoded once
 * into documents per period and source, documents naming each state, co-mentions of every pair at
 * document and sentence scope (each period and {@code all}) with their marginals and totals, and
 * the first sentences naming each pair as bounded evidence candidates.
 */
public final class StatePartials implements DocStats {

  private static final long serialVersionUID = 1L;

  /** (state, period, source): docs (that count), mentions, docs_raw (every document). */
  public static final Tag COUNTS = Tag.define(31, "states.counts", 1, Tag.Size.BOUNDED);

  /** (scope, period): units (documents or sentences) that count. */
  public static final Tag UNITS = Tag.define(32, "states.units", 0, Tag.Size.SMALL);

  /** (scope, period, state): units naming the state. */
  public static final Tag NAMED = Tag.define(33, "states.named", 0, Tag.Size.SMALL);

  /** (scope, a, b, period): units naming both states, a &lt; b. */
  public static final Tag PAIRS = Tag.define(34, "states.pairs", 3, Tag.Size.BOUNDED);

  /** (a, b, period): the first sentences naming both states, from distinct stories. */
  public static final Tag EVIDENCE = Tag.define(35, "states.evidence", 2, Tag.Size.BOUNDED);

  /** Scope of document co-mentions. */
  public static final String DOCUMENT = "document";

  /** Scope of sentence co-mentions. */
  public static final String SENTENCE = "sentence";

  /** Sentences kept per pair and period. */
  public static final int PER_PAIR = 3;

  private final Set<String> forms;
  private final boolean document;
  private final boolean sentence;

  /** Partials over mentions of the counted {@code forms} at the chosen scopes. */
  public StatePartials(Set<String> forms, boolean document, boolean sentence) {
    this.forms = Set.copyOf(forms);
    this.document = document;
    this.sentence = sentence;
  }

  @Override
  public void emit(StatDoc doc, StatSink sink) {
    String period = doc.period();
    String source = doc.source();
    boolean counted = doc.counted();
    byte[] blob = doc.blob(StatesExtractor.COLUMN);
    List<MentionsBlob.Mention> ms = blob == null ? List.of() : MentionsBlob.decode(blob);
    Map<String, Integer> perState = new HashMap<>();
    TreeSet<String> docStates = new TreeSet<>();
    Map<Integer, TreeSet<String>> bySentence = new TreeMap<>();
    for (MentionsBlob.Mention m : ms) {
      if (forms.contains(m.form())) {
        perState.merge(m.state(), 1, Integer::sum);
        docStates.add(m.state());
        bySentence.computeIfAbsent(m.sentence(), k -> new TreeSet<>()).add(m.state());
      }
    }
    perState.forEach(
        (st, n) -> {
          if (counted) {
            sink.add(COUNTS, st, period, source, null, 1, n, 1);
          } else {
            sink.add(COUNTS, st, period, source, null, 0, 0, 1);
          }
        });
    if (!counted) {
      return;
    }
    String[] periods =
        period.equals(Period.ALL) ? new String[] {period} : new String[] {period, Period.ALL};
    for (String pe : periods) {
      if (document) {
        sink.add(UNITS, DOCUMENT, pe, null, null, 1);
        unit(sink, DOCUMENT, pe, docStates);
      }
      if (sentence) {
        sink.add(UNITS, SENTENCE, pe, null, null, doc.sentences());
        for (TreeSet<String> u : bySentence.values()) {
          unit(sink, SENTENCE, pe, u);
        }
      }
    }
    if (blob == null) {
      return;
    }
    List<MentionsBlob.Pair> pairs = MentionsBlob.pairs(blob);
    int seq = 0;
    for (MentionsBlob.Pair x : pairs) {
      Object[] payload = {
        doc.source(),
        doc.when() == Long.MAX_VALUE ? null : doc.when(),
        doc.storyId(),
        x.field() == 0 ? "title" : "text",
        x.sentence(),
        x.aStart(),
        x.aEnd(),
        x.bStart(),
        x.bEnd(),
        doc.url()
      };
      Candidate c = new Candidate(doc.when(), doc.docId(), doc.story(), seq++, payload);
      for (String pe : periods) {
        sink.offer(EVIDENCE, x.stateA(), x.stateB(), pe, null, PER_PAIR, c);
      }
    }
  }

  /** Adds one unit naming {@code states} (sorted): its marginals and its pairs. */
  private static void unit(StatSink sink, String scope, String period, TreeSet<String> states) {
    if (states.isEmpty()) {
      return;
    }
    String[] s = states.toArray(new String[0]);
    for (int i = 0; i < s.length; i++) {
      sink.add(NAMED, scope, period, s[i], null, 1);
      for (int j = i + 1; j < s.length; j++) {
        sink.add(PAIRS, scope, s[i], s[j], period, 1);
      }
    }
  }
}
