package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** السعودية after a definite noun is the adjective, else the name. */
@Tag("unit")
class DefiniteNounAdjectiveTest {

  @Test
  void nounThenAdjective() {
    assertThat(ar("قالت الحكومة السعودية")).containsExactly("SA:adjective:السعودية");
    assertThat(ar("زار السعودية")).containsExactly("SA:name:السعودية");
    assertThat(ar("وصل إلى السعودية")).containsExactly("SA:name:السعودية");
  }
}
