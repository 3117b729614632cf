package org.marsad.text;

/**
 * Decides a text's language from its script: Arabic when Arabic letters are at least as many as
 * Latin ones, English otherwise. Enough to route texts to the right analyser in bilingual corpora;
 * {@link LanguageIdentifier} tells the languages themselves apart (French is {@code fr} there, not
 * {@code en}) and will replace it once callers route more than two analysers.
 */
public final class LanguageDetector {

  private LanguageDetector() {}

  /** Returns {@code "ar"} or {@code "en"}; {@code "ar"} for a text with no letters at all. */
  public static String detect(String text) {
    if (text == null) {
      return "ar";
    }
    int arabic = 0;
    int latin = 0;
    int n = Math.min(text.length(), 4000);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (ArabicNormalizer.isArabicLetter(c)) {
        arabic++;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        latin++;
      }
    }
    return arabic >= latin ? "ar" : "en";
  }
}
