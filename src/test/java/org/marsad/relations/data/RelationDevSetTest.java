package org.marsad.relations.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;

/**
 * Both relations sets load against ../shared: every referenced sentence is found and its SHA-1
 * matches, the counts per language and class are those the README gives, and the held-out set
 * shares no sentence, outlet (Arabic) or wire story (English) with the development set.
 */
@Tag("spark")
class RelationDevSetTest {

  private static final Map<String, List<LabelledPair>> LOADED = new java.util.HashMap<>();

  /** Each set is loaded once for the class (a load scans the corpora). */
  private static synchronized List<LabelledPair> load(String split) {
    return LOADED.computeIfAbsent(
        split,
        s ->
            RelationDevSet.load(
                SharedSpark.repo().resolve("bench/relations/" + s + ".jsonl"),
                SharedSpark.shared()));
  }

  private static Map<String, Long> counts(List<LabelledPair> pairs) {
    return pairs.stream()
        .collect(
            Collectors.groupingBy(
                p -> p.lang() + "/" + p.relation(), TreeMap::new, Collectors.counting()));
  }

  @Test
  void bothSetsResolveWithTheirCounts() {
    assumeTrue(SharedSpark.hasShared(), "../shared/corpora is absent");
    List<LabelledPair> dev = load("dev");
    List<LabelledPair> test = load("test");
    for (LabelledPair p : dev) {
      assertThat(Sentences.sha1(p.text())).as(p.id()).isEqualTo(p.sha1());
      assertThat(p.aSpan().of(p.text())).as(p.id()).isNotBlank();
    }
    for (LabelledPair p : test) {
      assertThat(Sentences.sha1(p.text())).as(p.id()).isEqualTo(p.sha1());
    }
    assertThat(counts(dev))
        .isEqualTo(
            new TreeMap<>(
                Map.ofEntries(
                    Map.entry("ar/conflict", 126L),
                    Map.entry("ar/cooperation", 103L),
                    Map.entry("ar/neutral", 285L),
                    Map.entry("en/conflict", 80L),
                    Map.entry("en/cooperation", 60L),
                    Map.entry("en/neutral", 170L),
                    Map.entry("fa/conflict", 5L),
                    Map.entry("fa/cooperation", 4L),
                    Map.entry("fa/neutral", 8L),
                    Map.entry("fr/conflict", 10L),
                    Map.entry("fr/cooperation", 10L),
                    Map.entry("fr/neutral", 11L))));
    assertThat(counts(test))
        .isEqualTo(
            new TreeMap<>(
                Map.ofEntries(
                    Map.entry("ar/conflict", 62L),
                    Map.entry("ar/cooperation", 64L),
                    Map.entry("ar/neutral", 121L),
                    Map.entry("en/conflict", 51L),
                    Map.entry("en/cooperation", 35L),
                    Map.entry("en/neutral", 120L),
                    Map.entry("fa/conflict", 4L),
                    Map.entry("fa/cooperation", 4L),
                    Map.entry("fa/neutral", 2L),
                    Map.entry("fr/conflict", 5L),
                    Map.entry("fr/cooperation", 5L),
                    Map.entry("fr/neutral", 7L))));
  }

  @Test
  void theHeldOutSetIsDisjointFromTheDevelopmentSet() {
    assumeTrue(SharedSpark.hasShared(), "../shared/corpora is absent");
    List<LabelledPair> dev = load("dev");
    List<LabelledPair> test = load("test");
    Set<String> devSentences = dev.stream().map(LabelledPair::sha1).collect(Collectors.toSet());
    assertThat(test).noneMatch(p -> devSentences.contains(p.sha1()));
    Set<String> devDocs = new HashSet<>();
    dev.forEach(p -> devDocs.add(p.corpus() + "/" + p.docId()));
    assertThat(test).noneMatch(p -> devDocs.contains(p.corpus() + "/" + p.docId()));
    assertThat(dev.stream().filter(p -> p.lang().equals("ar")).map(LabelledPair::source))
        .allMatch(s -> Set.of("skynews", "alarabia", "BBC", "jawharafm").contains(s));
    assertThat(test.stream().filter(p -> p.lang().equals("ar")).map(LabelledPair::source))
        .allMatch(s -> Set.of("france24", "CNN").contains(s));
  }
}
