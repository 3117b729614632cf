package org.marsad.text;

import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * French stop words: Lucene's French set ({@link FrenchAnalyzer#getDefaultStopSet()}) plus Marsad's
 * news-filler list {@code conf/stopwords/fr-news.txt} (or a user file in its place).
 */
public final class FrenchStopWords {

  /** The packaged news-filler list, relative to {@code marsad/conf/}. */
  public static final String RESOURCE = "stopwords/fr-news.txt";

  private FrenchStopWords() {}

  /**
   * Lucene's French stop set plus the words of {@code extraFile} (null: the packaged list), lower
   * case; unmodifiable and case-insensitive, ready for a Lucene {@code StopFilter}.
   */
  public static CharArraySet set(String extraFile) {
    return ofLines(WordLists.lines(RESOURCE, extraFile));
  }

  /**
   * Lucene's French stop set plus the words {@code extraLines} (the lines of a news-filler list,
   * read on the driver), lower case; unmodifiable and case-insensitive.
   */
  public static CharArraySet ofLines(java.util.List<String> extraLines) {
    CharArraySet stops = new CharArraySet(FrenchAnalyzer.getDefaultStopSet(), true);
    for (String w : extraLines) {
      stops.add(w.toLowerCase(Locale.ROOT));
    }
    return CharArraySet.unmodifiableSet(stops);
  }
}
