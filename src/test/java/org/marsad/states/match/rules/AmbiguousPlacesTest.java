package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ambiguous_places.tsv: prev and next cues, document cues, defaults. */
@Tag("unit")
class AmbiguousPlacesTest {

  @Test
  void theRepublicOfChinaIsTaiwanOnlyWithTaiwanInTheDocument() {
    assertThat(ar("وقع سفير جمهورية الصين لدى المملكة الاتفاقية"))
        .containsExactly("CN:name:جمهورية الصين");
    assertThat(ar("حكومة جمهورية الصين في تايبيه"))
        .containsExactly("TW:name:جمهورية الصين", "TW:capital:تايبيه");
    assertThat(ar("جمهورية الصين الشعبية")).containsExactly("CN:name:جمهورية الصين الشعبية");
  }

  @Test
  void placesOfTwoStates() {
    assertThat(ar("اشتباكات في طرابلس شمال لبنان"))
        .containsExactly("LB:city:طرابلس", "LB:name:لبنان");
    assertThat(found("en", "Paris Hilton arrived")).isEmpty();
  }
}
