package org.marsad.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.marsad.states.match.StateMatcher;
import org.marsad.stories.Fingerprinter;
import org.marsad.stories.StoryParams;
import org.marsad.text.Analysis;
import org.marsad.text.EvidenceSnippet;
import org.marsad.text.Field;
import org.marsad.text.Token;

/**
 * The per-document work of the analysis pass, in plain Java: each field is tokenised once, and the
 * language's analyser and the state matcher read the same tokens. It yields the compact values the
 * intermediate keeps: token and sentence counts, the term counts and the state mentions.
 */
public class DocumentAnalyzer {

  private final Analysis analysis;
  private final StateMatcher matcher;

  private final Fingerprinter fingerprinter;

  /** An analyser with the given analysis settings and state matcher, without story fingerprints. */
  public DocumentAnalyzer(Analysis analysis, StateMatcher matcher) {
    this(analysis, matcher, null);
  }

  /**
   * An analyser with the given analysis settings and state matcher that also fingerprints each body
   * for story detection with {@code stories} (null: no fingerprint). Not thread-safe: one per task.
   */
  public DocumentAnalyzer(Analysis analysis, StateMatcher matcher, StoryParams stories) {
    this.analysis = analysis;
    this.matcher = matcher;
    this.fingerprinter = stories == null ? null : new Fingerprinter(stories);
  }

  /**
   * The analysis of one document.
   *
   * @param tokens kept tokens (stop words out), title and body
   * @param sentences sentences, title and body
   * @param terms the term counts ({@link TermsBlob})
   * @param mentions the state mentions ({@link MentionsBlob})
   * @param fingerprint the body's story fingerprint ({@code org.marsad.stories.Fingerprint}), or
   *     null
   */
  public record Result(
      int tokens, int sentences, byte[] terms, byte[] mentions, byte[] fingerprint) {}

  /** Pairs of states named in one sentence kept as evidence per document, at most. */
  static final int MAX_PAIRS = 200;

  /**
   * Analyses a document of language {@code lang} with cleaned {@code title} (nullable) and text.
   */
  public Result analyze(String lang, String title, String text) {
    return analyze(lang, title, text, PassSettings.DEFAULT_FORMS);
  }

  /**
   * Analyses a document; {@code forms} are the mention forms counted in co-mentions, whose
   * sentences naming two states are kept as evidence.
   */
  public Result analyze(String lang, String title, String text, Set<String> forms) {
    Field t = Field.of(title);
    Field b = Field.of(text);
    var analyzer = analysis.forLanguage(lang);
    List<List<Token>> kept = List.of(analyzer.analyze(t), analyzer.analyze(b));
    byte[] terms = TermsBlob.encode(kept);
    int titleSentences = t.sentences();
    List<StateMatcher.Mention> found = matcher.findIn(lang, t, b);
    List<MentionsBlob.Mention> mentions = new ArrayList<>(found.size());
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
    }
    return new Result(
        kept.get(0).size() + kept.get(1).size(),
        titleSentences + b.sentences(),
        terms,
        MentionsBlob.encode(mentions, pairs(found, forms, t, b)),
        fingerprint(b));
  }

  /**
   * The form a mention is counted under: {@code team} for a team-flagged mention (a national team
   * or club named by a state's name), which {@code --forms} counts only when it lists {@code team},
   * else its form.
   */
  private static String blobForm(StateMatcher.Mention m) {
    return m.team() ? "team" : m.form();
  }

  /** The story fingerprint of the body: its normalised tokens in order (the title is left out). */
  private byte[] fingerprint(Field body) {
    if (fingerprinter == null) {
      return null;
    }
    fingerprinter.reset();
    for (int i = 0; i < body.size(); i++) {
      fingerprinter.add(body, i);
    }
    return fingerprinter.finish(body.text()).encode();
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
