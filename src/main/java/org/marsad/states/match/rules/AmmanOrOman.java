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
 * عمان is Oman's name and Jordan's capital, Amman: Amman after a city word (العاصمة عمان), in a
 * dateline, as the first word of a sentence before a bracket or dash, or in a document with
 * Jordan's words and none of Oman's; else Oman.
 */
public final class AmmanOrOman implements EntryRule {

  private final Set<String> jordan;
  private final Set<String> oman;
  private final Set<String> cityWords;

  /** The cues of {@code amman_oman.tsv} and the city words of {@code capitals.tsv}. */
  public AmmanOrOman(RuleFiles files) {
    var w = files.words("amman_oman.tsv");
    this.jordan = w.set("jordan");
    this.oman = w.set("oman");
    this.cityWords = files.words("capitals.tsv").set("cue");
  }

  @Override
  public Set<String> cueWords() {
    Set<String> all = new HashSet<>(jordan);
    all.addAll(oman);
    return all;
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (!Entries.hasIso(entries, "OM") || !Entries.hasIso(entries, "JO")) {
      return Verdict.PASS;
    }
    boolean amman =
        (m.prev() != null && cityWords.contains(m.prev()))
            || m.dateline()
            || Datelines.isSentenceDateline(m.field(), m.i(), m.end())
            || (Keys.anyIn(m.context(), jordan) && !Keys.anyIn(m.context(), oman));
    return Verdict.pick(Entries.pick(entries, amman ? "JO" : "OM", null));
  }
}
