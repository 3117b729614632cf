package org.marsad.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Persian analysis with Lucene's Persian building blocks over the shared tokens of {@link
 * Tokenizer} (never the Arabic stemmer): as Lucene's {@code PersianAnalyzer}, lower case, decimal
 * digits, Lucene's Arabic and Persian normalisation and Lucene's Persian stop set, then Lucene's
 * {@code PersianStemFilter} (the suffixes ات ان ترین تر یی ی ها). Like the Arabic analyser it keeps
 * the gazetteer's single-word Persian names, capitals and adjectives whole (the stemmer would make
 * ایران اير and پاکستان پاکست). The zero-width non-joiner that Persian writes before ها and after
 * می separates tokens (the cleaner keeps it between Arabic-script letters), so کتاب‌ها gives کتاب
 * and the stop word ها; a plural typed without it (کتابها) loses ها in the stemmer.
 */
public final class PersianAnalyzer extends LatinAnalyzer {

  /** Creates the analyser; {@code protectedWords} (surfaces as written) are not stemmed. */
  public PersianAnalyzer(Set<String> protectedWords) {
    super(stream(normalized(protectedWords)), false);
  }

  private static Function<TokenStream, TokenStream> stream(CharArraySet keep) {
    CharArraySet stops = org.apache.lucene.analysis.fa.PersianAnalyzer.getDefaultStopSet();
    return source ->
        new PersianStemFilter(
            new SetKeywordMarkerFilter(
                new StopFilter(PersianAnalyzer.normalize(source), stops), keep));
  }

  private static TokenStream normalize(TokenStream source) {
    return new PersianNormalizationFilter(
        new ArabicNormalizationFilter(new DecimalDigitFilter(new LowerCaseFilter(source))));
  }

  /** The words normalised by the same filters as the text, so the keyword marker finds them. */
  private static CharArraySet normalized(Set<String> words) {
    CharArraySet out = new CharArraySet(words.size(), false);
    try (Analyzer a =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer t = new KeywordTokenizer();
            return new TokenStreamComponents(t, PersianAnalyzer.normalize(t));
          }
        }) {
      for (String w : words) {
        try (TokenStream ts = a.tokenStream("t", w)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            out.add(term.toString());
          }
          ts.end();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CharArraySet.unmodifiableSet(out);
  }
}
