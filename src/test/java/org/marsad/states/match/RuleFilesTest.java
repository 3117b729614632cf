package org.marsad.states.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.RuleWords;
import org.marsad.text.Analysis;

/**
 * The rule files of conf/gazetteer/rules: every list loads, errors name the file, users override.
 */
@Tag("unit")
class RuleFilesTest {

  @Test
  void everyPackagedListLoadsAndHasWords() {
    RuleFiles files = RuleFiles.packaged();
    for (Map.Entry<String, java.util.Set<String>> e : RuleFiles.LISTS.entrySet()) {
      RuleWords w = files.words(e.getKey());
      for (String list : e.getValue()) {
        assertThat(w.rows(list)).as(e.getKey() + " " + list).isNotEmpty();
      }
    }
  }

  @Test
  void anUnknownListIsAnErrorThatNamesTheKnownOnes() {
    RuleFiles files = new RuleFiles(Map.of("currency.tsv", List.of("befor\ten\tdollar")));
    assertThatThrownBy(() -> files.words("currency.tsv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot load gazetteer/rules/currency.tsv: unknown list (befor); use one of [after,"
                + " before]");
  }

  @Test
  void aLineWithoutAWordIsAnError() {
    RuleFiles files = new RuleFiles(Map.of("currency.tsv", List.of("before\ten")));
    assertThatThrownBy(() -> files.words("currency.tsv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 'list<TAB>lang<TAB>word[<TAB>value]' (before\ten)");
  }

  @Test
  void aUserRuleFileReplacesThePackagedOne() {
    String text = "بلغ السعر مئة دولار أمريكي";
    assertThat(StateSettings.defaults(Analysis.defaults()).matcher().findIn("ar", field(text)))
        .isEmpty();
    StateSettings noDollars =
        new StateSettings(
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of("rules/currency.tsv", List.of("after\ten\tdlrs")),
            Analysis.defaults());
    assertThat(noDollars.matcher().findIn("ar", field(text)))
        .extracting(StateMatcher.Mention::iso2)
        .containsExactly("US");
  }

  @Test
  void anUnknownRuleFileIsAnError() {
    assertThatThrownBy(
            () ->
                new StateSettings(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Map.of("rules/sport.tsv", List.of()),
                    Analysis.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot use rule file rules/sport.tsv: unknown; use one of [");
  }

  private static org.marsad.text.Field field(String text) {
    return org.marsad.text.Field.of(text);
  }
}
