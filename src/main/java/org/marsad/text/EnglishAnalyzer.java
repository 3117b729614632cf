package org.marsad.text;

import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * English analysis with Lucene's building blocks, as in Lucene's {@code EnglishAnalyzer}:
 * possessive removal, lower case, stop words (Lucene's English set plus our news-filler list) and
 * the Porter stemmer, over the shared tokens of {@link Tokenizer}.
 */
public final class EnglishAnalyzer extends LatinAnalyzer {

  /** Creates the analyser; {@code extraStopWords} are added to Lucene's English stop set. */
  public EnglishAnalyzer(Set<String> extraStopWords) {
    super(stream(extraStopWords));
  }

  private static java.util.function.Function<
          org.apache.lucene.analysis.TokenStream, org.apache.lucene.analysis.TokenStream>
      stream(Set<String> extraStopWords) {
    CharArraySet stops =
        new CharArraySet(
            org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    stops.addAll(extraStopWords);
    CharArraySet stopSet = CharArraySet.unmodifiableSet(stops);
    return source ->
        new PorterStemFilter(
            new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)), stopSet));
  }
}
