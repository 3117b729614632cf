package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.Verdict;

/**
 * English (and French) capitalisation: an entry written with a capital needs one in the text (Chad,
 * not chad; Suisse the name, suisse the adjective), an abbreviation its capitals (US, not us), each
 * entry checked on its own; a field written in capitals (a wire title) is exempt.
 */
public final class Capitalisation implements EntryRule {

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (m.field().allCaps()) {
      return Verdict.PASS;
    }
    List<Entry> kept = null;
    for (int k = 0; k < entries.size(); k++) {
      Entry e = entries.get(k);
      boolean ok = capitalised(m, e);
      if (!ok && kept == null) {
        kept = new ArrayList<>(entries.subList(0, k));
      } else if (ok && kept != null) {
        kept.add(e);
      }
    }
    return kept == null ? Verdict.PASS : Verdict.keep(kept);
  }

  /** An entry written as a capitalised abbreviation or word in capitals (CAR, UAE, USA). */
  public static boolean isAbbreviation(Entry e) {
    for (String t : e.surfaceTokens()) {
      if (t.length() > 1
          && t.equals(t.toUpperCase(Locale.ROOT))
          && !t.equals(t.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean capitalised(Match m, Entry e) {
    FieldScan f = m.field();
    String[] want = e.surfaceTokens();
    for (int k = m.i(); k <= m.end() && k - m.i() < want.length; k++) {
      String w = want[k - m.i()];
      String got = f.surface(k);
      if (k == m.i() && m.reading().cutStart() > 0) {
        got = got.substring(Math.min(m.reading().cutStart(), got.length()));
      }
      if (w.isEmpty() || got.isEmpty()) {
        continue;
      }
      boolean wantAllCaps =
          w.length() > 1
              && w.equals(w.toUpperCase(Locale.ROOT))
              && !w.equals(w.toLowerCase(Locale.ROOT));
      if (wantAllCaps && !got.startsWith(w)) {
        return false;
      }
      int wc = firstLetter(w);
      int gc = firstLetter(got);
      if (wc >= 0
          && gc >= 0
          && Character.isUpperCase(w.charAt(wc))
          && !Character.isUpperCase(got.charAt(gc))) {
        return false;
      }
    }
    return true;
  }

  private static int firstLetter(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (Character.isLetter(s.charAt(k))) {
        return k;
      }
    }
    return -1;
  }
}
