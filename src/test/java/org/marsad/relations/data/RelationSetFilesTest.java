package org.marsad.relations.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.states.match.StateMatcher;
import org.marsad.states.match.StateMatcher.Mention;
import org.marsad.text.Analysis;

/**
 * The relations sets' files without the corpora: the schema of every pair, no text of a corpus
 * whose licence forbids it, our own sentences loaded, matched as the run matches them and checked
 * by their SHA-1.
 */
@Tag("unit")
class RelationSetFilesTest {

  @TempDir Path tmp;

  private static final Set<String> RELATIONS = Set.of("cooperation", "conflict", "neutral");
  private static final Set<String> WITH_TEXT = Set.of("jawharafm", RelationDevSet.OWN);

  private static Path file(String split) {
    return SharedSpark.repo().resolve("bench/relations/" + split + ".jsonl");
  }

  private static List<JsonNode> nodes(String split) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file(split), StandardCharsets.UTF_8)) {
      out.add(json.readTree(line));
    }
    return out;
  }

  @Test
  void everyPairFollowsTheSchema() throws IOException {
    for (String split : List.of("dev", "test")) {
      Set<String> ids = new HashSet<>();
      for (JsonNode n : nodes(split)) {
        String id = n.get("id").asText();
        assertThat(ids.add(id)).as("unique id %s", id).isTrue();
        assertThat(n.get("a").asText()).as(id).matches("[A-Z]{2}");
        assertThat(n.get("a").asText()).as(id).isLessThan(n.get("b").asText());
        assertThat(id).endsWith(":" + n.get("a").asText() + "-" + n.get("b").asText());
        String relation = n.get("relation").asText();
        String quad = n.get("quad").asText();
        assertThat(relation).as(id).isIn(RELATIONS);
        assertThat(n.get("direction").asText()).as(id).isIn("a>b", "b>a", "none");
        assertThat(n.get("sha1").asText()).as(id).matches("[0-9a-f]{40}");
        if (relation.equals("neutral")) {
          assertThat(quad).as(id).isEqualTo("neutral");
          assertThat(n.get("direction").asText()).as(id).isEqualTo("none");
          assertThat(n.get("cue").asText()).as(id).isEmpty();
          assertThat(n.get("cue_span").isNull()).as(id).isTrue();
        } else {
          assertThat(quad).as(id).isIn("verbal_" + relation, "material_" + relation);
          assertThat(n.get("cue").asText()).as(id).isNotEmpty();
          assertThat(n.get("cue_span").size()).as(id).isEqualTo(2);
        }
      }
    }
  }

  @Test
  void onlyJawharaFmAndOwnSentencesCarryText() throws IOException {
    for (String split : List.of("dev", "test")) {
      for (JsonNode n : nodes(split)) {
        String corpus = n.get("corpus").asText();
        assertThat(n.has("text"))
            .as("%s (%s) may carry text", n.get("id").asText(), corpus)
            .isEqualTo(WITH_TEXT.contains(corpus));
      }
    }
  }

  @Test
  void ownSentencesLoadAndTheirStatesAreMatchedWhereTheFileSays() throws IOException {
    StateMatcher matcher = StateMatcher.defaults(Analysis.defaults());
    int pairs = 0;
    for (String split : List.of("dev", "test")) {
      Path own = ownOnly(split, null);
      for (LabelledPair p : RelationDevSet.load(own, null)) {
        List<Mention> ms = OwnSentences.mentions(matcher, p.lang(), p.text());
        assertThat(ms)
            .as("%s: %s at %s", p.id(), p.a(), p.aSpan())
            .anyMatch(m -> m.iso2().equals(p.a()) && m.start() == p.aSpan().start());
        assertThat(ms)
            .as("%s: %s at %s", p.id(), p.b(), p.bSpan())
            .anyMatch(m -> m.iso2().equals(p.b()) && m.start() == p.bSpan().start());
        if (p.cueSpan() != null) {
          assertThat(p.cueSpan().of(p.text())).isEqualTo(p.cue());
        }
        pairs++;
      }
    }
    assertThat(pairs).isEqualTo(75);
  }

  @Test
  void aChangedSentenceFailsNamingThePair() throws IOException {
    Path own = ownOnly("dev", "fr-008:IL-IR");
    assertThatThrownBy(() -> RelationDevSet.load(own, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pair fr-008:IL-IR")
        .hasMessageContaining("SHA-1");
  }

  @Test
  void referencesWithoutTheCorporaFailWithWhatToDo() throws IOException {
    Path ref = tmp.resolve("ref.jsonl");
    String antPair =
        Files.readAllLines(file("test")).stream()
            .filter(l -> l.contains("\"corpus\": \"ant\""))
            .findFirst()
            .orElseThrow();
    Files.writeString(ref, antPair + "\n");
    assertThatThrownBy(() -> RelationDevSet.load(ref, tmp))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no corpora/ folder")
        .hasMessageContaining("../shared");
  }

  /** The marsad-own pairs of a split, the sentence of {@code tamper} changed by one letter. */
  private Path ownOnly(String split, String tamper) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (JsonNode n : nodes(split)) {
      if (!n.get("corpus").asText().equals(RelationDevSet.OWN)) {
        continue;
      }
      if (n.get("id").asText().equals(tamper)) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) n)
            .put("text", n.get("text").asText().replace("Iran", "Irak"));
      }
      lines.add(json.writeValueAsString(n));
    }
    Path out = tmp.resolve(split + "-own.jsonl");
    Files.write(out, lines, StandardCharsets.UTF_8);
    return out;
  }
}
