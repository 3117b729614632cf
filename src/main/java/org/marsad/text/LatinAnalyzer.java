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
 * Analysis of a language with Lucene's per-token filters (lower case, stop words, stemmer; chosen
 * by the subclass) run over the field's shared tokens: the text is cut once, by {@link Tokenizer},
 * for the analyser and the state matcher alike. Each distinct surface form is analysed once per
 * thread (a bounded memo), so most tokens cost a map lookup. In Latin-script languages, dotted
 * abbreviations written without spaces (U.S., U.N.) are kept as one token, as Lucene's standard
 * tokeniser does. Persian, whose Lucene filters work the same way, uses it too.
 */
abstract class LatinAnalyzer implements TextAnalyzer {

  private static final String DROPPED = "";

  private final ThreadLocal<Chain> chains;
  private final boolean abbreviations;
  private final int slot = Lexicon.newSlot();

  /**
   * An analyser whose per-token filter chain is built by {@code filters} around a keyword tokeniser
   * (the whole token as one term).
   */
  LatinAnalyzer(Function<TokenStream, TokenStream> filters) {
    this(filters, true);
  }

  /** As above; {@code abbreviations} false keeps single letters between dots apart. */
  LatinAnalyzer(Function<TokenStream, TokenStream> filters, boolean abbreviations) {
    this.chains = ThreadLocal.withInitial(() -> new Chain(filters));
    this.abbreviations = abbreviations;
  }

  /**
   * The form of a kept token a reader sees in labels: the surface, or less (French drops an elided
   * article: l'Égypte reads Égypte).
   */
  String display(String surface) {
    return surface;
  }

  /** The key and display form of one distinct surface. */
  private record Kept(String key, String display) {}

  private static final Kept DROPPED_KEPT = new Kept(DROPPED, DROPPED);

  @Override
  public List<Token> analyze(Field field) {
    List<Token> out = new ArrayList<>(field.size());
    Chain chain = chains.get();
    Lexicon lex = field.lexicon();
    String text = field.text();
    int n = field.size();
    for (int i = 0; i < n; i++) {
      int last = abbreviations ? abbreviationEnd(field, i) : i;
      String surface;
      String key;
      String display;
      if (last == i) {
        int id = field.id(i);
        surface = lex.surface(id);
        Kept k = (Kept) lex.get(slot, id);
        if (k == null) {
          String computed = chain.key(surface);
          k =
              computed == DROPPED
                  ? DROPPED_KEPT
                  : new Kept(lex.canonical(computed), lex.canonical(display(surface)));
          lex.set(slot, id, k);
        }
        key = k.key();
        display = k.display();
      } else {
        surface = text.substring(field.start(i), field.end(last));
        key = chain.key(surface);
        display = surface;
      }
      if (key != DROPPED) {
        out.add(
            new Token(
                surface, display, key, field.start(i), field.end(last), field.sentence(i), last));
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
        && isLetter(f, j)
        && isLetter(f, j + 1)
        && f.start(j + 1) == f.end(j) + 1
        && text.charAt(f.end(j)) == '.') {
      j++;
    }
    return j;
  }

  private static boolean isLetter(Field f, int i) {
    return f.end(i) - f.start(i) == 1 && Character.isLetter(f.text().charAt(f.start(i)));
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
