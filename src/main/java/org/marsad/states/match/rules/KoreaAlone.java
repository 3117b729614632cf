package org.marsad.states.match.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Trie;
import org.marsad.states.match.core.Verdict;

/**
 * Korea alone (كوريا, Korea, Corée) names no state by itself: North Korea in a document with only
 * North Korean words (الشمالية, بيونغ يانغ, Pyongyang), no state in one with both kinds, else South
 * Korea. كوريا الجنوبية and North Korea are entries of their own and win by the longest match.
 */
public final class KoreaAlone implements EntryRule {

  private final List<RuleWordsRow> surfaces;
  private final Set<String> keys = new HashSet<>();
  private final Set<String> north;
  private final Set<String> south;

  private record RuleWordsRow(String lang, String surface) {}

  /** The cues of {@code korea.tsv}. */
  public KoreaAlone(RuleFiles files) {
    var w = files.words("korea.tsv");
    this.surfaces =
        w.rows("korea").stream().map(r -> new RuleWordsRow(r.lang(), r.word())).toList();
    for (RuleWordsRow r : surfaces) {
      keys.add(Keys.joinedKey(r.surface()));
    }
    this.north = w.set("north");
    this.south = w.set("south");
  }

  @Override
  public Set<String> cueWords() {
    Set<String> all = new HashSet<>(north);
    all.addAll(south);
    return all;
  }

  /** Adds Korea alone of language {@code lang} to the trie (a South Korean name until resolved). */
  public void addEntries(Trie trie, String lang, boolean own) {
    for (RuleWordsRow r : surfaces) {
      if (r.lang().equals(lang)) {
        String[] toks = Keys.surfaceTokens(r.surface());
        trie.add(toks, new Entry("KR", "name", lang, toks, 0), own);
      }
    }
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (!keys.contains(m.key())) {
      return Verdict.PASS;
    }
    boolean kp = Keys.anyIn(m.context(), north);
    boolean kr = Keys.anyIn(m.context(), south);
    if (kp && kr) {
      return Verdict.NONE;
    }
    return Verdict.pick(entries.get(0).as(kp ? "KP" : "KR", "name"));
  }
}
