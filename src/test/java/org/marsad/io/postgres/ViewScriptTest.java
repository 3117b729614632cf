package org.marsad.io.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.text.WordLists;

@Tag("unit")
class ViewScriptTest {

  @Test
  void requiresLinesAttachToTheNextStatementAndSchemaIsReplaced() {
    List<ViewScript.Statement> s =
        ViewScript.parse(
            "-- header\n\n-- requires: a, b\nCREATE OR REPLACE VIEW ${schema}.v1 AS\n"
                + "SELECT 1 -- comment; inside\nFROM ${schema}.a;\n"
                + "-- requires:\nCREATE VIEW ${schema}.v2 AS SELECT 2;\n",
            "\"m\"");
    assertThat(s).hasSize(2);
    assertThat(s.get(0).requires()).isEqualTo(Set.of("a", "b"));
    assertThat(s.get(0).sql())
        .isEqualTo("CREATE OR REPLACE VIEW \"m\".v1 AS\nSELECT 1 -- comment; inside\nFROM \"m\".a");
    assertThat(s.get(0).name()).isEqualTo("v1");
    assertThat(s.get(1).requires()).isEmpty();
    assertThat(s.get(1).name()).isEqualTo("v2");
  }

  @Test
  void anUnterminatedStatementIsAnError() {
    assertThatThrownBy(() -> ViewScript.parse("CREATE VIEW x AS SELECT 1", "s"))
        .hasMessage("Cannot read the views script: the last statement has no closing ';'");
  }

  @Test
  void thePackagedViewsNameTheTablesTheyRead() throws Exception {
    String script;
    try (InputStream in = WordLists.open("sql/views.sql", null)) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<ViewScript.Statement> s = ViewScript.parse(script, "\"marsad\"");
    assertThat(s)
        .extracting(ViewScript.Statement::name)
        .containsExactly(
            "period_start",
            "v_state_pairs",
            "v_state_mentions_monthly",
            "v_top_terms",
            "v_topic_prevalence",
            "v_pair_evidence",
            "v_state_trends",
            "v_stories");
    assertThat(s.get(1).requires()).containsExactlyInAnyOrder("state_comentions", "states");
    assertThat(s.get(4).requires())
        .containsExactlyInAnyOrder("topic_trends", "topic_summary", "topics");
    assertThat(s.get(5).requires()).containsExactlyInAnyOrder("comention_evidence", "states");
    assertThat(s.get(5).sql())
        .contains("a.name_ar AS name_ar_a", "b.name_en AS name_en_b", "e.sentence", "e.b_end")
        .contains("\"marsad\".period_start(e.period) AS period_start");
    assertThat(s.get(6).requires()).containsExactlyInAnyOrder("state_trends", "states");
    assertThat(s.get(6).sql())
        .contains("s.name_en, s.name_ar", "t.share_change", "t.burst")
        .contains("\"marsad\".period_start(t.period) AS period_start");
    assertThat(s.get(7).requires()).containsExactlyInAnyOrder("stories", "documents");
    assertThat(s).allSatisfy(st -> assertThat(st.sql()).doesNotContain("${schema}"));
  }
}
