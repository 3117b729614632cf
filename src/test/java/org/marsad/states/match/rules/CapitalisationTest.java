package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Entries written with capitals need them in the text, except in a field written in capitals. */
@Tag("unit")
class CapitalisationTest {

  @Test
  void capitalsDecide() {
    assertThat(found("en", "We ate turkey with us.")).isEmpty();
    assertThat(found("en", "Turkey and the U.S. agreed"))
        .containsExactly("TR:name:Turkey", "US:name:U.S");
    assertThat(found("fr", "la Suisse et le franc suisse"))
        .containsExactly("CH:name:Suisse", "CH:adjective:suisse");
    assertThat(found("en", "TURKEY RAISES RATES")).containsExactly("TR:name:TURKEY");
  }

  @Test
  void inATitleInCapitalsACityCountsOnlyWhenTheBodyNamesItsState() {
    assertThat(found("en", "COMPANY VOTES STOCK SPLIT", "The board voted a split.")).isEmpty();
    assertThat(found("en", "FIRE IN SPLIT", "A fire broke out in Croatia."))
        .containsExactly("HR:city:SPLIT", "HR:name:Croatia");
  }
}
