package org.marsad.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the language values a corpus column holds (ISO 639-1 or 639-2/3 codes, BCP 47 tags, the
 * language's name in English, French, Arabic or in the language itself) as ISO 639-1 codes: {@code
 * Arabic}, {@code ara}, {@code العربية} and {@code ar-EG} are all {@code ar}.
 */
public final class LanguageCodes {

  private static final Map<String, String> BY_NAME = build();

  private LanguageCodes() {}

  /**
   * The ISO 639-1 code (or, for a language without one, its ISO 639-2 code) of a language value, or
   * null when the value is blank, undetermined ({@code und}, {@code mul}, {@code zxx}, {@code
   * unknown}) or not a language this class knows.
   */
  public static String normalize(String value) {
    if (value == null) {
      return null;
    }
    String s = fold(value);
    if (s.isEmpty()) {
      return null;
    }
    String code = BY_NAME.get(s);
    if (code != null) {
      return code;
    }
    // A BCP 47 tag or locale name: its primary subtag (en-US, fr_FR, zh-Hans-CN).
    int cut = indexOfSeparator(s);
    if (cut > 0) {
      return BY_NAME.get(s.substring(0, cut));
    }
    return null;
  }

  private static int indexOfSeparator(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '-' || c == '_' || c == ' ' || c == '(' || c == '.') {
        return i;
      }
    }
    return -1;
  }

  /** Lower case, accents and Arabic diacritics dropped, spaces trimmed. */
  private static String fold(String s) {
    String d = Normalizer.normalize(s.strip(), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      int t = Character.getType(c);
      if (t != Character.NON_SPACING_MARK && t != Character.FORMAT) {
        out.append(c);
      }
    }
    return ArabicNormalizer.normalize(out.toString().toLowerCase(Locale.ROOT));
  }

  private static Map<String, String> build() {
    Map<String, String> m = new HashMap<>();
    Set<String> undetermined = Set.of("und", "mul", "zxx", "mis", "unknown", "none", "null", "n/a");
    for (String iso : Locale.getISOLanguages()) {
      Locale l = Locale.forLanguageTag(iso);
      String code = l.getLanguage().isEmpty() ? iso : l.getLanguage();
      m.putIfAbsent(iso, code);
      try {
        m.putIfAbsent(fold(l.getISO3Language()), code);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code
      }
      for (Locale in :
          new Locale[] {Locale.ENGLISH, Locale.FRENCH, l, Locale.forLanguageTag("ar")}) {
        String name = l.getDisplayLanguage(in);
        if (!name.isEmpty() && !name.equalsIgnoreCase(iso)) {
          m.putIfAbsent(fold(name), code);
        }
      }
    }
    // ISO 639-2/B codes that differ from the 639-2/T codes the JDK gives, old codes, and the names
    // news corpora write.
    String[][] extra = {
      {"alb", "sq"},
      {"arm", "hy"},
      {"baq", "eu"},
      {"bur", "my"},
      {"chi", "zh"},
      {"cze", "cs"},
      {"dut", "nl"},
      {"fre", "fr"},
      {"geo", "ka"},
      {"ger", "de"},
      {"gre", "el"},
      {"ice", "is"},
      {"mac", "mk"},
      {"mao", "mi"},
      {"may", "ms"},
      {"per", "fa"},
      {"rum", "ro"},
      {"slo", "sk"},
      {"tib", "bo"},
      {"wel", "cy"},
      {"iw", "he"},
      {"in", "id"},
      {"ji", "yi"},
      {"farsi", "fa"},
      {"persan", "fa"},
      {"فارسي", "fa"},
      {"فارسى", "fa"},
      {"پارسی", "fa"},
      {"عربي", "ar"},
      {"عربى", "ar"},
      {"العربيه", "ar"},
      {"arabe", "ar"},
      {"arab", "ar"},
      {"انجليزي", "en"},
      {"انكليزي", "en"},
      {"الانجليزيه", "en"},
      {"انگلیسی", "en"},
      {"anglais", "en"},
      {"فرنسي", "fr"},
      {"الفرنسيه", "fr"},
      {"فرانسوی", "fr"},
      {"francais", "fr"},
      {"urdu", "ur"},
      {"اردو", "ur"},
      {"turkce", "tr"},
      {"deutsch", "de"},
      {"espanol", "es"},
      {"castellano", "es"},
      {"nederlands", "nl"},
      {"portugues", "pt"}
    };
    for (String[] e : extra) {
      m.put(fold(e[0]), e[1]);
    }
    for (String u : undetermined) {
      m.remove(fold(u));
    }
    return Map.copyOf(m);
  }
}
