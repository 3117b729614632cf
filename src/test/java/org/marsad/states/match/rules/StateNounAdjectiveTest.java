package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A state's adjective after a noun for a state names it. */
@Tag("unit")
class StateNounAdjectiveTest {

  @Test
  void theLebaneseStateIsLebanon() {
    assertThat(ar("سيادة الدولة اللبنانية")).containsExactly("LB:name:اللبنانية");
    assertThat(ar("مؤسسات الدولة المغربية")).containsExactly("MA:name:المغربية");
    assertThat(ar("الحكومة اللبنانية")).containsExactly("LB:adjective:اللبنانية");
    assertThat(found("fr", "l'État libanais")).containsExactly("LB:name:libanais");
  }
}
