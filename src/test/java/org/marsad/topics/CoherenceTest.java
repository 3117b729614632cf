package org.marsad.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Coherence and diversity against values computed by hand on a tiny corpus. */
@Tag("unit")
class CoherenceTest {

  // N = 4 documents: df(a) = 3, df(b) = 2, df(c) = 2, df(a,b) = 2, df(a,c) = 1, df(b,c) = 0.
  static final List<List<String>> DOCS =
      List.of(List.of("a", "b", "a"), List.of("b", "a"), List.of("c"), List.of("a", "c", "x"));

  @Test
  void countsDocumentFrequenciesOfTermsAndPairs() {
    Map<String, Long> df = Coherence.count(DOCS, Set.of("a", "b", "c"));
    assertThat(df)
        .containsEntry("a", 3L)
        .containsEntry("b", 2L)
        .containsEntry("c", 2L)
        .containsEntry("a\tb", 2L)
        .containsEntry("a\tc", 1L)
        .doesNotContainKey("b\tc")
        .doesNotContainKey("x");
  }

  @Test
  void npmiMatchesHandComputedValues() {
    // a,b: P(ab) = 1/2, P(a)P(b) = 3/4 * 1/2 -> ln(4/3) / ln 2
    assertThat(Coherence.npmi(4, 3, 2, 2))
        .isCloseTo(Math.log(4.0 / 3) / Math.log(2), within(1e-12));
    // a,c: P(ac) = 1/4, P(a)P(c) = 3/8 -> ln(2/3) / ln 4
    assertThat(Coherence.npmi(4, 3, 2, 1))
        .isCloseTo(Math.log(2.0 / 3) / Math.log(4), within(1e-12));
    assertThat(Coherence.npmi(4, 2, 2, 0)).isEqualTo(-1.0);
    assertThat(Coherence.npmi(4, 4, 4, 4)).isEqualTo(1.0);
  }

  @Test
  void topicCoherenceIsTheMeanOverPairsOfTheTopTerms() {
    List<List<String>> tops = List.of(List.of("a", "b"), List.of("a", "b", "c"));
    Map<String, Long> df = Coherence.count(DOCS, Coherence.scoredTerms(tops));
    double ab = Math.log(4.0 / 3) / Math.log(2);
    double ac = Math.log(2.0 / 3) / Math.log(4);
    double[] npmi = Coherence.topicNpmi(tops, 4, df);
    assertThat(npmi[0]).isCloseTo(ab, within(1e-12));
    assertThat(npmi[1]).isCloseTo((ab + ac - 1.0) / 3, within(1e-12));
    assertThat(Coherence.mean(npmi)).isCloseTo((ab + (ab + ac - 1.0) / 3) / 2, within(1e-12));
  }

  @Test
  void onlyTheTopTenTermsOfATopicAreScored() {
    List<String> twelve = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
    assertThat(Coherence.scoredTerms(List.of(twelve))).hasSize(10).doesNotContain("k", "l");
  }

  @Test
  void diversityIsDistinctTopTermsOverAllTopTerms() {
    assertThat(Coherence.diversity(List.of(List.of("a", "b"), List.of("b", "c")))).isEqualTo(0.75);
    assertThat(Coherence.diversity(List.of(List.of("a", "b"), List.of("c", "d")))).isEqualTo(1.0);
  }
}
