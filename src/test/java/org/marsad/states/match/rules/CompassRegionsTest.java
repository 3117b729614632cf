package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** جنوب أفريقيا beside another compass point of Africa is the region. */
@Tag("unit")
class CompassRegionsTest {

  @Test
  void southAfricaOrSouthernAfrica() {
    assertThat(ar("الجفاف في شرق وجنوب أفريقيا")).isEmpty();
    assertThat(ar("في شرق أفريقيا وجنوب أفريقيا")).isEmpty();
    assertThat(ar("زار رئيس جنوب أفريقيا")).containsExactly("ZA:name:جنوب أفريقيا");
  }
}
