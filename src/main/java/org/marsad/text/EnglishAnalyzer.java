package org.marsad.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * English analysis with Lucene's building blocks, as in Lucene's {@code EnglishAnalyzer}: standard
 * (UAX#29) tokenising, possessive removal, lower case, stop words (Lucene's English set plus our
 * news-filler list) and the Porter stemmer. Offsets give back the surface forms for labels.
 */
public final class EnglishAnalyzer implements TextAnalyzer {

  private final Analyzer lucene;

  /** Creates the analyser; {@code extraStopWords} are added to Lucene's English stop set. */
  public EnglishAnalyzer(Set<String> extraStopWords) {
    CharArraySet stops =
        new CharArraySet(
            org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    stops.addAll(extraStopWords);
    CharArraySet stopSet = CharArraySet.unmodifiableSet(stops);
    this.lucene =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new StopFilter(ts, stopSet);
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
          }
        };
  }

  @Override
  public List<Token> analyze(String text) {
    List<Token> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    int[] sentenceStarts = sentenceStarts(text);
    try (TokenStream ts = lucene.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        String key = ArabicNormalizer.normalize(term);
        if (key.length() < 2 || isNumeric(key)) {
          continue;
        }
        String surface = text.substring(off.startOffset(), off.endOffset());
        out.add(
            new Token(
                surface,
                surface,
                key,
                off.startOffset(),
                off.endOffset(),
                sentenceOf(sentenceStarts, off.startOffset()),
                position));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
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

  /** Offsets where sentences start, using the same boundary rule as {@link Tokenizer}. */
  static int[] sentenceStarts(String text) {
    List<RawToken> raw = Tokenizer.tokenize(text);
    int[] starts = new int[raw.isEmpty() ? 1 : raw.get(raw.size() - 1).sentence() + 1];
    int last = -1;
    for (RawToken r : raw) {
      if (r.sentence() != last) {
        starts[r.sentence()] = r.start();
        last = r.sentence();
      }
    }
    return starts;
  }

  static int sentenceOf(int[] starts, int offset) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
