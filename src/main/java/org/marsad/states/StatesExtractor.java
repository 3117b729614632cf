package org.marsad.states;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.marsad.pipeline.Extractor;
import org.marsad.pipeline.MentionsBlob;
import org.marsad.pipeline.NamedState;
import org.marsad.pipeline.PassDoc;
import org.marsad.states.match.StateMatcher;
import org.marsad.states.match.StateSettings;
import org.marsad.text.EvidenceSnippet;
import org.marsad.text.Field;

/**
 * The states capability's part of the analysis pass: the state matcher reads the document's tokens
 * once; the mentions (with their sentence as context) and the sentences naming two states of the
 * counted forms (evidence for co-mentions) are kept as one blob, and the states named are handed to
 * the extractors after this one.
 */
public final class StatesExtractor implements Extractor {

  /** The intermediate column of the mentions ({@link MentionsBlob}). */
  public static final String COLUMN = "mentions";

  /** Pairs of states named in one sentence kept as evidence per document, at most. */
  static final int MAX_PAIRS = 200;

  private final StateMatcher matcher;
  private final Set<String> forms;

  /** An extractor with the given matcher, keeping pair sentences of the counted {@code forms}. */
  public StatesExtractor(StateMatcher matcher, Set<String> forms) {
    this.matcher = matcher;
    this.forms = Set.copyOf(forms);
  }

  /** The factory of extractors with the gazetteer of {@code states} and counted {@code forms}. */
  public static Extractor.Factory factory(StateSettings states, Set<String> forms) {
    Set<String> f = Set.copyOf(forms);
    return new Extractor.Factory() {
      private static final long serialVersionUID = 1L;

      @Override
      public StructField[] columns() {
        return new StructField[] {DataTypes.createStructField(COLUMN, DataTypes.BinaryType, true)};
      }

      @Override
      public Extractor create() {
        return new StatesExtractor(states.matcher(), f);
      }
    };
  }

  @Override
  public Object[] extract(PassDoc doc) {
    Field t = doc.title();
    Field b = doc.body();
    int titleSentences = t.sentences();
    List<StateMatcher.Mention> found = matcher.findIn(doc.lang(), t, b);
    List<MentionsBlob.Mention> mentions = new ArrayList<>(found.size());
    List<NamedState> named = new ArrayList<>(found.size());
    for (StateMatcher.Mention m : found) {
      String field = (m.field() == 0 ? t : b).text();
      EvidenceSnippet ctx =
          EvidenceSnippet.around(field, MentionsBlob.CONTEXT_CHARS, m.start(), m.end());
      mentions.add(
          new MentionsBlob.Mention(
              m.iso2(),
              blobForm(m),
              m.surface(),
              m.field(),
              m.start(),
              m.end(),
              m.field() == 0 ? m.sentence() : titleSentences + m.sentence(),
              ctx == null ? m.surface() : ctx.text(),
              ctx == null ? 0 : ctx.spans()[0],
              ctx == null ? m.surface().length() : ctx.spans()[1]));
      named.add(
          new NamedState(
              m.iso2(), blobForm(m), m.surface(), m.field(), m.start(), m.end(), m.sentence()));
    }
    doc.states(named);
    return new Object[] {MentionsBlob.encode(mentions, pairs(found, forms, t, b))};
  }

  /**
   * The form a mention is counted under: {@code team} for a team-flagged mention (a national team
   * or club named by a state's name), which {@code --forms} counts only when it lists {@code team},
   * else its form.
   */
  private static String blobForm(StateMatcher.Mention m) {
    return m.team() ? "team" : m.form();
  }

  /**
   * The sentences naming two states (first mention of each in the sentence), one per pair and
   * sentence, at most {@link #MAX_PAIRS} per document; a sentence too long to show both is left
   * out.
   */
  private static List<MentionsBlob.Pair> pairs(
      List<StateMatcher.Mention> found, Set<String> forms, Field title, Field body) {
    Map<Long, Map<String, StateMatcher.Mention>> bySentence = new TreeMap<>();
    for (StateMatcher.Mention m : found) {
      if (forms.contains(blobForm(m))) {
        bySentence
            .computeIfAbsent(((long) m.field() << 32) | m.sentence(), k -> new TreeMap<>())
            .putIfAbsent(m.iso2(), m);
      }
    }
    List<MentionsBlob.Pair> out = new ArrayList<>();
    for (Map<String, StateMatcher.Mention> s : bySentence.values()) {
      List<StateMatcher.Mention> ms = new ArrayList<>(s.values());
      for (int i = 0; i < ms.size(); i++) {
        for (int j = i + 1; j < ms.size(); j++) {
          if (out.size() >= MAX_PAIRS) {
            return out;
          }
          StateMatcher.Mention a = ms.get(i);
          StateMatcher.Mention c = ms.get(j);
          String text = (a.field() == 0 ? title : body).text();
          EvidenceSnippet e =
              EvidenceSnippet.around(
                  text, MentionsBlob.CONTEXT_CHARS, a.start(), a.end(), c.start(), c.end());
          if (e != null) {
            int[] p = e.spans();
            out.add(
                new MentionsBlob.Pair(
                    a.iso2(), c.iso2(), a.field(), e.text(), p[0], p[1], p[2], p[3]));
          }
        }
      }
    }
    return out;
  }
}
