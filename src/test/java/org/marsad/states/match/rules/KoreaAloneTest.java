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

  @Test
  void theFullNameOfNorthKoreaInEitherOrderIsNorthKorea() {
    // جمهورية كوريا alone is South Korea; the full name of the North, in either order of its
    // adjectives and with either spelling of الديمقراطية, is the longer entry.
    assertThat(ar("أعلنت جمهورية كوريا الديمقراطية الشعبية إطلاق صاروخ"))
        .containsExactly("KP:name:جمهورية كوريا الديمقراطية الشعبية");
    assertThat(ar("وفد من جمهورية كوريا الشعبية الديمقراطية"))
        .containsExactly("KP:name:جمهورية كوريا الشعبية الديمقراطية");
    assertThat(ar("زار كوريا الديموقراطية الشعبية"))
        .containsExactly("KP:name:كوريا الديموقراطية الشعبية");
    assertThat(ar("رئيس جمهورية كوريا يزور الرياض")).contains("KR:name:جمهورية كوريا");
    assertThat(found("en", "the Democratic People's Republic of Korea said"))
        .containsExactly("KP:name:Democratic People's Republic of Korea");
  }
}
