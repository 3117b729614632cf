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
  void aDollarQuotedBodyEndsOnlyWithItsTag() {
    assertThat(ViewScript.dollarQuote("AS $$", null)).isEqualTo("$$");
    assertThat(ViewScript.dollarQuote("  x := 1;", "$$")).isEqualTo("$$");
    assertThat(ViewScript.dollarQuote("$$;", "$$")).isNull();
    assertThat(ViewScript.dollarQuote("AS $body$ SELECT '$$' $body$;", null)).isNull();
    assertThat(ViewScript.dollarQuote("SELECT ${schema}.f(x);", null)).isNull();
    List<ViewScript.Statement> s =
        ViewScript.parse(
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND\n$$;\n"
                + "CREATE VIEW v AS SELECT 1;\n",
            "s");
    assertThat(s).extracting(ViewScript.Statement::name).containsExactly("f", "v");
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
            "period_sort",
            "num",
            "char_pos",
            "marked_snippet",
            "v_state_pairs",
            "v_state_pairs_both",
            "v_state_mentions_monthly",
            "v_top_terms",
            "v_topic_prevalence",
            "v_pair_evidence",
            "v_term_evidence",
            "v_state_trends",
            "v_stories",
            "v_pair_relations",
            "v_relation_evidence");
    java.util.Map<String, ViewScript.Statement> by = new java.util.HashMap<>();
    s.forEach(st -> by.put(st.name(), st));
    assertThat(by.get("char_pos").sql())
        .as("a function body with ; inside its lines is one statement")
        .contains("DECLARE", "END LOOP;", "RETURN i + 1;")
        .endsWith("$$");
    assertThat(by.get("char_pos").isView()).isFalse();
    assertThat(by.get("v_state_pairs").isView()).isTrue();
    assertThat(by.get("v_state_pairs").requires())
        .containsExactlyInAnyOrder("state_comentions", "states");
    assertThat(by.get("v_state_pairs").sql())
        .contains("\"marsad\".num(c.npmi) AS npmi", "c.period = 'all' AS is_all");
    assertThat(by.get("v_topic_prevalence").requires())
        .containsExactlyInAnyOrder("topic_trends", "topic_summary", "topics");
    assertThat(by.get("v_pair_evidence").requires())
        .containsExactlyInAnyOrder("comention_evidence", "states");
    assertThat(by.get("v_pair_evidence").sql())
        .contains("a.name_ar AS name_ar_a", "b.name_en AS name_en_b", "e.sentence", "e.b_end")
        .contains("AS snippet", "p.a_from AS a_substr_from")
        .contains("\"marsad\".period_start(e.period) AS period_start");
    assertThat(by.get("v_term_evidence").requires()).containsExactly("term_evidence");
    assertThat(by.get("v_state_trends").requires())
        .containsExactlyInAnyOrder("state_trends", "states");
    assertThat(by.get("v_state_trends").sql())
        .contains("s.name_en, s.name_ar", "t.share_change", "t.burst")
        .contains("\"marsad\".period_start(t.period) AS period_start");
    assertThat(by.get("v_stories").requires()).containsExactlyInAnyOrder("stories", "documents");
    assertThat(by.get("v_pair_relations").requires())
        .containsExactlyInAnyOrder("comention_relations", "states");
    assertThat(by.get("v_relation_evidence").requires())
        .containsExactlyInAnyOrder("relation_evidence", "states");
    assertThat(s).allSatisfy(st -> assertThat(st.sql()).doesNotContain("${schema}"));
  }
}
