package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Reading;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.text.ArabicNormalizer;

/**
 * The readings of a token that may start a gazetteer entry: the token itself and, in Arabic, the
 * token without a conjunction (و ف) and a preposition (ب ك ل, لل = ل + ال); in Latin script without
 * an elided article (l'Égypte, d'Irak, dell'Iran) or an apostrophe suffix (Türkiye'nin, Russia's);
 * in Persian without a plural suffix typed without the non-joiner (آمریکاییها). The matcher keeps a
 * reading only when it starts an entry, so وزير is never و + زير.
 */
public final class CliticReadings {

  private final Set<String> elided;
  private final List<String> persianPlurals;

  /** The readings of {@code clitics.tsv}. */
  public CliticReadings(RuleFiles files) {
    var w = files.words("clitics.tsv");
    this.elided = w.set("elided");
    List<String> plurals = new ArrayList<>();
    for (var r : w.rows("persian_plural")) {
      plurals.add(Keys.norm(r.word()));
    }
    this.persianPlurals = List.copyOf(plurals);
  }

  /** The readings of the token {@code surface} with key {@code n} in a document of {@code lang}. */
  public List<Reading> of(String n, String surface, String lang) {
    List<Reading> out = new ArrayList<>(4);
    out.add(new Reading(n, 0, false, ""));
    if (n.isEmpty()) {
      return out;
    }
    if (!ArabicNormalizer.isArabicLetter(n.charAt(0))) {
      latin(n, surface, out);
      return out;
    }
    if (!lang.equals("ar")) {
      if (lang.equals("fa")) {
        persianPlural(n, surface, out);
      }
      return out;
    }
    if (n.startsWith("الال") && n.length() > 5) {
      // Text where ال + ل was written الال (الالبنانية for اللبنانية, an artifact of some
      // normalisers): the reading with الل.
      out.add(new Reading("الل" + n.substring(4), 0, false, ""));
    }
    List<Reading> base = new ArrayList<>(out);
    char c0 = n.charAt(0);
    if ((c0 == 'و' || c0 == 'ف') && n.length() >= 3) {
      Reading r = new Reading(n.substring(1), 1, false, String.valueOf(c0));
      out.add(r);
      base.add(r);
    }
    for (Reading b : base) {
      String w = b.key();
      if (w.length() < 3) {
        continue;
      }
      if (w.startsWith("لل")) {
        out.add(new Reading("ا" + w.substring(1), b.letters() + 1, true, b.clitics() + "ل"));
        // ل + a name that starts with ل: للبنان.
        out.add(new Reading(w.substring(1), b.letters() + 1, false, b.clitics() + "ل"));
      } else if (w.charAt(0) == 'ب'
          || w.charAt(0) == 'ل'
          || (w.charAt(0) == 'ك' && w.startsWith("ال", 1))) {
        // ك ("like") before a name without the article is rare; كلاوس is Klaus, not ك + لاوس.
        out.add(new Reading(w.substring(1), b.letters() + 1, false, b.clitics() + w.charAt(0)));
      }
    }
    return out;
  }

  private void latin(String n, String surface, List<Reading> out) {
    int apo = n.indexOf('\'');
    if (apo > 0 && apo + 1 < n.length() && n.length() == surface.length()) {
      String before = n.substring(0, apo);
      String after = n.substring(apo + 1);
      if (elided.contains(before) && Character.isLetter(after.charAt(0))) {
        out.add(new Reading(after, 0, false, "", apo + 1, 0));
      } else if (after.length() <= 5 && isLowerLetters(surface, apo + 1)) {
        out.add(new Reading(before, 0, false, "", 0, n.length() - apo));
      }
    }
  }

  private void persianPlural(String n, String surface, List<Reading> out) {
    for (String suffix : persianPlurals) {
      if (n.endsWith(suffix) && n.length() - suffix.length() >= 3) {
        int cut =
            surface.length() - ArabicNormalizer.skipLetters(surface, n.length() - suffix.length());
        out.add(new Reading(n.substring(0, n.length() - suffix.length()), 0, false, "", 0, cut));
        break;
      }
    }
  }

  private static boolean isLowerLetters(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetter(c) || Character.isUpperCase(c)) {
        return false;
      }
    }
    return from < s.length();
  }
}
