package org.marsad.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Analysis of a Latin-script language with Lucene's per-token filters (lower case, stop words,
 * stemmer; chosen by the subclass) run over the field's shared tokens: the text is cut once, by
 * {@link Tokenizer}, for the analyser and the state matcher alike. Each distinct surface form is
 * analysed once per thread (a bounded memo), so most tokens cost a map lookup. Dotted abbreviations
 * written without spaces (U.S., U.N.) are kept as one token, as Lucene's standard tokeniser does.
 */
abstract class LatinAnalyzer implements TextAnalyzer {

  private static final String DROPPED = "";

  private final ThreadLocal<Chain> chains;

  /**
   * An analyser whose per-token filter chain is built by {@code filters} around a keyword tokeniser
   * (the whole token as one term).
   */
  LatinAnalyzer(Function<TokenStream, TokenStream> filters) {
    this.chains = ThreadLocal.withInitial(() -> new Chain(filters));
  }

  @Override
  public List<Token> analyze(Field field) {
    List<Token> out = new ArrayList<>(field.size());
    Chain chain = chains.get();
    String text = field.text();
    int n = field.size();
    for (int i = 0; i < n; i++) {
      RawToken t = field.token(i);
      int last = abbreviationEnd(field, i);
      String surface = last == i ? t.surface() : text.substring(t.start(), field.token(last).end());
      String key = chain.key(surface);
      if (key != DROPPED) {
        RawToken end = field.token(last);
        out.add(
            new Token(surface, surface, key, t.start(), end.end(), t.sentence(), end.position()));
      }
      i = last;
    }
    return out;
  }

  /** The last token of a dotted abbreviation starting at {@code i} (U.S.A.), else {@code i}. */
  private static int abbreviationEnd(Field f, int i) {
    int j = i;
    String text = f.text();
    while (j + 1 < f.size()
        && isLetter(f.token(j))
        && isLetter(f.token(j + 1))
        && f.token(j + 1).start() == f.token(j).end() + 1
        && text.charAt(f.token(j).end()) == '.') {
      j++;
    }
    return j;
  }

  private static boolean isLetter(RawToken t) {
    return t.surface().length() == 1 && Character.isLetter(t.surface().charAt(0));
  }

  /** One thread's Lucene chain over a single token, with the memo of its results. */
  private static final class Chain {
    private final Analyzer analyzer;
    private final Memo<String, String> memo = new Memo<>(1 << 16);

    Chain(Function<TokenStream, TokenStream> filters) {
      this.analyzer =
          new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
              KeywordTokenizer source = new KeywordTokenizer();
              return new TokenStreamComponents(source, filters.apply(source));
            }
          };
    }

    /** The key of {@code surface}, or {@link #DROPPED} for a stop word, number or short token. */
    String key(String surface) {
      String k = memo.get(surface);
      if (k == null) {
        k = compute(surface);
        memo.put(surface, k);
      }
      return k;
    }

    private String compute(String surface) {
      try (TokenStream ts = analyzer.tokenStream("t", surface)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        String key = DROPPED;
        if (ts.incrementToken()) {
          String k = ArabicNormalizer.normalize(term);
          if (k.length() >= 2 && !isNumeric(k)) {
            key = k;
          }
        }
        ts.end();
        return key;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static boolean isNumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isDigit(c) && c != '.' && c != ',' && c != '_') {
        return false;
      }
    }
    return true;
  }
}
