package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The US next to a dollar word is the currency. */
@Tag("unit")
class DollarCurrencyTest {

  @Test
  void usDollars() {
    assertThat(ar("بلغت قيمة الصفقة مليار دولار أمريكي")).isEmpty();
    assertThat(found("en", "a 100 mln U.S. dlr eurobond")).isEmpty();
    assertThat(found("fr", "2,6 milliards de dollars américains")).isEmpty();
    assertThat(found("en", "the Swiss franc rose")).containsExactly("CH:adjective:Swiss");
  }
}
