package org.marsad.text;

import java.util.function.Function;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * French analysis with Lucene's building blocks, as in Lucene's {@code FrenchAnalyzer}: elision
 * removal (l'Égypte, d'Irak, qu'il; {@code ’} as well as {@code '}), lower case, stop words
 * (Lucene's French set plus our news-filler list, {@link FrenchStopWords}) and the light French
 * stemmer, over the shared tokens of {@link Tokenizer}. Labels show the word without its elided
 * article.
 */
public final class FrenchAnalyzer extends LatinAnalyzer {

  /** Creates the analyser with the stop words {@code stopWords} (see {@link FrenchStopWords}). */
  public FrenchAnalyzer(CharArraySet stopWords) {
    super(stream(stopWords));
  }

  private static Function<TokenStream, TokenStream> stream(CharArraySet stopWords) {
    CharArraySet articles = org.apache.lucene.analysis.fr.FrenchAnalyzer.DEFAULT_ARTICLES;
    return source ->
        new FrenchLightStemFilter(
            new StopFilter(new LowerCaseFilter(new ElisionFilter(source, articles)), stopWords));
  }

  @Override
  String display(String surface) {
    int cut = elision(surface);
    return cut < 0 ? surface : surface.substring(cut);
  }

  /**
   * The index just past the apostrophe of an elided French article or conjunction that starts
   * {@code s} (l', d', qu', jusqu' ...), or -1.
   */
  public static int elision(CharSequence s) {
    int n = Math.min(s.length(), 8);
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '\u2019') {
        if (i + 1 < s.length()
            && org.apache.lucene.analysis.fr.FrenchAnalyzer.DEFAULT_ARTICLES.contains(
                s.subSequence(0, i))) {
          return i + 1;
        }
        return -1;
      }
      if (!Character.isLetter(c)) {
        return -1;
      }
    }
    return -1;
  }
}
