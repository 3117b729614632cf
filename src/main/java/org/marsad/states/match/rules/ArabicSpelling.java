package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.List;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.Verdict;

/**
 * Arabic spelling the normaliser folds but writers keep: an entry whose word ends in ه (ماليه,
 * Malé; تايبيه) is not a word written with a final ة (مالية, financial): the normaliser reads ة as
 * ه so that careless text (مدرسه) still matches ة entries, but no writer spells ه as ة.
 */
public final class ArabicSpelling implements EntryRule {

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    List<Entry> kept = null;
    for (int k = 0; k < entries.size(); k++) {
      Entry e = entries.get(k);
      boolean ok = spelledAlike(m, e);
      if (!ok && kept == null) {
        kept = new ArrayList<>(entries.subList(0, k));
      } else if (ok && kept != null) {
        kept.add(e);
      }
    }
    return kept == null ? Verdict.PASS : Verdict.keep(kept);
  }

  private static boolean spelledAlike(Match m, Entry e) {
    FieldScan f = m.field();
    String[] want = e.surfaceTokens();
    for (int k = m.i(); k <= m.end() && k - m.i() < want.length; k++) {
      String w = want[k - m.i()];
      String got = f.surface(k);
      if (!w.isEmpty()
          && !got.isEmpty()
          && w.charAt(w.length() - 1) == 'ه'
          && got.charAt(got.length() - 1) == 'ة') {
        return false;
      }
    }
    return true;
  }
}
