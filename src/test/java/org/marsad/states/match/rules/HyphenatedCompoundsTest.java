package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hyphenated Latin words: two state parts, or a state part and a modifier. */
@Tag("unit")
class HyphenatedCompoundsTest {

  @Test
  void parts() {
    assertThat(found("fr", "le conflit israélo-palestinien"))
        .containsExactly("IL:adjective:israélo", "PS:adjective:palestinien");
    assertThat(found("fr", "un sommet franco-allemand"))
        .containsExactly("FR:adjective:franco", "DE:adjective:allemand");
    assertThat(found("en", "the Saudi-led coalition")).containsExactly("SA:adjective:Saudi");
    assertThat(found("en", "a Chad-style reform")).isEmpty();
  }
}
