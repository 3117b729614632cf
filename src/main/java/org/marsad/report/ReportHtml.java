package org.marsad.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the report's data into one self-contained HTML page: the template, its stylesheet and
 * script from {@code marsad/report/}, Apache ECharts inlined from its WebJar, and the data as JSON.
 */
public final class ReportHtml {

  /** The ECharts version of the WebJar on the classpath (see the pom). */
  public static final String ECHARTS_VERSION = "5.3.1";

  /** The minified ECharts bundle inside the WebJar. */
  public static final String ECHARTS_RESOURCE =
      "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";

  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
  private static final Pattern SCRIPT_END = Pattern.compile("(?i)</(script)");

  private ReportHtml() {}

  /**
   * The page for {@code data}, in the language of {@code data.meta.lang} ("ar" or "en"; English
   * when absent): its dictionary ({@code marsad/report/i18n/<lang>.json}) and the world map are
   * embedded beside the data.
   */
  public static String render(JsonNode data) {
    String lang = data.path("meta").path("lang").asText("en");
    if (!ReportData.LANGS.contains(lang)) {
      throw new IllegalArgumentException(
          "Cannot render report: no such report language (" + lang + ")");
    }
    JsonNode i18n = dictionary(lang);
    String title = i18n.path("page.title").asText("Marsad report");
    String runId = data.path("meta").path("run_id").asText("");
    if (!runId.isEmpty()) {
      title += " · " + runId;
    }
    Map<String, String> slots =
        Map.of(
            "title", escapeHtml(title),
            "lang", lang,
            "dir", lang.equals("ar") ? "rtl" : "ltr",
            "css", resource("marsad/report/report.css"),
            "data", json(data),
            "i18n", json(i18n),
            "world", json(readJson(resource("marsad/report/world.json"))),
            "echarts", inlineScript(resource(ECHARTS_RESOURCE)),
            "js", inlineScript(resource("marsad/report/report.js")));
    String template = resource("marsad/report/index.html");
    // One pass over the template only: a slot's value is never scanned for further slots.
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 1_200_000);
    while (m.find()) {
      String v = slots.get(m.group(1));
      if (v == null) {
        throw new IllegalStateException("Cannot render report: unknown slot " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The dictionary of the page's strings in {@code lang}. */
  static JsonNode dictionary(String lang) {
    return readJson(resource("marsad/report/i18n/" + lang + ".json"));
  }

  private static JsonNode readJson(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render report: bad JSON resource: " + e, e);
    }
  }

  /**
   * The data as JSON that is safe inside a {@code <script>} element: {@code <}, {@code >} and
   * {@code &} are written as Unicode escapes, so no string in the data can close the element, and
   * U+2028/U+2029 are escaped for old JavaScript parsers.
   */
  static String json(JsonNode data) {
    String s;
    try {
      s = new ObjectMapper().writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render report: " + e.getMessage(), e);
    }
    StringBuilder b = new StringBuilder(s.length() + 64);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Script text that cannot end its element early: {@code </script} becomes {@code <\/script},
   * which means the same inside JavaScript strings and regular expressions.
   */
  static String inlineScript(String js) {
    return SCRIPT_END.matcher(js).replaceAll("<\\\\/$1").replace("<!--", "<\\!--");
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** A UTF-8 resource of the classpath. */
  static String resource(String name) {
    ClassLoader cl = ReportHtml.class.getClassLoader();
    try (InputStream in = cl.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "Cannot render report: resource " + name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render report: cannot read " + name, e);
    }
  }
}
