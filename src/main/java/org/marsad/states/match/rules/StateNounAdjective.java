package org.marsad.states.match.rules;

import java.util.Set;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.RuleFiles;

/**
 * A state's adjective right after a noun for a state names the state (الدولة اللبنانية, الجمهورية
 * اللبنانية, l'État libanais): the chosen adjective becomes a name.
 */
public final class StateNounAdjective {

  private final Set<String> nouns;

  /** The nouns of {@code state_nouns.tsv}. */
  public StateNounAdjective(RuleFiles files) {
    this.nouns = files.words("state_nouns.tsv").set("noun");
  }

  /** The entry {@code e} chosen for {@code m}, as a name when a state noun comes before it. */
  public Entry refine(Match m, Entry e) {
    var f = m.field();
    int i = m.i();
    if (e.form().equals("adjective")
        && i > 0
        && f.sentence(i - 1) == f.sentence(i)
        && m.reading().letters() == 0
        && f.matchesAny(i - 1, nouns)) {
      return new Entry(e.iso2(), "name", e.lang(), e.surfaceTokens(), 0);
    }
    return e;
  }
}
