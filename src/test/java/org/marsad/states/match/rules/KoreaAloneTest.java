package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Korea alone is read from the document's words. */
@Tag("unit")
class KoreaAloneTest {

  @Test
  void northSouthOrNeither() {
    assertThat(ar("أطلقت كوريا صاروخا وقالت بيونغ يانغ")).contains("KP:name:كوريا");
    assertThat(ar("صادرات كوريا من السيارات")).containsExactly("KR:name:كوريا");
    assertThat(ar("كوريا الشمالية والجنوبية وكوريا")).doesNotContain("KR:name:كوريا");
    assertThat(found("en", "Korea's exports rose")).containsExactly("KR:name:Korea");
  }
}
