package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** News agencies are no mention of their state; credit-only names only as credits. */
@Tag("unit")
class AgenciesTest {

  @Test
  void agencies() {
    assertThat(ar("نقلت وكالة الأنباء السعودية")).isEmpty();
    assertThat(ar("بيروت - (الفرنسية) قال الوزير")).containsExactly("LB:capital:بيروت");
    assertThat(ar("قالت الحكومة الفرنسية")).containsExactly("FR:adjective:الفرنسية");
    assertThat(found("fa", "به گزارش ایرنا وزیر خارجه")).isEmpty();
  }
}
