package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** People named like states. */
@Tag("unit")
class PersonNamesTest {

  @Test
  void englishNames() {
    assertThat(found("en", "Fans cheered as Michael Jordan scored")).isEmpty();
    assertThat(found("en", "Trade between Jordan and Egypt"))
        .containsExactly("JO:name:Jordan", "EG:name:Egypt");
  }

  @Test
  void arabicGivenNames() {
    assertThat(ar("استقبل الأمير تركي بن طلال الوفد")).isEmpty();
    assertThat(ar("وأعلن تركي آل الشيخ")).isEmpty();
    assertThat(ar("وقال مسؤول تركي إن")).containsExactly("TR:adjective:تركي");
  }
}
