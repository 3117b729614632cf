package org.marsad.states.match.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Verdict;

/**
 * People named like states. English state names that are also people's names (Michael Jordan,
 * Jordan Henderson, Chad Johnson): no state with a capitalised word right before (not a place word,
 * not at a sentence start) or right after (not in capitals), in a field not written in capitals.
 * Arabic names and nisbas used as given names (تركي, Turki): an indefinite form without a clitic
 * right after a title (الأمير تركي, الشيخ) or right before a nasab word (تركي بن طلال, تركي آل
 * الشيخ) is a person.
 */
public final class PersonNames implements EntryRule {

  private final Set<String> states;
  private final Set<String> placeWords;
  private final Set<String> titles;
  private final Set<String> nasab;

  /** The names of {@code person_names.tsv}. */
  public PersonNames(RuleFiles files) {
    var w = files.words("person_names.tsv");
    this.states = w.set("state");
    this.titles = w.set("title");
    this.nasab = w.set("nasab");
    this.placeWords = files.words("place_words.tsv").set("place");
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (m.latin()) {
      return states.contains(m.key()) && looksLikePersonName(m.field(), m.i(), m.end())
          ? Verdict.NONE
          : Verdict.PASS;
    }
    return isArabicPersonName(m) ? Verdict.NONE : Verdict.PASS;
  }

  private boolean isArabicPersonName(Match m) {
    if (m.reading().letters() > 0 || m.key().startsWith("ال") || m.i() != m.end()) {
      return false;
    }
    FieldScan f = m.field();
    int end = m.end();
    return (m.prev() != null && titles.contains(m.prev()))
        || (f.sameSentence(end, end + 1) && nasab.contains(f.norm(end + 1)));
  }

  private boolean looksLikePersonName(FieldScan f, int i, int end) {
    if (f.allCaps()) {
      return false;
    }
    if (i > 0 && f.sentence(i - 1) == f.sentence(i)) {
      String p = f.surface(i - 1);
      boolean sentenceStart = i - 1 == 0 || f.sentence(i - 2) != f.sentence(i - 1);
      if (!sentenceStart
          && Character.isUpperCase(p.charAt(0))
          && !placeWords.contains(Keys.norm(p))
          && f.text().substring(f.end(i - 1), f.start(i)).isBlank()) {
        return true;
      }
    }
    if (end + 1 < f.size() && f.sentence(end + 1) == f.sentence(end)) {
      String n = f.surface(end + 1);
      return Character.isUpperCase(n.charAt(0))
          && f.text().substring(f.end(end), f.start(end + 1)).isBlank()
          && !n.equals(n.toUpperCase(Locale.ROOT));
    }
    return false;
  }
}
