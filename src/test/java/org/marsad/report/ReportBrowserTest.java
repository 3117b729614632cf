package org.marsad.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.cli.Marsad;
import org.marsad.corpus.CorpusOptions;
import org.marsad.jobs.JobTestSupport;
import org.marsad.jobs.MarsadJob;

/**
 * The HTML report of a run on sample-data/ and of hand-written topic tables, opened in headless
 * Chromium: it fails on any page or console error and on any chart that shows no data, and saves
 * screenshots under target/ for a person to look at.
 */
@Tag("integration")
class ReportBrowserTest {

  /** The charts the sample run must show (it has every table, the topics stage's too). */
  static final List<String> SAMPLE_CHARTS =
      List.of(
          "chart-map",
          "chart-docs",
          "chart-sources",
          "chart-rejected",
          "chart-top-terms",
          "chart-keyness",
          "chart-collocations",
          "chart-topics",
          "chart-topic-trends",
          "chart-states-top",
          "chart-states-time",
          "chart-pairs-npmi",
          "chart-pairs-co",
          "chart-network",
          "chart-heatmap");

  @TempDir static Path tmp;
  static Path out;
  static Path page;
  static Chromium chromium;

  @BeforeAll
  static void runOnSample() {
    chromium = new Chromium(tmp);
    out = tmp.resolve("out");
    String in = SharedSpark.repo().resolve("sample-data/corpus").toString();
    MarsadJob.run(
        SharedSpark.get(),
        JobTestSupport.config(in, out.toString(), CorpusOptions.defaults()),
        MarsadJob.ALL,
        "run");
    page = out.resolve("report/index.html");
  }

  @Test
  void runWritesTheReportAsItsLastStage() throws Exception {
    assertThat(page).isRegularFile();
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
    assertThat(manifest.path("seconds_per_stage").has("report")).isTrue();
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertThat(html).contains(manifest.path("run_id").asText());
    // Offline: nothing is loaded from elsewhere.
    assertThat(html).doesNotContainPattern("<script[^>]*\\ssrc=").doesNotContain("<link ");
  }

  @Test
  void sampleReportDrawsEveryChartWithoutErrorsInChromium() throws Exception {
    Chromium.Result r = chromium.check(page, "selftest");
    assertClean(r);
    assertThat(r.check().path("charts").properties().stream().map(e -> e.getKey()).toList())
        .containsExactlyInAnyOrderElementsOf(SAMPLE_CHARTS);
    assertThat(r.dom()).doesNotContain("The topics stage did not run in this output");
    // the topic cards name the run's topics by their labels
    for (org.apache.spark.sql.Row t :
        org.marsad.jobs.JobTestSupport.table(out.toString(), "topic_summary").collectAsList()) {
      assertThat(r.dom()).contains(t.getString(1).split(" · ")[0]);
    }
    int height = Math.min(20_000, Math.max(1_000, r.check().path("height").asInt()));
    chromium.screenshot(page, height, SharedSpark.repo().resolve("target/report-screenshot.png"));
    // The same run in both languages (the sample is Arabic: the default page is Arabic).
    ReportInputs in = FolderReports.read(SharedSpark.get(), out.toString());
    assertThat(ReportData.defaultLang(in)).isEqualTo("ar");
    for (String lang : List.of("ar", "en")) {
      Path p = Path.of(Report.write(SharedSpark.get(), out.toString(), in, lang));
      Chromium.Result l = chromium.check(p, "selftest");
      assertClean(l);
      assertThat(l.check().path("charts").properties().stream().map(e -> e.getKey()).toList())
          .containsExactlyInAnyOrderElementsOf(SAMPLE_CHARTS);
      chromium.screenshot(p, 2400, SharedSpark.repo().resolve("target/report-" + lang + ".png"));
      chromium.screenshot(
          p, "map-test", 1300, SharedSpark.repo().resolve("target/report-map-" + lang + ".png"));
      chromium.screenshot(
          p,
          "evidence-test",
          1300,
          SharedSpark.repo().resolve("target/report-evidence-" + lang + ".png"));
    }
  }

  @Test
  void theCountedDocumentsOfThePageAreThoseOfTheTrendTables() {
    // The header of What changed and the rows under it count the same documents (one per story):
    // counted documents per period equal state_trends.docs_total, and their sum the overview's.
    ReportInputs in = FolderReports.read(SharedSpark.get(), out.toString());
    Map<String, Long> totals = new HashMap<>();
    for (org.apache.spark.sql.Row r :
        JobTestSupport.table(out.toString(), "state_trends")
            .select("period", "docs_total")
            .distinct()
            .collectAsList()) {
      totals.put(r.getString(0), r.getLong(1));
    }
    assertThat(totals).isNotEmpty();
    totals.forEach(
        (p, n) -> assertThat(in.corpus().countedByPeriod().getOrDefault(p, 0L)).as(p).isEqualTo(n));
    assertThat(in.corpus().countedByPeriod().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(in.corpus().counted());
    // Every part is bounded: the lists the page shows are cut at their N.
    assertThat(in.views()).hasSizeLessThanOrEqualTo(ReportInputs.VIEW_PERIODS);
    in.terms()
        .top()
        .forEach(c -> assertThat(c.terms()).hasSizeLessThanOrEqualTo(ReportInputs.TOP_ITEMS));
    in.states()
        .pairs()
        .values()
        .forEach(p -> assertThat(p.top()).hasSizeLessThanOrEqualTo(ReportInputs.TOP_PAIRS));
    assertThat(in.evidence().pairs()).hasSizeLessThanOrEqualTo(ReportData.MAX_EVIDENCE_PAIRS);
    assertThat(in.evidence().states()).isNotEmpty();
  }

  @Test
  void topicTablesFromAHandWrittenFixtureAreDrawn() throws Exception {
    Path topics = tmp.resolve("topics-out");
    TopicFixture.write(SharedSpark.get(), topics);
    ObjectNode data =
        ReportData.build(FolderReports.read(SharedSpark.get(), topics.toString()), "en");
    JsonNode share = data.path("topics").path("share");
    // Shares add both sources' weights: 2017-01 has 8 in all, topic 1 has 3 + 1.
    assertThat(share.path("1").path("2017-01").asDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(share.path("3").path("2017-03").asDouble()).isCloseTo(0.8, within(1e-9));
    JsonNode first = data.path("topics").path("topics").get(0);
    assertThat(first.path("label").asText()).isEqualTo("الانتخابات البرلمان");
    assertThat(first.path("docs").get(0).path("title").asText())
        .isEqualTo("انتخابات بلدية في تونس");
    assertThat(first.path("states").size()).as("FR is in one document only").isEqualTo(1);

    String pageTopics = Report.write(SharedSpark.get(), topics.toString(), "en");
    Chromium.Result r = chromium.check(Path.of(pageTopics), "selftest");
    assertClean(r);
    assertThat(r.check().path("charts").path("chart-topics").path("items").asInt()).isEqualTo(3);
    // Every month of the fixture has 1 counted document, under the minimum of 20: no share is
    // drawn, and the page says why.
    assertThat(r.check().path("charts").has("chart-topic-trends")).isFalse();
    assertThat(r.dom())
        .contains("Every period of all documents has fewer than 20 counted documents")
        .contains("The terms stage did not run in this output")
        .contains("The states stage did not run in this output")
        .contains("Oil prices fall")
        .contains("&lt;/script&gt;&lt;script&gt;marsadCheck");
    chromium.screenshot(
        Path.of(pageTopics),
        1800,
        SharedSpark.repo().resolve("target/report-topics-screenshot.png"));
  }

  @Test
  void clickingAPairOpensItsSentencesWithBothNamesMarked() throws Exception {
    Path evidence = tmp.resolve("evidence-out");
    EvidenceFixture.write(SharedSpark.get(), evidence);
    EvidenceFixture.writeRelations(SharedSpark.get(), evidence);
    Path pageEvidence = Path.of(Report.write(SharedSpark.get(), evidence.toString(), "en"));
    // Every selector (the state charts' periods and What changed's too) redrawn without errors.
    assertClean(chromium.check(pageEvidence, "selftest"));

    Chromium.Result r = chromium.check(pageEvidence, "evidence-test");
    assertClean(r);
    JsonNode clicks = r.check().path("evidence");
    Map<String, JsonNode> byChart = new HashMap<>();
    clicks.forEach(c -> byChart.put(c.path("what").asText(), c));
    assertThat(byChart.keySet())
        .as(clicks.toString())
        .contains("chart-pairs-npmi", "chart-pairs-co", "chart-heatmap", "chart-network");
    byChart.forEach(
        (chart, c) -> {
          assertThat(c.path("key").asText())
              .as(chart + " opened the panel")
              .startsWith(chart.equals("chart-map") ? "state|all|" : "all|");
          if (c.hasNonNull("expected")) {
            assertThat(c.path("key").asText()).as(chart).isEqualTo(c.path("expected").asText());
          }
        });
    // The most co-mentioned pair, Iran and Syria: the hostile sentence first, as text, with both
    // names marked from the offsets.
    JsonNode co = byChart.get("chart-pairs-co");
    assertThat(co.path("key").asText()).isEqualTo("all|IR|SY");
    assertThat(co.path("title").asText()).isEqualTo("Iran and Syria · all periods");
    assertThat(co.path("html").asText())
        .contains("<mark class=\"a\">إيران</mark>")
        .contains("<mark class=\"b\">سوريا</mark>")
        .contains("&lt;script&gt;marsadCheck.errors.push('evidence escaped badly')&lt;/script&gt;")
        .doesNotContain("<script");
    assertThat(co.path("text").asText())
        .contains(EvidenceFixture.HOSTILE)
        .contains("alpha · 17 Mar 2017 · document " + EvidenceFixture.HOSTILE_DOC);
    // Its relation: the sentences behind the class, both names and the cue marked, as text.
    assertThat(co.path("extra").asText())
        .contains("Cooperation and conflict")
        .contains("20 sentences name both: 20 cooperation, 0 conflict, 0 neutral")
        .contains("Verbal cooperation");
    assertThat(co.path("extra_html").asText())
        .contains("<mark class=\"cue\">اتفقتا</mark>")
        .contains("<mark class=\"cue\">بحث</mark>")
        .contains("<mark class=\"a\">إيران</mark>")
        .contains("&lt;script&gt;marsadCheck.errors.push('evidence escaped badly')&lt;/script&gt;")
        .contains("class=\"split-bar\"")
        .doesNotContain("<script");
    // The tone legend under the network and the pairs chart, and What changed's conflict card.
    assertThat(r.dom())
        .contains("class=\"tone-legend\"")
        .contains("no sentence naming both")
        .contains("Pairs in growing conflict");
    JsonNode net = byChart.get("chart-network");
    assertThat(net.path("html").asText())
        .contains("<mark class=\"a\">")
        .contains("<mark class=\"b\">");
    // What changed comes first and names the March bursts.
    assertThat(r.dom().indexOf("id=\"changes\"")).isLessThan(r.dom().indexOf("id=\"overview\""));
    assertThat(r.dom())
        .contains("Bursting states")
        .contains("14 of 20")
        .contains("هدنة")
        .contains("<section id=\"changes\">");
    chromium.screenshot(
        pageEvidence,
        "evidence-test",
        1600,
        SharedSpark.repo().resolve("target/report-evidence-screenshot.png"));
  }

  @Test
  void aReprintedStoryIsListedWithItsOutletsAndTheAmplifyingSource() throws Exception {
    String dispatch =
        "قال وزير الخارجية الروسي إن موسكو وطهران اتفقتا على توسيع التعاون الاقتصادي بين"
            + " البلدين. وأضاف في مؤتمر صحفي عقده في العاصمة الإيرانية أن المباحثات تناولت مشاريع"
            + " الطاقة والنقل والتجارة، وأن الجانبين سيوقعان اتفاقيات جديدة خلال الأشهر المقبلة.";
    String in =
        JobTestSupport.writeCorpus(
            tmp.resolve("reprints"),
            new String[] {"id", "title", "text", "published_at", "source"},
            new Object[] {"w1", "<b>روسيا وإيران</b>", dispatch, "2021-09-01 08:00:00", "وكالة"},
            new Object[] {
              "r1", "موسكو وطهران", dispatch + " تابعونا.", "2021-09-01 11:00:00", "صحيفة"
            },
            new Object[] {"r2", "اتفاق", dispatch, "2021-09-02 09:00:00", "=cmd()"});
    Path o = tmp.resolve("reprints-out");
    MarsadJob.run(
        SharedSpark.get(),
        JobTestSupport.config(in, o.toString(), JobTestSupport.withDate("published_at")),
        MarsadJob.ALL,
        "run");
    // The run wrote the page in Arabic, the corpus's language; the English one says the same.
    assertThat(Files.readString(o.resolve("report/index.html"), StandardCharsets.UTF_8))
        .contains("<html lang=\"ar\" dir=\"rtl\">");
    Chromium.Result r =
        chromium.check(Path.of(Report.write(SharedSpark.get(), o.toString(), "en")), "selftest");
    assertClean(r);
    assertThat(r.dom())
        .contains("Most reprinted stories")
        .contains("=cmd() · صحيفة · وكالة")
        .contains("Amplification per source");
    assertThat(r.check().path("charts").has("chart-amplification")).isTrue();
  }

  @Test
  void emptyCorpusGivesAReportWithNotesInsteadOfEmptyCharts() throws Exception {
    String in = JobTestSupport.writeCorpus(tmp.resolve("empty"), new String[] {"id", "text"});
    Path empty = tmp.resolve("empty-out");
    MarsadJob.run(
        SharedSpark.get(),
        JobTestSupport.config(in, empty.toString(), CorpusOptions.defaults()),
        MarsadJob.ALL,
        "run");
    Chromium.Result r = chromium.check(empty.resolve("report/index.html"), "selftest");
    assertClean(r);
    assertThat(r.check().path("charts").size()).isZero();
    assertThat(r.dom())
        .contains("The corpus has no documents")
        .contains("No term was counted")
        .contains("No state was named");
  }

  @Test
  void theBrowserCheckCatchesErrorsAndEmptyCharts() throws Exception {
    ObjectNode data = ReportData.build(FolderReports.read(SharedSpark.get(), out.toString()), "en");
    // A pair without an NPMI: the chart is drawn but shows nothing.
    ((ObjectNode) data.path("states").path("comentions"))
        .putArray("by_npmi")
        .addObject()
        .put("a", "TN")
        .put("b", "FR")
        .put("co", 3)
        .putNull("npmi");
    String html = ReportHtml.render(data);
    int end = html.lastIndexOf("</body>");
    html =
        html.substring(0, end)
            + "<script>console.error('planted error'); null.planted;</script>"
            + html.substring(end);
    Path broken = tmp.resolve("broken.html");
    Files.writeString(broken, html, StandardCharsets.UTF_8);
    Chromium.Result r = chromium.check(broken, null);
    assertThat(r.check().path("errors").toString()).contains("planted error").contains("uncaught");
    assertThat(r.check().path("failures").toString())
        .as(r.check().toString())
        .contains("chart-pairs-npmi");
    assertThat(r.console()).anyMatch(l -> l.contains("planted error"));
  }

  @Test
  void reportCommandWritesThePageAndRejectsAMissingFolder() throws Exception {
    Files.delete(page);
    StringWriter err = new StringWriter();
    assertThat(Marsad.execute(new PrintWriter(err, true), "report", "--output", out.toString()))
        .as(err.toString())
        .isZero();
    assertThat(page).isRegularFile();
    StringWriter err2 = new StringWriter();
    String nowhere = tmp.resolve("nowhere").toString();
    assertThat(Marsad.execute(new PrintWriter(err2, true), "report", "--output", nowhere))
        .isEqualTo(1);
    assertThat(err2.toString()).contains("Cannot write report: no such output folder (" + nowhere);
    assertThat(Marsad.execute(new PrintWriter(new StringWriter(), true), "report")).isEqualTo(2);
    StringWriter err3 = new StringWriter();
    assertThat(
            Marsad.execute(
                new PrintWriter(err3, true),
                "report",
                "--output",
                out.toString(),
                "--report-lang",
                "fr"))
        .isEqualTo(2);
    assertThat(err3.toString()).contains("--report-lang must be ar or en, not fr");
    assertThat(
            Marsad.execute(
                new PrintWriter(new StringWriter(), true),
                "report",
                "--output",
                out.toString(),
                "--report-lang",
                "en"))
        .isZero();
    assertThat(Files.readString(page, StandardCharsets.UTF_8))
        .contains("<html lang=\"en\" dir=\"ltr\">");
  }

  static void assertClean(Chromium.Result r) {
    assertThat(r.check()).as("the page recorded no check: its scripts did not run").isNotNull();
    List<String> problems = new ArrayList<>();
    r.check().path("errors").forEach(e -> problems.add(e.asText()));
    r.check().path("failures").forEach(e -> problems.add("empty chart " + e.asText()));
    r.check()
        .path("charts")
        .properties()
        .forEach(
            e -> {
              if (!e.getValue().path("ok").asBoolean()) {
                problems.add("empty chart " + e.getKey() + " " + e.getValue());
              }
            });
    problems.addAll(r.console());
    assertThat(problems).as("errors in the browser").isEmpty();
    assertThat(r.check().path("done").asBoolean()).as("the report script finished").isTrue();
  }
}
