package org.marsad.states.match.rules;

import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Verdict;

/**
 * A state named by a compass point and a continent (جنوب أفريقيا) is the region when another
 * compass point of the continent is next to it or in the sentence (شرق وجنوب أفريقيا, شرق أفريقيا
 * وجنوب أفريقيا).
 */
public final class CompassRegions implements EntryRule {

  private final Set<String> states;
  private final Set<String> compass;
  private final Set<String> continents;

  /** The regions of {@code regions.tsv}. */
  public CompassRegions(RuleFiles files) {
    var w = files.words("regions.tsv");
    this.compass = w.set("compass");
    this.continents = w.set("continent");
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (var r : w.rows("state")) {
      keys.add(Keys.joinedKey(r.word()));
    }
    this.states = Set.copyOf(keys);
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (states.contains(m.key())
        && (Keys.anyIn(m.prevReadings(), compass) || compassContinent(m.field(), m.i()))) {
      return Verdict.NONE;
    }
    return Verdict.PASS;
  }

  private boolean compassContinent(FieldScan f, int i) {
    int sentence = f.sentence(i);
    for (int k = 0; k + 1 < f.size(); k++) {
      if (k != i - 1
          && k != i
          && f.sentence(k) == sentence
          && compass.contains(Keys.stripConj(f.norm(k)))
          && continents.contains(f.norm(k + 1))) {
        return true;
      }
    }
    return false;
  }
}
