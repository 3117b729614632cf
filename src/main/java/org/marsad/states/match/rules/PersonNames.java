package org.marsad.states.match.rules;

import java.util.HashSet;
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
 * Jordan Henderson, Chad Johnson, Jools Holland, Jimmy Wales): no state with a capitalised word
 * right before (not a place word nor a word of {@code not_given}: North Wales, not at a sentence
 * start) or right after (not in capitals), in a field not written in capitals and a sentence not
 * written in headline case (Kerry Visits Jordan). Any Latin state word right after a title written
 * as listed (Mr, Dr, Prince, Sheikh; "DR Congo" is no title) is a person (Prince Turki, Minister
 * Israel Katz). Arabic names and nisbas used as given names (تركي, Turki): an indefinite form
 * without a clitic right after a title (الأمير تركي, الشيخ) or right before a nasab word (تركي بن
 * طلال, تركي آل الشيخ) is a person; so is one right after a foreign given name in Arabic script
 * (كارلوس كوريا, رافائيل كوريا: Correa).
 */
public final class PersonNames implements EntryRule {

  private final Set<String> states;
  private final Set<String> placeWords;
  private final Set<String> titles;
  private final Set<String> nasab;
  private final Set<String> given;
  private final Set<String> latinTitles = new HashSet<>();
  private final Set<String> abbreviatedTitles = new HashSet<>();
  private final Set<String> notGiven;

  /** The names of {@code person_names.tsv}. */
  public PersonNames(RuleFiles files) {
    var w = files.words("person_names.tsv");
    this.states = w.set("state");
    this.titles = w.set("title");
    for (var r : w.rows("title")) {
      if (!r.lang().equals("ar") && !r.lang().equals("fa")) {
        latinTitles.add(r.word());
        if ("abbr".equals(r.value())) {
          abbreviatedTitles.add(r.word());
        }
      }
    }
    this.notGiven = w.set("not_given");
    this.nasab = w.set("nasab");
    this.given = w.set("given");
    this.placeWords = files.words("place_words.tsv").set("place");
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (m.latin()) {
      return afterTitle(m.field(), m.i())
              || (states.contains(m.key()) && looksLikePersonName(m.field(), m.i(), m.end()))
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
    return (m.prev() != null && (titles.contains(m.prev()) || given.contains(m.prev())))
        || (f.sameSentence(end, end + 1) && nasab.contains(f.norm(end + 1)));
  }

  /** Whether a title as listed (Mr, Mr., Prince) is right before token {@code i}. */
  private boolean afterTitle(FieldScan f, int i) {
    int t = i - 1;
    if (t < 0) {
      return false;
    }
    String gap = f.text().substring(f.end(t), f.start(i));
    boolean blank = !gap.isEmpty() && gap.isBlank();
    // Mr. Wells: the full stop of an abbreviated title (the sentence splitter may end a sentence
    // there); after a full word it ends a sentence (the Prime Minister. Israel).
    boolean stop = gap.startsWith(".") && gap.length() > 1 && gap.substring(1).isBlank();
    // P.M. Peking: a title's letters inside an initialism are none.
    int at = f.start(t);
    if (at > 0 && f.text().charAt(at - 1) == '.') {
      return false;
    }
    return blank
        ? f.sameSentence(t, i) && latinTitles.contains(f.surface(t))
        : stop && abbreviatedTitles.contains(f.surface(t));
  }

  /**
   * Whether the sentence of token {@code i} is written in headline case: nine in ten of its Latin
   * words of four letters or more other than the match start with a capital.
   */
  private static boolean headlineCase(FieldScan f, int i, int end) {
    int words = 0;
    int upper = 0;
    for (int k = i - 1; k >= 0 && f.sentence(k) == f.sentence(i); k--) {
      String s = f.surface(k);
      if (s.length() >= 4 && isLatinLetter(s.charAt(0))) {
        words++;
        upper += Character.isUpperCase(s.charAt(0)) ? 1 : 0;
      }
    }
    for (int k = end + 1; k < f.size() && f.sentence(k) == f.sentence(i); k++) {
      String s = f.surface(k);
      if (s.length() >= 4 && isLatinLetter(s.charAt(0))) {
        words++;
        upper += Character.isUpperCase(s.charAt(0)) ? 1 : 0;
      }
    }
    return words >= 2 && upper >= 0.9 * words;
  }

  private static boolean isLatinLetter(char c) {
    return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
  }

  private boolean looksLikePersonName(FieldScan f, int i, int end) {
    if (f.allCaps() || headlineCase(f, i, end)) {
      return false;
    }
    if (i > 0 && f.sentence(i - 1) == f.sentence(i)) {
      String p = f.surface(i - 1);
      boolean sentenceStart = i - 1 == 0 || f.sentence(i - 2) != f.sentence(i - 1);
      if (!sentenceStart
          && Character.isUpperCase(p.charAt(0))
          && !placeWords.contains(Keys.norm(p))
          && !notGiven.contains(Keys.norm(p))
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
