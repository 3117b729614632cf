package org.marsad.states.match.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of phrases of one or more tokens (club names, index names) found in a field by their keys;
 * the first token may carry a clitic (لريال مدريد), the others are matched as they are.
 */
public final class Phrases {

  private final Map<String, List<String[]>> byFirst = new HashMap<>();

  /** The phrases of {@code surfaces}, in ordinary spelling. */
  public Phrases(Collection<String> surfaces) {
    for (String s : surfaces) {
      String[] keys = Keys.keys(s);
      if (keys.length > 0) {
        byFirst.computeIfAbsent(keys[0], k -> new ArrayList<>()).add(keys);
      }
    }
  }

  /** The last token of the longest phrase that starts at token {@code i}, or -1. */
  public int longestAt(FieldScan f, int i) {
    int best = -1;
    for (Reading r : f.facts(i).readings()) {
      List<String[]> phrases = byFirst.get(r.key());
      if (phrases == null) {
        continue;
      }
      for (String[] p : phrases) {
        int last = i + p.length - 1;
        if (last >= f.size() || last <= best || f.sentence(last) != f.sentence(i)) {
          continue;
        }
        boolean ok = true;
        for (int k = 1; k < p.length && ok; k++) {
          ok = f.norm(i + k).equals(p[k]);
        }
        if (ok) {
          best = last;
        }
      }
    }
    return best;
  }

  /** Whether a phrase ends at token {@code j} (looking back at most four tokens). */
  public boolean endsAt(FieldScan f, int j) {
    for (int i = j; i >= Math.max(0, j - 3); i--) {
      if (longestAt(f, i) == j) {
        return true;
      }
    }
    return false;
  }

  /** The tokens of {@code f} inside a phrase, or null when none are. */
  public boolean[] mask(FieldScan f) {
    boolean[] out = null;
    for (int i = 0; i < f.size(); i++) {
      int last = longestAt(f, i);
      if (last >= 0) {
        if (out == null) {
          out = new boolean[f.size()];
        }
        for (int k = i; k <= last; k++) {
          out[k] = true;
        }
        i = last;
      }
    }
    return out;
  }
}
