package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A state's form beats a city of the same surface; among cities the most populous wins. */
@Tag("unit")
class CitiesBehindStatesTest {

  @Test
  void stateFormsFirst() {
    assertThat(found("en", "elections in Mexico and Panama"))
        .containsExactly("MX:name:Mexico", "PA:name:Panama");
    assertThat(found("en", "a museum in Alexandria")).containsExactly("EG:city:Alexandria");
  }
}
