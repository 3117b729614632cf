package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A name that is also its capital is the capital after a city word. */
@Tag("unit")
class CapitalOrNameTest {

  @Test
  void cityWordsMakeTheCapital() {
    assertThat(ar("في العاصمة تونس")).containsExactly("TN:capital:تونس");
    assertThat(ar("زار الكويت")).containsExactly("KW:name:الكويت");
    assertThat(ar("في العاصمة الكويت")).containsExactly("KW:capital:الكويت");
    assertThat(found("fr", "dans la ville de Djibouti")).containsExactly("DJ:capital:Djibouti");
  }
}
