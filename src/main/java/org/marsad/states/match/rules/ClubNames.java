package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.Phrases;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Trie;
import org.marsad.states.match.core.Verdict;

/**
 * Sports clubs are never states. The clubs of {@code clubs.tsv} (ريال مدريد, الأهلي المصري, باريس
 * سان جيرمان, المغرب الفاسي, Real Madrid, Paris Saint-Germain) are masked, their place words and
 * nisbas included; a state's name after a club noun is the club's (نادي قطر, نادي الكويت); a
 * state's name before its own nisba is the club named after it (قطر القطري, الكويت الكويتي); and in
 * a sentence about a match, a state's name before a nisba that is no adjective of the state is a
 * club named after a city or in another state (المغرب التطواني, موناكو الفرنسي), unless a team noun
 * comes before it (منتخب المغرب الأولمبي) or the nisba is a team's qualifier or a compass point.
 */
public final class ClubNames implements EntryRule {

  private final Phrases clubs;
  private final Set<String> nouns;
  private final Set<String> qualifiers;
  private final Set<String> teamNouns;

  /** The clubs of {@code clubs.tsv} and the team nouns of {@code sports.tsv}. */
  public ClubNames(RuleFiles files) {
    var w = files.words("clubs.tsv");
    List<String> names = new ArrayList<>();
    for (var r : w.rows("club")) {
      names.add(r.word());
    }
    this.clubs = new Phrases(names);
    this.nouns = w.set("noun");
    this.qualifiers = w.set("qualifier");
    this.teamNouns = files.words("sports.tsv").set("team_noun");
  }

  /** The tokens of the field inside a club's name, or null. */
  public boolean[] mask(FieldScan f) {
    return clubs.mask(f);
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (m.prev() != null && Keys.anyIn(m.prevReadings(), nouns)) {
      return Verdict.NONE;
    }
    FieldScan f = m.field();
    int i = m.i();
    int end = m.end();
    Entry first = entries.get(0);
    if (!first.form().equals("name")
        || !f.sameSentence(end, end + 1)
        || (i > 0 && f.sameSentence(i - 1, i) && f.matchesAny(i - 1, teamNouns))) {
      return Verdict.PASS;
    }
    // قطر القطري, الكويت الكويتي: a state's name and its own adjective is the club named so.
    if (isOwnNisba(f, end + 1, first.iso2())) {
      return Verdict.NONE;
    }
    return f.sportSentences().contains(f.sentence(i)) && isClubNisba(f, end + 1, first.iso2())
        ? Verdict.NONE
        : Verdict.PASS;
  }

  /**
   * A definite masculine nisba (ال…ي, written with ي: الكبرى is no nisba) that is no team qualifier
   * nor an adjective of the state {@code iso2}: a city's (المغرب الفاسي) or another state's (موناكو
   * الفرنسي).
   */
  private boolean isClubNisba(FieldScan f, int j, String iso2) {
    String n = f.norm(j);
    if (!n.startsWith("ال")
        || !f.surface(j).endsWith("ي")
        || n.length() < 5
        || qualifiers.contains(n)) {
      return false;
    }
    for (Trie.Node node : f.facts(j).nodes()) {
      if (node != null) {
        for (Entry e : node.entries()) {
          if (e.form().equals("adjective") && e.iso2().equals(iso2)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Whether token {@code j} as written (no clitic) is the state's definite masculine nisba. */
  private static boolean isOwnNisba(FieldScan f, int j, String iso2) {
    Trie.Node node = f.facts(j).nodes()[0];
    if (node == null || !f.norm(j).startsWith("ال") || !f.surface(j).endsWith("ي")) {
      return false;
    }
    for (Entry e : node.entries()) {
      if (e.form().equals("adjective") && e.iso2().equals(iso2)) {
        return true;
      }
    }
    return false;
  }
}
