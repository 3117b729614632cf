package org.marsad.states.match.rules;

import java.util.HashSet;
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
 * Congo alone (الكونغو, Congo) is the Republic of the Congo in a document that names Brazzaville,
 * else the Democratic Republic of the Congo, the one the news names far more often.
 */
public final class CongoAlone implements EntryRule {

  private final Set<String> keys = new HashSet<>();
  private final Set<String> brazzaville;

  /** The cues of {@code congo.tsv}. */
  public CongoAlone(RuleFiles files) {
    var w = files.words("congo.tsv");
    for (var r : w.rows("congo")) {
      keys.add(Keys.joinedKey(r.word()));
    }
    this.brazzaville = w.set("brazzaville");
  }

  @Override
  public Set<String> cueWords() {
    return brazzaville;
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (!keys.contains(m.key()) || !Entries.allIso(entries, "CG")) {
      return Verdict.PASS;
    }
    return Verdict.pick(
        Keys.anyIn(m.context(), brazzaville) ? entries.get(0) : entries.get(0).as("CD", "name"));
  }
}
