package org.marsad.states.match.rules;

import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.Entries;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Verdict;

/**
 * A surface that is a state's name and its capital (تونس, الجزائر, الكويت, Djibouti, Koweït) is the
 * capital after a city word (العاصمة, مدينة, ولاية, capitale, ville, پایتخت), else the name.
 */
public final class CapitalOrName implements EntryRule {

  private final Set<String> cityWords;

  /** The city words of {@code capitals.tsv}. */
  public CapitalOrName(RuleFiles files) {
    this.cityWords = files.words("capitals.tsv").set("cue");
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (!Entries.hasForm(entries, "name") || !Entries.hasForm(entries, "capital")) {
      return Verdict.PASS;
    }
    boolean capital = m.prev() != null && Keys.anyIn(m.prevReadings(), cityWords);
    return Verdict.pick(Entries.pick(entries, null, capital ? "capital" : "name"));
  }
}
