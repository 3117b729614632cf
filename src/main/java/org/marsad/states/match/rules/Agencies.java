package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;

/**
 * News agencies ({@code agencies.tsv}: رويترز, أ ف ب, وكالة المغرب العربي للأنباء, Reuters ...)
 * name no state: their tokens are masked. An agency whose name is also a common word or an
 * adjective (الفرنسية for AFP, قنا, فارس) is masked only as a credit: in brackets, after a dash, or
 * after به گزارش.
 */
public final class Agencies {

  /** An agency surface: its tokens' keys and whether it is a credit only. */
  private record Agency(String[] keys, boolean creditOnly) {}

  private static final String REPORT = Keys.norm("گزارش");
  private static final String BY = Keys.norm("به");

  private final Map<String, List<Agency>> agencies = new HashMap<>();

  /** The agencies of the lines of {@code agencies.tsv} (surface, lang, agency, home, note). */
  public Agencies(List<String> lines) {
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f.length < 3 || f[0].startsWith("#")) {
        continue;
      }
      String[] keys = Keys.keys(f[0]);
      if (keys.length > 0) {
        agencies
            .computeIfAbsent(keys[0], k -> new ArrayList<>())
            .add(new Agency(keys, f.length > 4 && !f[4].isBlank()));
      }
    }
  }

  /** The tokens of {@code f} that belong to an agency's name, or null when none do. */
  public boolean[] mask(FieldScan f) {
    boolean[] masked = null;
    for (int i = 0; i < f.size(); i++) {
      List<Agency> as = agencies.get(f.norm(i));
      if (as == null) {
        continue;
      }
      int best = -1;
      for (Agency a : as) {
        int last = i + a.keys().length - 1;
        if (last >= f.size() || (best >= 0 && last <= best)) {
          continue;
        }
        boolean ok = true;
        for (int k = 1; k < a.keys().length && ok; k++) {
          ok = f.norm(i + k).equals(a.keys()[k]);
        }
        if (ok && (!a.creditOnly() || isCredit(f, i, last))) {
          best = last;
        }
      }
      if (best >= 0) {
        if (masked == null) {
          masked = new boolean[f.size()];
        }
        for (int k = i; k <= best; k++) {
          masked[k] = true;
        }
        i = best;
      }
    }
    return masked;
  }

  private static boolean isCredit(FieldScan f, int i, int last) {
    char before = f.charBefore(f.start(i));
    char after = f.charAfter(f.end(last));
    if ((before == '(' || before == '[') && (after == ')' || after == ']')) {
      return true;
    }
    if (FieldScan.isDash(before)
        && (FieldScan.isDash(after) || after == ':' || after == '(' || after == '\n')) {
      return true;
    }
    if (FieldScan.isDash(before) && after == 0) {
      return true;
    }
    // Persian: به گزارش ایرنا (according to IRNA).
    return i >= 2 && f.norm(i - 1).equals(REPORT) && f.norm(i - 2).equals(BY);
  }
}
