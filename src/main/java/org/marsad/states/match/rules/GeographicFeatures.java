package org.marsad.states.match.rules;

import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Verdict;

/**
 * A river, lake, sea, valley or desert named after a state is no mention of it (نهر النيجر, بحيرة
 * تشاد, Lake Chad, le lac Tchad, the China Sea, the Congo River); a mountain named after one (جبل
 * لبنان) lies in it and stays a mention.
 */
public final class GeographicFeatures implements EntryRule {

  private final Set<String> before;
  private final Set<String> after;

  /** The features of {@code geographic_features.tsv}. */
  public GeographicFeatures(RuleFiles files) {
    var w = files.words("geographic_features.tsv");
    this.before = w.set("before");
    this.after = w.set("after");
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (!entries.get(0).nameOrAdjective()) {
      return Verdict.PASS;
    }
    boolean feature =
        (m.prev() != null && Keys.anyIn(m.prevReadings(), before))
            || (m.latin() && m.next() != null && after.contains(m.next()));
    return feature ? Verdict.NONE : Verdict.PASS;
  }
}
