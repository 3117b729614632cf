package org.marsad.analysis;

import java.util.ArrayList;
import java.util.List;
import org.marsad.states.match.StateMatcher;
import org.marsad.text.Analysis;
import org.marsad.text.Field;
import org.marsad.text.RawToken;
import org.marsad.text.Token;

/**
 * The per-document work of the analysis pass, in plain Java: each field is tokenised once, and the
 * language's analyser and the state matcher read the same tokens. It yields the compact values the
 * intermediate keeps: token and sentence counts, the term counts and the state mentions.
 */
public class DocumentAnalyzer {

  private final Analysis analysis;
  private final StateMatcher matcher;

  /** An analyser with the given analysis settings and state matcher. */
  public DocumentAnalyzer(Analysis analysis, StateMatcher matcher) {
    this.analysis = analysis;
    this.matcher = matcher;
  }

  /**
   * The analysis of one document.
   *
   * @param tokens kept tokens (stop words out), title and body
   * @param sentences sentences, title and body
   * @param terms the term counts ({@link TermsBlob})
   * @param mentions the state mentions ({@link MentionsBlob})
   */
  public record Result(int tokens, int sentences, byte[] terms, byte[] mentions) {}

  /**
   * Analyses a document of language {@code lang} with cleaned {@code title} (nullable) and text.
   */
  public Result analyze(String lang, String title, String text) {
    Field t = Field.of(title);
    Field b = Field.of(text);
    var analyzer = analysis.forLanguage(lang);
    List<List<Token>> kept = List.of(analyzer.analyze(t), analyzer.analyze(b));
    byte[] terms = TermsBlob.encode(kept);
    int titleSentences = t.sentences();
    List<MentionsBlob.Mention> mentions = new ArrayList<>();
    for (StateMatcher.Mention m : matcher.findIn(lang, t, b)) {
      Field f = m.field() == 0 ? t : b;
      int[] ctx = context(f, m.sentence(), m.start(), m.end());
      mentions.add(
          new MentionsBlob.Mention(
              m.iso2(),
              m.form(),
              m.surface(),
              m.field(),
              m.start(),
              m.end(),
              m.field() == 0 ? m.sentence() : titleSentences + m.sentence(),
              f.text().substring(ctx[0], ctx[1]),
              m.start() - ctx[0],
              m.end() - ctx[0]));
    }
    return new Result(
        kept.get(0).size() + kept.get(1).size(),
        titleSentences + b.sentences(),
        terms,
        MentionsBlob.encode(mentions));
  }

  /**
   * The span [from, to) of the readable context of a mention at [start, end) in sentence {@code
   * sentence} of {@code f}: the sentence (with its closing punctuation), cut to at most {@link
   * MentionsBlob#CONTEXT_CHARS} characters around the mention at token boundaries.
   */
  static int[] context(Field f, int sentence, int start, int end) {
    List<RawToken> toks = f.tokens();
    int first = -1;
    int last = -1;
    for (int i = 0; i < toks.size(); i++) {
      int s = toks.get(i).sentence();
      if (s == sentence) {
        if (first < 0) {
          first = i;
        }
        last = i;
      } else if (s > sentence) {
        break;
      }
    }
    if (first < 0) {
      return new int[] {start, end};
    }
    String text = f.text();
    int from = toks.get(first).start();
    int to = last + 1 < toks.size() ? toks.get(last + 1).start() : text.length();
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    int max = MentionsBlob.CONTEXT_CHARS;
    if (to - from > max) {
      int lo = Math.max(from, start - Math.max(0, max - (end - start)) / 2);
      int hi = Math.min(to, lo + max);
      if (hi < end) {
        hi = end;
        lo = Math.max(from, hi - max);
      }
      // Inwards to whole tokens, never cutting the mention itself.
      int snappedLo = start;
      int snappedHi = end;
      for (int i = first; i <= last; i++) {
        RawToken r = toks.get(i);
        if (r.start() >= lo && r.start() < snappedLo) {
          snappedLo = r.start();
        }
        if (r.end() <= hi && r.end() > snappedHi) {
          snappedHi = r.end();
        }
      }
      from = snappedLo;
      to = snappedHi;
    }
    return new int[] {from, to};
  }
}
