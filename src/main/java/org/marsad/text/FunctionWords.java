package org.marsad.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast path of {@link LanguageIdentifier} for Latin-script news: twenty frequent function words
 * per language, chosen so that few are shared between our languages. A prefix of news prose has so
 * many of one language's words, and so few of the others', that the answer is sure without the
 * n-gram detector; anything less clear (titles, short or mixed texts, other languages) is left to
 * the detector. Measured by {@code LanguageIdBench}: it decides about 60% of news texts, with no
 * error on our texts, Reuters or four-sentence texts of our languages.
 */
final class FunctionWords {

  /** Fewer words than this: no decision. */
  static final int MIN_WORDS = 15;

  /** The winner needs at least this many hits ... */
  static final int MIN_HITS = 5;

  /** ... and this share of all words ... */
  static final double MIN_SHARE = 0.15;

  /** ... and this many times the hits of the runner-up. */
  static final int MARGIN = 4;

  /** The languages, in a fixed order (ties go to the first). */
  private static final List<String> LANGS = new ArrayList<>();

  /** Word to the indexes in {@link #LANGS} of the languages it belongs to. */
  private static final Map<String, int[]> WORDS = new HashMap<>();

  static {
    add(
        "en",
        "the and of to that with for said has from which are were this by its it he they have");
    add("fr", "le les du et est une dans pour sur au aux pas avec ont été mais cette selon il ce");
    add(
        "es",
        "el los las del y por con para fue como más pero sus según está también se han ha al");
    add(
        "de",
        "der die und das dem nicht mit ist sich auf für von eine ein wird auch nach bei zu im");
    add(
        "it",
        "il della che sono gli dei nel nella alla anche più questo è delle ha dal alle degli lo ai");
    add("pt", "o os da do não em com dos das ao pelo pela foi são mais também na no às uma");
    add(
        "nl",
        "het een van niet op voor zijn dat met ook werd naar bij wordt heeft deze worden tegen nog maar");
    add(
        "tr",
        "ve bir bu için ile olarak olan daha çok gibi kadar sonra ise ancak ilk en göre yeni büyük arasında");
  }

  private FunctionWords() {}

  private static void add(String lang, String words) {
    int index = LANGS.size();
    LANGS.add(lang);
    for (String w : words.split(" ")) {
      int[] old = WORDS.get(w);
      int[] now = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
      now[now.length - 1] = index;
      WORDS.put(w, now);
    }
  }

  /**
   * The language of {@code candidates} whose function words clearly dominate the lower-case text
   * {@code lower}, or null when none does.
   */
  static String decide(String lower, Set<String> candidates) {
    int[] hits = new int[LANGS.size()];
    int words = 0;
    int n = lower.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetter(lower.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetter(lower.charAt(i))) {
        i++;
      }
      if (i > start) {
        words++;
        int[] langs = WORDS.get(lower.substring(start, i));
        if (langs != null) {
          for (int l : langs) {
            hits[l]++;
          }
        }
      }
    }
    if (words < MIN_WORDS) {
      return null;
    }
    int best = 0;
    for (int l = 1; l < hits.length; l++) {
      if (hits[l] > hits[best]) {
        best = l;
      }
    }
    int second = 0;
    for (int l = 0; l < hits.length; l++) {
      if (l != best) {
        second = Math.max(second, hits[l]);
      }
    }
    int first = hits[best];
    boolean clear = first >= MIN_HITS && first >= MARGIN * second && first >= MIN_SHARE * words;
    String lang = LANGS.get(best);
    return clear && candidates.contains(lang) ? lang : null;
  }
}
