package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Names that hold a state's word but name no state. */
@Tag("unit")
class PlaceNamesTest {

  @Test
  void subNationalPlacesNamedWithAStateWord() {
    assertThat(found("en", "Loggers in British Columbia protested")).isEmpty();
    assertThat(found("en", "Floods hit New South Wales in Australia"))
        .containsExactly("AU:name:Australia");
    assertThat(found("en", "Snow fell across New England")).isEmpty();
    assertThat(found("en", "Drought hit New Mexico and Texas")).isEmpty();
    assertThat(found("en", "American Samoa imports tuna")).isEmpty();
    assertThat(found("fr", "La Colombie-Britannique et le Nouveau-Mexique")).isEmpty();
    assertThat(ar("ولاية نيو مكسيكو الأمريكية")).containsExactly("US:adjective:الأمريكية");
    // The state itself is still read, and a lower-case first word is no name.
    assertThat(found("en", "Wales and England played, a new Mexico policy"))
        .containsExactly("GB:name:Wales", "GB:name:England", "MX:name:Mexico");
  }

  @Test
  void continentsAndSeas() {
    assertThat(
            found(
                "en", "South American markets rose, Central American and Latin American ones fell"))
        .isEmpty();
    assertThat(found("en", "trade with North America and Latin America")).isEmpty();
    assertThat(found("en", "piracy in the Indian Ocean and the Gulf of Guinea")).isEmpty();
    assertThat(ar("دول أمريكا اللاتينية والمحيط الهندي")).isEmpty();
    assertThat(found("en", "American troops")).containsExactly("US:adjective:American");
  }

  @Test
  void aLongerGazetteerEntryWins() {
    assertThat(found("en", "Papua New Guinea and Guinea"))
        .containsExactly("PG:name:Papua New Guinea", "GN:name:Guinea");
  }

  @Test
  void newsOutletsNamedAfterAPlace() {
    assertThat(found("en", "the Washington Post and China Daily reported")).isEmpty();
    assertThat(found("en", "the Jerusalem Post said Israel would act"))
        .containsExactly("IL:name:Israel");
    assertThat(found("en", "Washington and Beijing agreed"))
        .containsExactly("US:capital:Washington", "CN:capital:Beijing");
    assertThat(ar("وقالت صحيفة القدس العربي إن")).isEmpty();
    assertThat(ar("ذكرت صحيفة واشنطن بوست أن")).isEmpty();
    // Reported on English press as TL, MW; no row holds them (regression guard). Malay, the
    // people and language of Malaysia, Brunei, Singapore and Indonesia, is no adjective of one.
    assertThat(found("en", "The Daily Telegraph, The Telegraph and the Daily Mail said")).isEmpty();
    assertThat(found("en", "Malay voters backed the party")).isEmpty();
    assertThat(ar("لغة الملايو في مالاوي")).containsExactly("MW:name:مالاوي");
    // An outlet whose name is an ordinary phrase is not listed: the Egyptian president today.
    assertThat(ar("وقال الرئيس المصري اليوم")).containsExactly("EG:adjective:المصري");
  }
}
