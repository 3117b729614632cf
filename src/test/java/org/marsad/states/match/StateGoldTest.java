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
 * The gold's Nation tags leave most national teams out (NewsFANE tags them as teams) and keep a
 * few, so the score is measured both ways: with names flagged team left out (the gold's scheme, the
 * threshold the matcher must keep) and counted (every name the text holds).
 */
@Tag("unit")
class StateGoldTest {

  @Test
  void microF1OnTheDevGold() throws Exception {
    Path gold = SharedSpark.shared().resolve("gold/newsfane-dev.jsonl");
    assumeTrue(Files.exists(gold), "../shared/gold is absent");
    StateMatcher m = StateSettings.defaults(Analysis.defaults()).matcher();
    StateGold.Score nation = StateGold.score(m, gold, false);
    StateGold.Score names = StateGold.score(m, gold, true);
    System.out.println("state gold (newsfane-dev, teams left out): " + nation);
    System.out.println("state gold (newsfane-dev, teams counted): " + names);
    assertThat(nation.tp() + nation.fn()).as("gold states").isGreaterThan(900);
    assertThat(nation.f1()).as(nation.toString()).isGreaterThanOrEqualTo(0.97);
    assertThat(nation.precision()).as(nation.toString()).isGreaterThanOrEqualTo(0.965);
    assertThat(names.f1()).as(names.toString()).isGreaterThanOrEqualTo(0.94);
    assertThat(names.recall()).as(names.toString()).isGreaterThanOrEqualTo(0.99);
  }
}
