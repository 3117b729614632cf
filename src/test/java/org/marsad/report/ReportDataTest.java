package org.marsad.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.report.ReportInputs.PairKey;
import org.marsad.report.ReportInputs.StateKey;
import org.marsad.report.ReportInputs.TermKey;

/** The page's JSON from report inputs written by hand: no Spark, no folder. */
@Tag("unit")
class ReportDataTest {

  private final ReportInputs in = ReportInputsFixture.inputs();
  private final ObjectNode data = ReportData.build(in, "en");

  @Test
  void theMainLanguageOfTheCorpusIsThePagesUnlessAskedOtherwise() {
    assertThat(ReportData.defaultLang(in)).isEqualTo("ar");
    assertThat(ReportData.build(in).path("meta").path("lang").asText()).isEqualTo("ar");
    assertThat(data.path("meta").path("lang").asText()).isEqualTo("en");
    assertThatThrownBy(() -> ReportData.build(in, "fr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot write report: no such report language (fr); use one of [ar, en]");
  }

  @Test
  void theCorpusCountsAddUp() {
    JsonNode c = data.path("corpus");
    long bySource = 0;
    for (JsonNode s : c.path("by_source")) {
      long perPeriod = 0;
      for (JsonNode n : s.path("docs")) {
        perPeriod += n.asLong();
      }
      assertThat(perPeriod).as(s.toString()).isEqualTo(s.path("total").asLong());
      bySource += perPeriod;
    }
    assertThat(bySource).isEqualTo(c.path("documents").asLong()).isEqualTo(60);
    long counted = 0;
    for (JsonNode n : c.path("counted_by_period")) {
      counted += n.asLong();
    }
    assertThat(counted).isEqualTo(c.path("counted").asLong()).isEqualTo(55);
    assertThat(c.path("filter_sources").toString()).isEqualTo("[\"alpha\",\"beta\"]");
    assertThat(c.path("filter_langs").toString()).isEqualTo("[\"ar\",\"en\"]");
    // The axis of the charts over time: the months, never "all".
    assertThat(data.path("periods").path("keys").toString())
        .isEqualTo("[\"2017-01\",\"2017-02\",\"2017-03\"]");
  }

  @Test
  void whatChangedOpensOnTheLatestPeriodWithEnoughDocumentsAndCountsItsWindow() {
    JsonNode c = data.path("changes");
    assertThat(c.path("latest").asText()).isEqualTo("2017-03");
    // March has 5 counted documents, under the minimum of 20: February (28) is shown first.
    assertThat(c.path("opening").asText()).isEqualTo("2017-02");
    JsonNode feb = c.path("docs").path("2017-02");
    assertThat(feb.path("period").asLong()).isEqualTo(28);
    assertThat(feb.path("prev").asLong()).isEqualTo(22);
    assertThat(feb.path("window").asLong()).isEqualTo(22);
    // Of the 6 periods before February only January lies within the corpus: "Prior 1".
    assertThat(feb.path("window_periods").asInt()).isEqualTo(1);
    assertThat(c.path("docs").path("2017-03").path("window_periods").asInt()).isEqualTo(2);
    JsonNode sy = c.path("by_period").path("2017-02").path("states").get(0);
    assertThat(sy.path("docs").asLong()).isEqualTo(14);
    assertThat(sy.path("total").asLong())
        .as("the rows' totals are the header's counted documents")
        .isEqualTo(feb.path("period").asLong());
  }

  @Test
  void pairChartsFollowTheThresholdsOfTheirCounts() {
    JsonNode all = data.path("states").path("comentions");
    // Fewer than 10 pairs reach any threshold: the NPMI list takes every pair (m = 1).
    assertThat(all.path("min_co_docs").asInt()).isEqualTo(1);
    assertThat(all.path("by_npmi").size()).isEqualTo(3);
    assertThat(all.path("by_co_docs").get(0).path("co").asLong()).isEqualTo(12);
    assertThat(all.path("edges").size()).isEqualTo(3);
    assertThat(all.path("nodes").path("SY").asLong()).as("node size: documents").isEqualTo(20);
    assertThat(all.path("heat_states").toString()).isEqualTo("[\"SY\",\"IR\",\"TN\",\"BH\"]");
    assertThat(data.path("states").path("top").get(0).path("state").asText()).isEqualTo("SY");
    assertThat(data.path("states").path("map").path("2017-02").path("BH").asLong()).isEqualTo(3);
    assertThat(data.path("states").path("docs_total").path("2017-02").asLong()).isEqualTo(28);
    assertThat(
            data.path("states")
                .path("partners")
                .path("all")
                .path("IR")
                .get(1)
                .path("state")
                .asText())
        .isEqualTo("BH");
    assertThat(
            data.path("states")
                .path("by_period")
                .path("2017-02")
                .path("comentions")
                .path("by_co_docs")
                .get(0)
                .path("co")
                .asLong())
        .isEqualTo(9);
  }

  @Test
  void topicSharesAreComputedPerFilterCell() {
    JsonNode t = data.path("topics");
    assertThat(t.path("share").path("1").path("2017-01").asDouble()).isCloseTo(0.75, within(1e-12));
    assertThat(t.path("share").path("2").path("2017-02").asDouble()).isCloseTo(0.75, within(1e-12));
    assertThat(t.path("share_by").path("source|alpha").path("1").path("2017-01").asDouble())
        .isEqualTo(1.0);
    assertThat(t.path("prevalence_by").path("source|alpha").path("1").asDouble())
        .isCloseTo(0.5, within(1e-12));
    assertThat(t.path("prevalence_by").path("lang|en").path("2").asDouble()).isEqualTo(1.0);
    assertThat(t.path("states_ranked_by").asText()).isEqualTo("llr");
    assertThat(t.path("topics").get(0).path("states").get(0).path("llr").asDouble())
        .isEqualTo(14.2);
    assertThat(t.path("topics").get(0).path("docs").get(0).path("url").asText())
        .isEqualTo("https://example.org/d1");
  }

  @Test
  void comparisonCountsShareOneVocabulary() {
    JsonNode c = data.path("terms").path("compare");
    List<String> labels = new ArrayList<>();
    c.path("vocab").forEach(v -> labels.add(v.get(2).asText()));
    assertThat(labels).containsExactly("الانتخابات", "هدنة");
    JsonNode feb = c.path("units").get(1);
    assertThat(feb.path("key").asText()).isEqualTo("2017-02");
    assertThat(feb.path("tokens").asLong()).isEqualTo(500);
    // [vocabulary index, count]: the truce 30 times, the elections once.
    assertThat(feb.path("c").toString()).isEqualTo("[[1,30],[0,1]]");
    assertThat(data.path("terms").path("top").get(1).path("s").asText()).isEqualTo("alpha");
    assertThat(data.path("terms").path("top").get(0).path("s").isNull()).isTrue();
  }

  @Test
  void evidenceIsEmbeddedOnceWithSafeLinks() {
    JsonNode e = data.path("evidence");
    JsonNode sentences = e.path("sentences");
    JsonNode pair = e.path("pairs").path("all|IR|SY").get(0);
    JsonNode s = sentences.get(pair.get(0).asInt());
    assertThat(s.get(0).asText()).isEqualTo(ReportInputsFixture.S1);
    assertThat(s.get(0).asText().substring(pair.get(1).asInt(), pair.get(2).asInt()))
        .isEqualTo("إيران");
    assertThat(s.get(2).asText()).isEqualTo("2017-02-03");
    assertThat(s.get(6).asText()).isEqualTo("https://example.org/d7");
    // The same sentence for another period is stored once.
    assertThat(e.path("pairs").path("2017-02|IR|SY").get(0).get(0).asInt())
        .isEqualTo(pair.get(0).asInt());
    JsonNode bahrain = e.path("states").path("all|BH").get(0);
    JsonNode s2 = sentences.get(bahrain.get(0).asInt());
    assertThat(s2.get(6).isNull()).as("a javascript: link never reaches the page").isTrue();
    assertThat(e.path("terms").path("2017-02|ar|هدنه|keyness").size()).isEqualTo(1);
    assertThat(sentences.size()).isEqualTo(2);
  }

  @Test
  void theEvidenceRequestFollowsWhatThePageShows() {
    ReportInputs.EvidenceRequest r = in.evidenceRequest();
    // The pairs of all periods' charts first, then What changed, then the view periods' charts.
    assertThat(r.pairs().get(0)).isEqualTo(new PairKey("all", "IR", "SY"));
    assertThat(r.pairs())
        .contains(new PairKey("2017-02", "IR", "SY"), new PairKey("all", "BH", "IR"));
    assertThat(r.pairs().indexOf(new PairKey("all", "SY", "TN")))
        .isLessThan(r.pairs().indexOf(new PairKey("2017-02", "IR", "SY")));
    assertThat(r.terms())
        .containsExactly(
            new TermKey("2017-02", "ar", "هدنه"),
            new TermKey("2017-02", "ar", "انتخاب"),
            new TermKey("all", "ar", "وقف اطلاق"));
    assertThat(r.states()).startsWith(new StateKey("all", "SY"), new StateKey("all", "IR"));
    assertThat(r.states()).contains(new StateKey("2017-03", "TN"));
  }

  @Test
  void onlyHttpLinksAreKept() {
    assertThat(ReportData.safeUrl(" https://a.example/x ")).isEqualTo("https://a.example/x");
    assertThat(ReportData.safeUrl("HTTP://a.example")).isEqualTo("HTTP://a.example");
    assertThat(ReportData.safeUrl("javascript:alert(1)")).isNull();
    assertThat(ReportData.safeUrl("data:text/html,x")).isNull();
    assertThat(ReportData.safeUrl(null)).isNull();
  }

  // ---------------------------------------------------------------- relations

  /** Iran and Syria: one sentence in January, 5 in February (4 of them conflict), all periods. */
  static ReportInputs withRelations(ReportInputs in) {
    ReportInputs.Tone all = new ReportInputs.Tone(10, 8, 3, 5, 2, 2, 1, 3, 2, -0.15, "conflict");
    ReportInputs.Tone jan = new ReportInputs.Tone(2, 2, 2, 0, 0, 1, 1, 0, 0, 0.75, "cooperation");
    ReportInputs.Tone feb = new ReportInputs.Tone(6, 5, 1, 4, 1, 1, 0, 2, 2, -5 / 12.0, "conflict");
    ReportInputs.Tone mar = new ReportInputs.Tone(2, 1, 0, 1, 1, 0, 0, 1, 0, -0.25, "conflict");
    Map<PairKey, ReportInputs.Tone> tones = new LinkedHashMap<>();
    tones.put(new PairKey("all", "IR", "SY"), all);
    tones.put(new PairKey("2017-01", "IR", "SY"), jan);
    tones.put(new PairKey("2017-02", "IR", "SY"), feb);
    tones.put(new PairKey("2017-03", "IR", "SY"), mar);
    // A row the page never asks for: it must not be embedded.
    tones.put(new PairKey("2016-12", "IR", "SY"), mar);
    ReportInputs.RelationBurst burst =
        new ReportInputs.RelationBurst(
            "IR", "SY", 4, 6L, 4 / 6.0, 0.0, 4 / 6.0, 0L, 2L, 0.0, 12.5, 3.4);
    String s = ReportInputsFixture.S1;
    int ir = ReportInputsFixture.IR1;
    int sy = ReportInputsFixture.SY1;
    int cue = s.indexOf("بحث");
    ReportInputs.Sentence s1 =
        new ReportInputs.Sentence(s, "alpha", null, "d7", "text", "d7", "https://example.org/d7");
    ReportInputs.Sentence s3 =
        new ReportInputs.Sentence(
            "قصفت إيران مواقع في سوريا.", "beta", null, "d8", "text", null, null);
    ReportInputs.RelationSentence coop =
        new ReportInputs.RelationSentence(
            "cooperation",
            "verbal_cooperation",
            1,
            s1,
            ir,
            ir + 5,
            sy,
            sy + 5,
            "بحث",
            cue,
            cue + 3,
            "none");
    ReportInputs.RelationSentence strike =
        new ReportInputs.RelationSentence(
            "conflict", "material_conflict", 1, s3, 5, 10, 20, 25, "قصفت", 0, 4, "a>b");
    Map<PairKey, List<ReportInputs.RelationSentence>> evidence =
        Map.of(new PairKey("2017-02", "IR", "SY"), List.of(coop, strike));
    return in.withRelations(
        new ReportInputs.Relations(
            null, null, null, tones, Map.of("2017-02", List.of(burst)), evidence));
  }

  @Test
  void relationsAreEmbeddedForThePairsShownAndTheirCountsAddUp() {
    JsonNode r = ReportData.build(withRelations(in), "en").path("relations");
    assertThat(r.path("available").asBoolean()).isTrue();
    JsonNode tone = r.path("tone");
    assertThat(tone.has("2016-12|IR|SY")).as("a period the page does not show").isFalse();
    long[] sums = new long[9];
    for (String p : List.of("2017-01", "2017-02", "2017-03")) {
      // [sentences, docs, cooperation, conflict, neutral, vc, mc, vf, mf, tone, relation]
      JsonNode t = tone.path(p + "|IR|SY");
      assertThat(t.isArray()).as(p + " of the pair's series").isTrue();
      assertThat(t.get(2).asLong() + t.get(3).asLong() + t.get(4).asLong())
          .as(p + ": cooperation + conflict + neutral = sentences")
          .isEqualTo(t.get(0).asLong());
      assertThat(t.get(5).asLong() + t.get(6).asLong()).isEqualTo(t.get(2).asLong());
      assertThat(t.get(7).asLong() + t.get(8).asLong()).isEqualTo(t.get(3).asLong());
      // tone = (vc + 2 mc - vf - 2 mf) / (2 n)
      double expected =
          (t.get(5).asLong()
                  + 2.0 * t.get(6).asLong()
                  - t.get(7).asLong()
                  - 2.0 * t.get(8).asLong())
              / (2.0 * t.get(0).asLong());
      assertThat(t.get(9).asDouble()).isCloseTo(expected, within(1e-12));
      for (int i = 0; i < sums.length; i++) {
        sums[i] += t.get(i).asLong();
      }
    }
    JsonNode all = tone.path("all|IR|SY");
    for (int i = 0; i < sums.length; i++) {
      assertThat(sums[i])
          .as("column " + i + " of all = the months' sum")
          .isEqualTo(all.get(i).asLong());
    }
    assertThat(all.get(0).asLong()).isEqualTo(10);
    assertThat(tone.path("all|IR|SY").get(10).asText()).isEqualTo("conflict");
    JsonNode burst = r.path("bursts").path("2017-02").get(0);
    assertThat(burst.path("a").asText() + burst.path("b").asText()).isEqualTo("IRSY");
    assertThat(burst.path("n").asLong()).isEqualTo(4);
    assertThat(burst.path("share").asDouble())
        .isCloseTo(burst.path("n").asDouble() / burst.path("total").asLong(), within(1e-12));
  }

  @Test
  void relationSentencesShareThePagesSentencesAndCarryTheCue() {
    ObjectNode page = ReportData.build(withRelations(in), "en");
    JsonNode sentences = page.path("evidence").path("sentences");
    JsonNode rows = page.path("relations").path("evidence").path("2017-02|IR|SY");
    assertThat(rows.size()).isEqualTo(2);
    // [sentence, quad, a_start, a_end, b_start, b_end, cue_start, cue_end, direction]
    JsonNode coop = rows.get(0);
    assertThat(coop.get(1).asText()).isEqualTo("verbal_cooperation");
    assertThat(coop.get(0).asInt())
        .as("the co-mention sentence and the relation sentence are stored once")
        .isEqualTo(page.path("evidence").path("pairs").path("2017-02|IR|SY").get(0).get(0).asInt());
    String text = sentences.get(coop.get(0).asInt()).get(0).asText();
    assertThat(text.substring(coop.get(6).asInt(), coop.get(7).asInt())).isEqualTo("بحث");
    assertThat(text.substring(coop.get(2).asInt(), coop.get(3).asInt())).isEqualTo("إيران");
    JsonNode strike = rows.get(1);
    String t2 = sentences.get(strike.get(0).asInt()).get(0).asText();
    assertThat(t2.substring(strike.get(6).asInt(), strike.get(7).asInt())).isEqualTo("قصفت");
    assertThat(strike.get(8).asText()).isEqualTo("a>b");
    assertThat(sentences.size()).isEqualTo(3);
  }

  @Test
  void theRelationsRequestPutsBurstsFirstAndAsksForThePairsSeries() {
    ReportInputs.RelationsRequest r =
        in.relationsRequest(
            Map.of(
                "2017-03",
                List.of(
                    new ReportInputs.RelationBurst(
                        "SY", "TN", 3, 3L, 1.0, 0.0, 1.0, 0L, 1L, 0.0, 11.0, 2.0))));
    assertThat(r.evidence().get(0)).isEqualTo(new PairKey("2017-03", "SY", "TN"));
    assertThat(r.evidence()).contains(new PairKey("all", "IR", "SY"));
    assertThat(r.tones())
        .contains(
            new PairKey("2017-01", "IR", "SY"),
            new PairKey("2017-03", "IR", "SY"),
            new PairKey("2017-01", "SY", "TN"),
            new PairKey("all", "SY", "TN"));
    assertThat(r.tones())
        .doesNotHaveDuplicates()
        .hasSizeLessThanOrEqualTo(ReportInputs.RELATION_TONES);
    assertThat(r.evidence()).hasSizeLessThanOrEqualTo(ReportInputs.RELATION_EVIDENCE);
  }

  @Test
  void withoutRelationTablesThePartIsAbsent() {
    assertThat(in.relations()).isNull();
    JsonNode r = data.path("relations");
    assertThat(r.path("available").asBoolean()).isFalse();
    assertThat(r.path("missing").path("table").asText()).isEqualTo("comention_relations");
    assertThat(r.has("tone")).isFalse();
    JsonNode partial =
        ReportData.build(
                in.withRelations(
                    ReportInputs.Relations.none(
                        new ReportInputs.Missing("comention_relations", List.of("tone")))),
                "en")
            .path("relations");
    assertThat(partial.path("available").asBoolean()).isFalse();
    assertThat(partial.path("missing").path("columns").toString()).isEqualTo("[\"tone\"]");
  }
}
