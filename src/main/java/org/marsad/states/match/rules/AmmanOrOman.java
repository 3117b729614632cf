package org.marsad.states.match.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.Entries;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Trie;
import org.marsad.states.match.core.Verdict;

/**
 * عمان is Oman's name and Jordan's capital, Amman. In order: the word before (a city word or
 * الأردنية: Amman; سلطنة: Oman); a dateline or the first word of a sentence before a bracket or
 * dash: Amman; the states listed with it (قادما من دمشق وعمان: capitals, Amman; السعودية والأردن
 * وعمان: names, Oman); the words of one state and not the other in its sentence, then in its
 * document (الأردن, مسقط, السلطنة ...): Amman for Jordan's; else Oman.
 */
public final class AmmanOrOman implements EntryRule {

  private final Set<String> jordan;
  private final Set<String> oman;
  private final Set<String> jordanBefore;
  private final Set<String> omanBefore;

  /** The cues of {@code amman_oman.tsv} and the city words of {@code capitals.tsv}. */
  public AmmanOrOman(RuleFiles files) {
    var w = files.words("amman_oman.tsv");
    this.jordan = w.set("jordan");
    this.oman = w.set("oman");
    Set<String> before = new HashSet<>(w.set("jordan_before"));
    before.addAll(files.words("capitals.tsv").set("cue"));
    this.jordanBefore = Set.copyOf(before);
    this.omanBefore = w.set("oman_before");
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
    return Verdict.pick(Entries.pick(entries, amman(m) ? "JO" : "OM", null));
  }

  private boolean amman(Match m) {
    if (m.prev() != null && Keys.anyIn(m.prevReadings(), omanBefore)) {
      return false;
    }
    if (m.prev() != null && Keys.anyIn(m.prevReadings(), jordanBefore)) {
      return true;
    }
    FieldScan f = m.field();
    if (m.dateline() || Datelines.isSentenceDateline(f, m.i(), m.end())) {
      return true;
    }
    String listed = listedWith(f, m.i(), m.end());
    if (listed != null) {
      return listed.equals("capital");
    }
    int sentence = f.sentence(m.i());
    boolean jo = false;
    boolean om = false;
    for (int k = 0; k < f.size(); k++) {
      if (f.sentence(k) == sentence && (k < m.i() || k > m.end())) {
        for (String c : f.facts(k).cues()) {
          jo |= jordan.contains(c);
          om |= oman.contains(c);
        }
      }
    }
    if (jo != om) {
      return jo;
    }
    return Keys.anyIn(m.context(), jordan) && !Keys.anyIn(m.context(), oman);
  }

  /**
   * The form (capital or name) of the states listed right before or after the match (joined by و or
   * a comma), when they agree; else null.
   */
  private static String listedWith(FieldScan f, int i, int end) {
    String before = null;
    if (i > 0 && f.sameSentence(i - 1, i) && joined(f, i - 1, i)) {
      before = formOf(f, i - 1);
    }
    String after = null;
    if (f.sameSentence(end, end + 1) && joined(f, end, end + 1)) {
      after = formOf(f, end + 1);
    }
    if (before != null && after != null && !before.equals(after)) {
      return null;
    }
    return before != null ? before : after;
  }

  /** Whether tokens a and b (adjacent) are joined by a comma or b's conjunction. */
  private static boolean joined(FieldScan f, int a, int b) {
    String between = f.text().substring(f.end(a), f.start(b));
    return between.indexOf('\u060C') >= 0 || between.indexOf(',') >= 0 || f.norm(b).startsWith("و");
  }

  /** capital or name when the entries token {@code k} starts have one of the two forms. */
  private static String formOf(FieldScan f, int k) {
    boolean capital = false;
    boolean name = false;
    for (Trie.Node node : f.facts(k).nodes()) {
      if (node != null) {
        for (Entry e : node.entries()) {
          capital |= e.form().equals("capital");
          name |= e.form().equals("name");
        }
      }
    }
    return capital == name ? null : capital ? "capital" : "name";
  }
}
