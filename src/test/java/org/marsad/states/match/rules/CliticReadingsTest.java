package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Clitics are stripped only to reach an entry; elisions and apostrophe suffixes too. */
@Tag("unit")
class CliticReadingsTest {

  @Test
  void arabicClitics() {
    assertThat(ar("وبروسيا والصين")).containsExactly("RU:name:روسيا", "CN:name:الصين");
    assertThat(ar("دعم للبنان")).containsExactly("LB:name:لبنان");
    assertThat(ar("وزير")).isEmpty();
    assertThat(ar("كلاوس")).isEmpty();
  }

  @Test
  void latinElisionsAndSuffixes() {
    assertThat(found("fr", "l'Égypte et d'Irak")).containsExactly("EG:name:Égypte", "IQ:name:Irak");
    assertThat(found("en", "Russia's exports")).containsExactly("RU:name:Russia");
    assertThat(found("fa", "آمریکاییها")).containsExactly("US:adjective:آمریکایی");
  }
}
