package org.marsad.states.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.bench.StateDocGold;

/**
 * Document-level accuracy on our French and Persian news-style examples, through the whole analysis
 * pass (language identified, then matched with that language's rows).
 */
@Tag("unit")
class StateDocGoldTest {

  @Test
  void frenchDocumentsAreFrenchAndTheirStatesFound() throws Exception {
    StateDocGold.Score s =
        StateDocGold.score("fr", StateDocGold.lines("fr"), StateDocGold.DEFAULT_FORMS);
    System.out.println(s.line());
    assertThat(s.docs()).isGreaterThanOrEqualTo(30);
    assertThat(s.identified()).as("identified as fr: " + s.misses()).isEqualTo(s.docs());
    assertThat(s.f1()).as(s.line() + " " + s.misses()).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void persianDocumentsArePersianAndTheirStatesFound() throws Exception {
    StateDocGold.Score s =
        StateDocGold.score("fa", StateDocGold.lines("fa"), StateDocGold.DEFAULT_FORMS);
    System.out.println(s.line());
    assertThat(s.docs()).isGreaterThanOrEqualTo(30);
    assertThat(s.identified()).as("identified as fa: " + s.misses()).isEqualTo(s.docs());
    assertThat(s.f1()).as(s.line() + " " + s.misses()).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void citiesCountWhenAsked() throws Exception {
    StateDocGold.Score s =
        StateDocGold.score(
            "fr",
            StateDocGold.lines("fr"),
            java.util.Set.of("name", "adjective", "capital", "city"));
    assertThat(s.f1()).as(s.line() + " " + s.misses()).isGreaterThanOrEqualTo(0.95);
  }
}
