package org.marsad.states.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;
import org.marsad.bench.StateGold;
import org.marsad.text.Analysis;

/**
 * Accuracy of the state matcher on the NewsFANE-derived dev gold (name-form states per sentence).
 */
@Tag("unit")
class StateGoldTest {

  @Test
  void microF1OnTheDevGoldIsAtLeast0955() throws Exception {
    Path gold = SharedSpark.shared().resolve("gold/newsfane-dev.jsonl");
    assumeTrue(Files.exists(gold), "../shared/gold is absent");
    StateGold.Score s =
        StateGold.score(StateSettings.defaults(Analysis.defaults()).matcher(), gold);
    System.out.println("state gold (newsfane-dev): " + s);
    assertThat(s.tp() + s.fn()).as("gold states").isGreaterThan(900);
    assertThat(s.f1()).as(s.toString()).isGreaterThanOrEqualTo(0.955);
  }
}
