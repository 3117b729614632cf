package org.marsad.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page of hand-written report inputs (no Spark) in Arabic and in English, in headless Chromium:
 * the map drawn and a click on a state opening its sentences and partners, the comparison of two
 * periods with its G², the filters by source and language redrawing the charts, article links, no
 * error in the console.
 */
@Tag("integration")
class ReportPageBrowserTest {

  @TempDir static Path tmp;
  static Chromium chromium;
  static Map<String, Path> pages = new HashMap<>();

  @BeforeAll
  static void render() throws Exception {
    chromium = new Chromium(tmp);
    for (String lang : new String[] {"ar", "en"}) {
      Path p = tmp.resolve("report-" + lang + ".html");
      Files.writeString(
          p,
          ReportHtml.render(ReportData.build(ReportInputsFixture.inputs(), lang)),
          StandardCharsets.UTF_8);
      pages.put(lang, p);
    }
  }

  @Test
  void everySelectorAndFilterRedrawsWithoutErrorsInBothLanguages() throws Exception {
    for (String lang : pages.keySet()) {
      Chromium.Result r = chromium.check(pages.get(lang), "selftest");
      ReportBrowserTest.assertClean(r);
      assertThat(r.check().path("charts").has("chart-map")).as(lang).isTrue();
      JsonNode filters = r.check().path("filters");
      // All documents: three terms; source alpha: the truce alone; English: oil alone.
      assertThat(filters.path("").path("terms").asInt()).as(lang).isEqualTo(3);
      assertThat(filters.path("s:alpha").path("terms").asInt()).as(lang).isEqualTo(1);
      assertThat(filters.path("l:en").path("terms").asInt()).as(lang).isEqualTo(1);
      assertThat(filters.path("s:beta").path("states").asInt()).as(lang).isEqualTo(1);
      assertThat(filters.path("l:en").path("states").asInt()).as(lang).isEqualTo(1);
      assertThat(filters.path("s:alpha").path("terms_scope").asText())
          .contains(lang.equals("ar") ? "المصدر alpha" : "source alpha");
    }
  }

  @Test
  void theArabicPageRunsRightToLeftWithArabicWords() throws Exception {
    Chromium.Result r = chromium.check(pages.get("ar"), null);
    ReportBrowserTest.assertClean(r);
    assertThat(r.dom())
        .contains("<html lang=\"ar\" dir=\"rtl\">")
        .contains("ما الذي تغيّر")
        .contains("دول في طفرة")
        .contains("الخريطة")
        // What changed opens on February, the latest month with 20 counted documents.
        .contains("المعروض: فبراير 2017")
        .contains("14 من 28")
        .doesNotContain("Bursting states");
  }

  @Test
  void aClickOnTheMapOpensTheStatesSentencesAndPartnersAndTheComparisonHasItsNumbers()
      throws Exception {
    Chromium.Result r = chromium.check(pages.get("en"), "evidence-test");
    ReportBrowserTest.assertClean(r);
    Map<String, JsonNode> byChart = new HashMap<>();
    r.check().path("evidence").forEach(c -> byChart.put(c.path("what").asText(), c));
    JsonNode map = byChart.get("chart-map");
    assertThat(map).as(r.check().toString()).isNotNull();
    assertThat(map.path("key").asText()).isEqualTo("state|all|SY");
    assertThat(map.path("title").asText()).isEqualTo("Syria · all periods");
    assertThat(map.path("html").asText()).contains("<mark class=\"a\">سوريا</mark>");
    assertThat(map.path("text").asText()).contains("alpha · 3 Feb 2017 · document d7");
    assertThat(map.path("html").asText())
        .contains("<a href=\"https://example.org/d7\" target=\"_blank\"");
    assertThat(map.path("extra").asText())
        .contains("Named most often with")
        .contains("Iran · 12 documents together · NPMI 0.40");
    // The comparison of February with January: the truce over-used in February (30 of 500
    // tokens against 3 of 400: G² 21.9), the elections in January.
    JsonNode compare = r.check().path("compare");
    assertThat(compare.path("a").asText()).isEqualTo("2017-02");
    assertThat(compare.path("b").asText()).isEqualTo("2017-01");
    assertThat(compare.path("terms").toString())
        .contains("[\"هدنة\",30,3,")
        .contains("[\"الانتخابات\",1,14,");
    double g2 = compare.path("terms").get(0).get(3).asDouble();
    assertThat(g2).isEqualTo(Math.round(expectedG2(30, 500, 3, 400) * 10) / 10.0);
    assertThat(compare.path("pairs").get(0).get(0).asText()).isEqualTo("IR|SY");
    assertThat(r.dom()).doesNotContain("href=\"javascript:");
  }

  @Test
  void relationsColourThePairsAndListTheConflictBurstsInArabic() throws Exception {
    Path p = tmp.resolve("relations-ar.html");
    Files.writeString(
        p,
        ReportHtml.render(
            ReportData.build(ReportDataTest.withRelations(ReportInputsFixture.inputs()), "ar")),
        StandardCharsets.UTF_8);
    Chromium.Result r = chromium.check(p, "selftest");
    ReportBrowserTest.assertClean(r);
    // What changed opens on February, where the conflict share of Iran and Syria burst.
    assertThat(r.dom())
        .contains("أزواج يتصاعد النزاع بينها")
        .contains("data-conflict=\"IR|SY\"")
        .contains("4 من 6")
        .contains("class=\"tone-legend\"")
        .contains("لا جملة تذكر الدولتين")
        .doesNotContain("Pairs in growing conflict");
  }

  @Test
  void screenshotsOfBothLanguages() throws Exception {
    for (String lang : pages.keySet()) {
      Path png = tmp.resolve("fixture-" + lang + ".png");
      chromium.screenshot(pages.get(lang), "map-test", 1400, png);
      assertThat(Files.size(png)).isGreaterThan(10_000);
    }
  }

  /** Dunning's G² as the README defines it for keyness. */
  static double expectedG2(double a, double c, double b, double d) {
    double e1 = c * (a + b) / (c + d);
    double e2 = d * (a + b) / (c + d);
    return 2 * (a * Math.log(a / e1) + b * Math.log(b / e2));
  }
}
