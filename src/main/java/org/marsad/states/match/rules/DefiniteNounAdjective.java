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
 * An Arabic surface that is a state's name and its adjective (السعودية, سورية) is the adjective
 * right after a definite noun it agrees with (الحكومة السعودية), else the name (زار السعودية, سورية
 * الجديدة). The noun is no stop word and no place word, and the match carries no clitic.
 */
public final class DefiniteNounAdjective implements EntryRule {

  private final Set<String> stopWords;
  private final Set<String> placeWords;

  /**
   * The rule with the document's stop words (to tell a noun from a function word) and the place
   * words of {@code place_words.tsv}.
   */
  public DefiniteNounAdjective(Set<String> stopWords, RuleFiles files) {
    this.stopWords = stopWords;
    this.placeWords = files.words("place_words.tsv").set("place");
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (!Entries.hasForm(entries, "name") || !Entries.hasForm(entries, "adjective")) {
      return Verdict.PASS;
    }
    String prev = m.prev();
    boolean afterNoun =
        prev != null
            && m.reading().letters() == 0
            && !stopWords.contains(prev)
            && !placeWords.contains(prev)
            && Keys.isArabic(prev)
            && m.key().startsWith("ال")
            && prev.startsWith("ال");
    return Verdict.pick(Entries.pick(entries, null, afterNoun ? "adjective" : "name"));
  }
}
