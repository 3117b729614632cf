package org.marsad.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The page is self-contained and its embedded data cannot break out of its script element. */
@Tag("unit")
class ReportHtmlTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void dataWithScriptEndingsStaysInsideItsElementAndParsesBack() throws Exception {
    ObjectNode data = MAPPER.createObjectNode();
    data.put("label", "</script><script>alert(1)</script> <!-- & \u2028 مرصد");
    String json = ReportHtml.json(data);
    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(MAPPER.readTree(json)).isEqualTo(data);
  }

  @Test
  void inlinedScriptsCannotCloseTheirElement() {
    assertThat(ReportHtml.inlineScript("a='</script>';b='</SCRIPT >';c='<!--'"))
        .isEqualTo("a='<\\/script>';b='<\\/SCRIPT >';c='<\\!--'");
  }

  @Test
  void pageInlinesEchartsAndTheDataAndLoadsNothingFromElsewhere() throws Exception {
    ObjectNode data = MAPPER.createObjectNode();
    data.putObject("meta").put("run_id", "r1 <b>");
    data.put("label", "</script>");
    String html = ReportHtml.render(data);
    assertThat(html)
        .contains("<title>Marsad report · r1 &lt;b&gt;</title>")
        .contains("Licensed to the Apache Software Foundation")
        .doesNotContainPattern("<script[^>]*\\ssrc=")
        .doesNotContain("<link ")
        .doesNotContain("{{");
    // Every script element closes where it should: as many closings as openings.
    assertThat(count(html, "(?i)<script[\\s>]")).isEqualTo(count(html, "(?i)</script>"));
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"marsad-data\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).isTrue();
    JsonNode back = MAPPER.readTree(m.group(1));
    assertThat(back).isEqualTo(data);
    assertThat(html.length()).as("ECharts is inlined").isGreaterThan(1_000_000);
  }

  @Test
  void echartsComesFromTheWebJarOfThePom() {
    assertThat(ReportHtml.resource(ReportHtml.ECHARTS_RESOURCE))
        .contains("echarts")
        .contains("version=\"" + ReportHtml.ECHARTS_VERSION + "\"");
  }

  @Test
  void periodsReadAsDates() {
    assertThat(Periods.label("2017-03")).isEqualTo("Mar 2017");
    assertThat(Periods.label("2018-02-18")).isEqualTo("18 Feb 2018");
    assertThat(Periods.label("2018-W07")).isEqualTo("Week 7, 2018");
    assertThat(Periods.label("2017")).isEqualTo("2017");
    assertThat(Periods.label("all")).isEqualTo("All");
    assertThat(Periods.label("2017-13")).isEqualTo("2017-13");
  }

  @Test
  void monthAndYearAxesShowGapsDaysDoNot() {
    assertThat(Periods.axis(List.of("2017-01", "2016-11")))
        .containsExactly("2016-11", "2016-12", "2017-01");
    assertThat(Periods.axis(List.of("2019", "2017"))).containsExactly("2017", "2018", "2019");
    assertThat(Periods.axis(List.of("2018-02-20", "2018-02-18")))
        .containsExactly("2018-02-18", "2018-02-20");
    assertThat(Periods.axis(List.of("all"))).containsExactly("all");
    assertThat(Periods.axis(List.of("1900-01", "2100-01"))).hasSize(2);
  }

  private static int count(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
