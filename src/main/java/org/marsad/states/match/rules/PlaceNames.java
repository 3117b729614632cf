package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.List;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.LongestMatch;
import org.marsad.states.match.core.Phrases;
import org.marsad.states.match.core.RuleFiles;

/**
 * Names of several words that hold a state's word but name no state ({@code places.tsv}): places
 * within or outside the state (British Columbia, New South Wales, New England, New Mexico, American
 * Samoa), continents' adjectives (Latin American, South American) and news outlets named after a
 * place (Washington Post, Jerusalem Post, China Daily, القدس العربي). Their tokens are masked like
 * a news agency's: no mention inside. A Latin name counts only when its first word is capitalised
 * as listed (a new Mexico policy is Mexico). A gazetteer entry that starts before the name and
 * reaches into it, or starts with it and is longer, wins (Papua New Guinea).
 */
public final class PlaceNames {

  private final Phrases names;

  /** The names of {@code places.tsv} (lists place and outlet). */
  public PlaceNames(RuleFiles files) {
    var w = files.words("places.tsv");
    List<String> all = new ArrayList<>();
    for (String list : List.of("place", "outlet")) {
      for (var r : w.rows(list)) {
        all.add(r.word());
      }
    }
    this.names = new Phrases(all);
  }

  /** {@code masked} with the tokens of the field inside a listed name set (a new array if null). */
  public boolean[] mask(FieldScan f, boolean[] masked) {
    boolean[] out = masked;
    for (int i = 0; i < f.size(); i++) {
      int last = names.longestAt(f, i);
      if (last < 0) {
        continue;
      }
      String first = f.surface(i);
      char c = first.charAt(0);
      if (Character.isLetter(c)
          && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN
          && !Character.isUpperCase(c)) {
        continue;
      }
      if (insideLongerEntry(f, i, last)) {
        continue;
      }
      if (out == null) {
        out = new boolean[f.size()];
      }
      for (int k = i; k <= last; k++) {
        out[k] = true;
      }
      i = last;
    }
    return out;
  }

  /** Whether a gazetteer entry covers tokens {@code i}..{@code last} and more. */
  private static boolean insideLongerEntry(FieldScan f, int i, int last) {
    for (int j = Math.max(0, i - 3); j <= i; j++) {
      if (!f.sameSentence(j, i)) {
        continue;
      }
      LongestMatch hit = LongestMatch.at(f, j);
      if (hit != null && hit.end() >= i && (j < i || hit.end() > last)) {
        return true;
      }
    }
    return false;
  }
}
