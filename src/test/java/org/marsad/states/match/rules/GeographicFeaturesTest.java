package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rivers, lakes and seas named after a state are no mention; mountains stay. */
@Tag("unit")
class GeographicFeaturesTest {

  @Test
  void featuresNamedAfterStates() {
    assertThat(ar("على ضفاف نهر النيجر وبحيرة تشاد")).isEmpty();
    assertThat(ar("في جبل لبنان")).containsExactly("LB:name:لبنان");
    assertThat(found("en", "fishing in Lake Chad and the South China Sea")).isEmpty();
    assertThat(found("fr", "le lac Tchad")).isEmpty();
  }
}
