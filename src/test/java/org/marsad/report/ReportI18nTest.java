package org.marsad.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every word of the page comes from one dictionary per language: both dictionaries have the same
 * keys and placeholders, and every key the script and the template use is in them.
 */
@Tag("unit")
class ReportI18nTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  @Test
  void arabicAndEnglishHaveTheSameKeysAndPlaceholders() {
    JsonNode en = ReportHtml.dictionary("en");
    JsonNode ar = ReportHtml.dictionary("ar");
    assertThat(names(ar)).isEqualTo(names(en));
    List<String> differ = new ArrayList<>();
    en.fieldNames()
        .forEachRemaining(
            k -> {
              // A singular form may leave the number out ("وثيقة واحدة").
              if (!k.endsWith(".one")
                  && !placeholders(en.get(k).asText()).equals(placeholders(ar.get(k).asText()))) {
                differ.add(k);
              }
            });
    assertThat(differ).isEmpty();
  }

  @Test
  void everyKeyTheScriptAndTemplateUseIsInTheDictionaries() {
    Set<String> keys = names(ReportHtml.dictionary("en"));
    String js = ReportHtml.resource("marsad/report/report.js");
    String html = ReportHtml.resource("marsad/report/index.html");
    Set<String> used = new TreeSet<>();
    Matcher t = Pattern.compile("\\bT\\('([a-z0-9_.]+)'").matcher(js);
    while (t.find()) {
      if (!t.group(1).endsWith(".")) {
        used.add(t.group(1));
      }
    }
    Matcher tn = Pattern.compile("\\bTN\\('([a-z0-9_.]+)'").matcher(js);
    while (tn.find()) {
      used.add(tn.group(1) + ".one");
      used.add(tn.group(1) + ".other");
    }
    Matcher h = Pattern.compile("data-i18n(?:-label)?=\"([a-z0-9_.]+)\"").matcher(html);
    while (h.find()) {
      used.add(h.group(1));
    }
    assertThat(used).hasSizeGreaterThan(150);
    assertThat(keys).containsAll(used);
    for (String kind : List.of("day", "week", "month", "year")) {
      assertThat(keys).contains("kind." + kind);
    }
    for (String mode : List.of("near", "exact", "none")) {
      assertThat(keys).contains("mode." + mode);
    }
  }

  @Test
  void thePageCarriesItsLanguageAndDirection() {
    ReportInputs in = ReportInputsFixture.inputs();
    String ar = ReportHtml.render(ReportData.build(in, "ar"));
    String en = ReportHtml.render(ReportData.build(in, "en"));
    assertThat(ar)
        .contains("<html lang=\"ar\" dir=\"rtl\">")
        .contains("<title>تقرير مرصد · r1</title>");
    assertThat(en)
        .contains("<html lang=\"en\" dir=\"ltr\">")
        .contains("<title>Marsad report · r1</title>");
    assertThat(ar)
        .contains("\"page.title\":\"تقرير مرصد\"")
        .doesNotContain("\"page.footer\":\"Made by");
    assertThat(en).contains("id=\"marsad-world\"").contains("\"points\":{");
  }

  private static Set<String> names(JsonNode n) {
    Set<String> s = new TreeSet<>();
    n.fieldNames().forEachRemaining(s::add);
    return s;
  }

  private static Set<String> placeholders(String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
