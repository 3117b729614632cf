package org.marsad.states;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.pipeline.PairAttributes;

/** The GEXF networks, with and without the attributes another stage gives the pairs. */
@Tag("unit")
class NetworksTest {

  private static Row pair(String period, String a, String b, long co, double npmi) {
    return RowFactory.create(
        period, "document", a, b, co, 5L, 6L, 100L, 0.1, 0.2, 1.0, npmi, 2.0, 3.0, 0.4, 0.5);
  }

  private static final List<Row> STATES =
      List.of(
          RowFactory.create("IR", "IRN", "Iran", "إيران", "un_member"),
          RowFactory.create("SA", "SAU", "Saudi Arabia", "السعودية", "un_member"));

  @Test
  void edgesCarryTheGivenPairAttributes() {
    PairAttributes extra = new PairAttributes();
    extra.put("2024-01", "IR", "SA", "tone", -0.5);
    extra.put("2024-01", "IR", "SA", "conflict", 3);
    Map<String, String> files =
        Networks.files(List.of(pair("2024-01", "IR", "SA", 4, 0.25)), STATES, extra);
    String g = files.get("2024-01.gexf");
    assertThat(g)
        .contains("<attribute id=\"tone\" title=\"tone\" type=\"double\"/>")
        .contains("<attribute id=\"conflict\" title=\"conflict\" type=\"double\"/>")
        .contains(
            "<attvalue for=\"npmi\" value=\"0.250000\"/><attvalue for=\"conflict\""
                + " value=\"3.000000\"/><attvalue for=\"tone\" value=\"-0.500000\"/>")
        .contains("label=\"Saudi Arabia\"")
        .contains("value=\"السعودية\"");
  }

  @Test
  void withoutAttributesEdgesCarryNpmiOnly() {
    String g =
        Networks.files(List.of(pair("2024-01", "IR", "SA", 4, 0.25)), STATES).get("2024-01.gexf");
    assertThat(g)
        .contains(
            "<attributes class=\"edge\"><attribute id=\"npmi\" title=\"npmi\""
                + " type=\"double\"/></attributes>")
        .doesNotContain("tone");
  }
}
