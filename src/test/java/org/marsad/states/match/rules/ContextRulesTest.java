package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** context_rules.tsv: not_after, not_before, needs_context; Arabic rules hold for ال forms too. */
@Tag("unit")
class ContextRulesTest {

  @Test
  void laosAdjectivesNeedLaos() {
    assertThat(ar("وقال محمد بنعبد لاوي إن")).isEmpty();
    assertThat(ar("ورد في سفر اللاويين")).isEmpty();
    assertThat(ar("ما هذه البلاوي وبلاويه كثيرة")).isEmpty();
    assertThat(ar("وصل الوفد اللاوي إلى فيينتيان عاصمة لاوس"))
        .containsExactly("LA:adjective:اللاوي", "LA:capital:فيينتيان", "LA:name:لاوس");
  }

  @Test
  void farCapitalsNeedTheirState() {
    assertThat(ar("وقال الباحث في جامعة جورج تاون الأمريكية"))
        .containsExactly("US:adjective:الأمريكية");
    assertThat(ar("وصل الرئيس إلى جورج تاون عاصمة غيانا"))
        .containsExactly("GY:capital:جورج تاون", "GY:name:غيانا");
    assertThat(ar("على ملعب سانتياغو برنابيو")).isEmpty();
    assertThat(found("en", "a professor at Georgetown University")).isEmpty();
  }

  @Test
  void aRuleOnAnAdjectiveHoldsForItsDefiniteForm() {
    // هندي not_after المحيط: المحيط الهندي is the ocean.
    assertThat(ar("جزر في المحيط الهندي")).isEmpty();
    assertThat(ar("قالت الحكومة الهندية")).containsExactly("IN:adjective:الهندية");
    // مجري needs Hungary: المجرى (the stream) normalises as المجري.
    assertThat(ar("تغير المجرى المائي للنهر")).isEmpty();
    assertThat(ar("قال الرئيس المجري في بودابست"))
        .containsExactly("HU:adjective:المجري", "HU:capital:بودابست");
  }
}
