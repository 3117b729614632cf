package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A dateline's place is a mention even where the name alone would need context. */
@Tag("unit")
class DatelinesTest {

  @Test
  void datelines() {
    assertThat(found("en", "NEW YORK, March 3 (Reuters) - Stocks rose."))
        .containsExactly("US:city:NEW YORK");
    assertThat(ar("صور (رويترز) - قال مسؤول")).containsExactly("LB:city:صور");
    assertThat(ar("نشرت الوكالة صور الأقمار الصناعية")).isEmpty();
    assertThat(found("fr", "PARIS (AFP) - Le gouvernement a annoncé"))
        .containsExactly("FR:capital:PARIS");
  }
}
