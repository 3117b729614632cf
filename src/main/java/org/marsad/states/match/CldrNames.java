package org.marsad.states.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The country names of a language from the JDK's CLDR locale data ({@code new Locale("",
 * iso2).getDisplayCountry(new Locale(lang))}; Unicode License v3): the rows of a document language
 * the gazetteer has none for (German, Spanish, Italian, Turkish, Urdu ...). Each name is a {@code
 * name} form written as CLDR writes it (Vereinigte Staaten, Estados Unidos, ریاستہائے متحدہ), so
 * English-style capitalisation applies: a capitalised word of the name needs its capital in the
 * text. A name with a bracket (Kongo (Demokratische Republik)) also gives the words before it.
 */
final class CldrNames {

  private static final Map<String, List<Gazetteer.Form>> CACHE = new ConcurrentHashMap<>();
  private static final String[] PROBES = {"US", "DE", "EG", "CN"};

  private CldrNames() {}

  /** True when the JDK has country names in {@code lang} (not just the English fallback). */
  static boolean knows(String lang) {
    Locale l = Locale.forLanguageTag(lang);
    if (l.getLanguage().isEmpty() || lang.equals("en")) {
      return lang.equals("en");
    }
    int differ = 0;
    for (String iso : PROBES) {
      Locale c = new Locale("", iso);
      if (!c.getDisplayCountry(l).equals(c.getDisplayCountry(Locale.ENGLISH))) {
        differ++;
      }
    }
    return differ >= 2;
  }

  /** True when {@code lang} writes country names in Latin script (English for unknown codes). */
  static boolean isLatinScript(String lang) {
    String name = new Locale("", "DE").getDisplayCountry(Locale.forLanguageTag(lang));
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetter(c)) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
      }
    }
    return true;
  }

  /** The CLDR names in {@code lang} of the given states, as forms of that language. */
  static List<Gazetteer.Form> forms(String lang, List<Gazetteer.State> states) {
    return CACHE.computeIfAbsent(lang + "\t" + states.size(), k -> build(lang, states));
  }

  private static List<Gazetteer.Form> build(String lang, List<Gazetteer.State> states) {
    Locale in = Locale.forLanguageTag(lang);
    List<Gazetteer.Form> out = new ArrayList<>();
    for (Gazetteer.State s : states) {
      String name = new Locale("", s.iso2()).getDisplayCountry(in).strip();
      if (name.isEmpty() || name.equalsIgnoreCase(s.iso2())) {
        continue;
      }
      out.add(new Gazetteer.Form(s.iso2(), lang, "name", name));
      int bracket = name.indexOf(" (");
      if (bracket > 0) {
        out.add(new Gazetteer.Form(s.iso2(), lang, "name", name.substring(0, bracket)));
      }
    }
    return List.copyOf(out);
  }
}
