package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.List;
import org.marsad.states.match.core.Entries;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.Verdict;

/**
 * A surface that is a state's name, adjective or capital and also a city elsewhere is the state's
 * form (Mexico, Panama); several cities of one surface are the most populous (Alexandria in Egypt,
 * Tripoli in Libya).
 */
public final class CitiesBehindStates implements EntryRule {

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (Entries.hasForm(entries, "city") && !Entries.allForm(entries, "city")) {
      List<Entry> kept = new ArrayList<>(entries);
      kept.removeIf(e -> e.form().equals("city"));
      return Verdict.keep(kept);
    }
    if (Entries.allForm(entries, "city")) {
      Entry big = entries.get(0);
      for (Entry e : entries) {
        if (e.population() > big.population()) {
          big = e;
        }
      }
      return Verdict.pick(big);
    }
    return Verdict.PASS;
  }
}
