package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Congo alone is the DR Congo unless the document names Brazzaville. */
@Tag("unit")
class CongoAloneTest {

  @Test
  void brazzavilleDecides() {
    assertThat(ar("اشتباكات في الكونغو")).containsExactly("CD:name:الكونغو");
    assertThat(ar("الكونغو وعاصمتها برازافيل")).contains("CG:name:الكونغو");
    assertThat(found("en", "fighting in Congo")).containsExactly("CD:name:Congo");
  }
}
