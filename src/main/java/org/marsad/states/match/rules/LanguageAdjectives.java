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
 * A state's adjective that names its language is no mention: after اللغة, la langue, زبان, en (en
 * français), parle (parle anglais), before "language", or as بال + a definite adjective in ـية
 * (بالتركية, in Turkish). A Latin name is never a language (en Suisse is in Switzerland).
 */
public final class LanguageAdjectives implements EntryRule {

  private final Set<String> before;
  private final Set<String> after;
  private final Set<String> languages;
  private final Set<String> languageBefore;

  /** The cues of {@code languages.tsv}. */
  public LanguageAdjectives(RuleFiles files) {
    var w = files.words("languages.tsv");
    this.before = w.set("before");
    this.after = w.set("after");
    this.languages = w.set("language");
    this.languageBefore = w.set("language_before");
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (!Entries.hasForm(entries, "adjective")) {
      return Verdict.PASS;
    }
    String key = m.key();
    boolean language =
        (m.prev() != null && Keys.anyIn(m.prevReadings(), before))
            || (m.next() != null && after.contains(m.next()))
            || (m.reading().clitics().endsWith("ب") && key.startsWith("ال") && key.endsWith("يه"));
    language |= languages.contains(key) && nominal(m);
    return language && (!m.latin() || !Entries.hasForm(entries, "name"))
        ? Verdict.NONE
        : Verdict.PASS;
  }

  /**
   * A language's adjective standing alone: after a preposition or a verb of language (ترجم عن
   * الإنجليزية), or coordinated with a language (العربية والإنجليزية).
   */
  private boolean nominal(Match m) {
    if (m.prev() == null) {
      return false;
    }
    if (m.reading().letters() == 0 || m.reading().clitics().equals("و")) {
      if (Keys.anyIn(m.prevReadings(), languageBefore) && m.reading().letters() == 0) {
        return true;
      }
      return Keys.anyIn(m.prevReadings(), languages)
          && (m.reading().clitics().equals("و") || m.prev().equals("و"));
    }
    return false;
  }
}
