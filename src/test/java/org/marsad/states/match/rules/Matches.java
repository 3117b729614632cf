package org.marsad.states.match.rules;

import java.util.List;
import org.marsad.states.match.StateMatcher;
import org.marsad.states.match.StateSettings;
import org.marsad.text.Analysis;
import org.marsad.text.Field;
import org.marsad.text.TextCleaner;

/** The packaged matcher's mentions as {@code ISO:form[+team]:surface}, for the rule tests. */
final class Matches {

  static final StateMatcher M = StateSettings.defaults(Analysis.defaults()).matcher();

  private Matches() {}

  /** The mentions of the fields (title first) of a document of language {@code lang}. */
  static List<String> found(String lang, String... fields) {
    Field[] fs = new Field[fields.length];
    for (int i = 0; i < fields.length; i++) {
      fs[i] = Field.of(TextCleaner.clean(fields[i]));
    }
    return M.findIn(lang, fs).stream()
        .map(m -> m.iso2() + ":" + m.form() + (m.team() ? "+team" : "") + ":" + m.surface())
        .toList();
  }

  /** The mentions of an Arabic text. */
  static List<String> ar(String text) {
    return found("ar", text);
  }
}
