package org.marsad.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;

/**
 * The report's data over the evidence fixture: "What changed" lists the bursts and rising terms of
 * the trend tables with their numbers, the state charts have a view per period, and the evidence
 * sentences of the pairs and terms shown are embedded with their offsets.
 */
@Tag("spark")
class TrendsReportDataTest {

  @TempDir static Path tmp;
  static ObjectNode data;

  @BeforeAll
  static void build() {
    Path out = tmp.resolve("evidence-out");
    EvidenceFixture.write(SharedSpark.get(), out);
    data = ReportData.build(FolderReports.read(SharedSpark.get(), out.toString()), "en");
  }

  @Test
  void whatChangedListsTheLatestPeriodsBurstsWithTheirNumbers() {
    JsonNode c = data.path("changes");
    assertThat(c.path("available").asBoolean()).isTrue();
    assertThat(c.path("latest").asText()).isEqualTo("2017-03");
    assertThat(c.path("previous").path("2017-03").asText()).isEqualTo("2017-02");
    JsonNode march = c.path("by_period").path("2017-03");
    // Iran: 14 of 20 documents in March against 3 of 20 in February and 8 of 40 over the six
    // months before. G² of (14, 6 | 8, 32) = 14.3922, log2(0.7/0.2) = 1.80735 (TrendsTest has
    // the formula checked by hand); Syria: 15 of 20 against 11 of 40, G² 12.5609.
    JsonNode iran = march.path("states").get(0);
    assertThat(iran.path("state").asText()).isEqualTo("IR");
    assertThat(iran.path("docs").asLong()).isEqualTo(14);
    assertThat(iran.path("total").asLong()).isEqualTo(20);
    assertThat(iran.path("share").asDouble()).isCloseTo(0.7, within(1e-9));
    assertThat(iran.path("change").asDouble()).isCloseTo(0.55, within(1e-9));
    assertThat(iran.path("window_share").asDouble()).isCloseTo(0.2, within(1e-9));
    assertThat(iran.path("g2").asDouble()).isCloseTo(14.392165414430107, within(1e-9));
    assertThat(iran.path("lr").asDouble()).isCloseTo(1.807354922057604, within(1e-9));
    assertThat(march.path("states").get(1).path("state").asText()).isEqualTo("SY");
    assertThat(march.path("states").size()).isEqualTo(2);
    JsonNode pair = march.path("pairs").get(0);
    assertThat(pair.path("a").asText() + pair.path("b").asText()).isEqualTo("IRSY");
    assertThat(pair.path("co").asLong()).isEqualTo(13);
    assertThat(pair.path("change").asLong()).isEqualTo(10);
    assertThat(pair.path("window_co").asLong()).isEqualTo(7);
    assertThat(pair.path("g2").asDouble()).isCloseTo(13.385719448439422, within(1e-9));
    // Terms: the truce from 3 to 30, the elections from 14 to 1 (token totals 79 and 89).
    JsonNode rising = march.path("rising").get(0);
    assertThat(rising.path("label").asText()).isEqualTo("هدنة");
    assertThat(rising.path("n").asLong()).isEqualTo(30);
    assertThat(rising.path("prev").asLong()).isEqualTo(3);
    assertThat(rising.path("g2").asDouble()).isCloseTo(22.54077091683486, within(1e-9));
    assertThat(march.path("falling").get(0).path("label").asText()).isEqualTo("الانتخابات");
    assertThat(c.path("by_period").path("2017-02").path("states").size()).isZero();
    assertThat(c.path("settings").path("window").asInt()).isEqualTo(6);
  }

  @Test
  void theStateChartsHaveAViewPerPeriod() {
    JsonNode s = data.path("states");
    assertThat(s.path("periods").toString()).isEqualTo("[\"2017-01\",\"2017-02\",\"2017-03\"]");
    JsonNode march = s.path("by_period").path("2017-03");
    assertThat(march.path("top").get(0).path("state").asText()).isEqualTo("SY");
    assertThat(march.path("top").get(0).path("docs").asLong()).isEqualTo(15);
    assertThat(march.path("comentions").path("by_co_docs").get(0).path("co").asLong())
        .isEqualTo(13);
    // The network's node size is the documents naming the state in that period.
    assertThat(march.path("comentions").path("nodes").path("IR").asLong()).isEqualTo(14);
    assertThat(s.path("comentions").path("by_co_docs").get(0).path("co").asLong())
        .as("all periods: 4 + 3 + 13")
        .isEqualTo(20);
  }

  @Test
  void evidenceOfTheShownPairsAndTermsIsEmbeddedWithOffsets() {
    JsonNode e = data.path("evidence");
    assertThat(e.path("pairs_available").asBoolean()).isTrue();
    JsonNode rows = e.path("pairs").path("all|IR|SY");
    assertThat(rows.size()).isEqualTo(3);
    List<String> texts = new ArrayList<>();
    e.path("sentences").forEach(x -> texts.add(x.get(0).asText()));
    JsonNode first = rows.get(0);
    String sentence = texts.get(first.get(0).asInt());
    assertThat(sentence).isEqualTo(EvidenceFixture.HOSTILE);
    assertThat(sentence.substring(first.get(1).asInt(), first.get(2).asInt())).isEqualTo("إيران");
    assertThat(sentence.substring(first.get(3).asInt(), first.get(4).asInt())).isEqualTo("سوريا");
    JsonNode meta = e.path("sentences").get(first.get(0).asInt());
    assertThat(meta.get(1).asText()).isEqualTo("alpha");
    assertThat(meta.get(2).asText()).isEqualTo("2017-03-17");
    assertThat(meta.get(3).asText()).isEqualTo(EvidenceFixture.HOSTILE_DOC);
    // One sentence is stored once, whichever pairs and periods refer to it.
    assertThat(e.path("pairs").path("2017-03|IR|SY").get(0).get(0).asInt())
        .isEqualTo(first.get(0).asInt());
    JsonNode truce = e.path("terms").path("2017-03|ar|هدنه|keyness").get(0);
    String t = texts.get(truce.get(0).asInt());
    assertThat(t.substring(truce.get(1).asInt(), truce.get(2).asInt())).isEqualTo("هدنة");
    assertThat(e.path("terms").has("all|ar|وقف اطلاق|collocation")).isTrue();
  }

  @Test
  void anOutputWithoutTrendOrEvidenceTablesSaysSo() throws Exception {
    Path topics = tmp.resolve("topics-only");
    TopicFixture.write(SharedSpark.get(), topics);
    ObjectNode d = ReportData.build(FolderReports.read(SharedSpark.get(), topics.toString()), "en");
    assertThat(d.path("changes").path("available").asBoolean()).isFalse();
    assertThat(d.path("changes").path("missing").path("table").asText()).isEqualTo("state_trends");
    assertThat(d.path("evidence").path("pairs_available").asBoolean()).isFalse();
    assertThat(d.path("evidence").path("pairs_missing").toString())
        .isEqualTo("{\"table\":\"comention_evidence\",\"columns\":[]}");
  }

  @Test
  void readingLeavesTheSessionsSettingsAsTheyWere() {
    var spark = SharedSpark.get();
    String adaptive = spark.conf().get("spark.sql.adaptive.enabled");
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");
    // Its queries run without adaptive execution on at most one partition per core; the data
    // are the ones built in @BeforeAll, with the session's own settings restored after it.
    ObjectNode again =
        ReportData.build(FolderReports.read(spark, tmp.resolve("evidence-out").toString()), "en");
    assertThat(spark.conf().get("spark.sql.adaptive.enabled")).isEqualTo(adaptive);
    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo(partitions);
    JsonNode a = again.deepCopy().without("meta");
    JsonNode b = data.deepCopy().without("meta");
    assertThat(a.toString()).isEqualTo(b.toString());
  }
}
