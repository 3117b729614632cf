package org.marsad.io.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;
import org.marsad.catalog.Catalog;
import org.marsad.pipeline.Table;

/**
 * Values a Parquet table may hold and PostgreSQL must take, against the real server: an id of 3,500
 * characters, an unbroken term of 3,000, a long source, ids differing only by a NUL; a schema of an
 * earlier version (primary key and btree indexes on such text, views with other columns) migrated
 * by the next load; the views a BI user queries naively.
 */
@Tag("integration")
class PostgresValuesTest {

  static final String URL = System.getenv("MARSAD_TEST_JDBC_URL");
  static final String USER = System.getenv("MARSAD_TEST_JDBC_USER");
  static final String PASSWORD = System.getenv(PostgresTarget.PASSWORD_ENV);

  static String schema;
  static PostgresTarget target;

  static final Timestamp AT = Timestamp.from(Instant.parse("2021-03-03T00:00:00Z"));

  @BeforeAll
  static void connect() {
    if (URL == null || USER == null || PASSWORD == null) {
      fail("The PostgreSQL tests need a server: " + PostgresSinkTest.HOW);
    }
    byte[] b = new byte[4];
    new Random().nextBytes(b);
    schema = "marsad_v" + HexFormat.of().formatHex(b);
    target = new PostgresTarget(URL, schema, USER, null, null);
  }

  @AfterAll
  static void drop() throws SQLException {
    if (schema != null) {
      try (Connection c = db();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        s.execute("DROP SCHEMA IF EXISTS " + schema + "_staging CASCADE");
      }
    }
  }

  static Connection db() throws SQLException {
    return DriverManager.getConnection(URL, USER, PASSWORD);
  }

  static Dataset<Row> rows(Table t, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return SharedSpark.get().createDataFrame(list, t.schema());
  }

  static Map<String, Long> load(String runId, Map<String, Dataset<Row>> tables) {
    return PostgresSink.load(SharedSpark.get(), target, runId, tables);
  }

  static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  static Object[] doc(String id, String source) {
    return new Object[] {id, source, AT, "2021-03", "ar", "t", 3, null, id, null};
  }

  @Test
  void longIdsTermsAndSourcesAndIdsDifferingByANulLoadAndLoadAgainTheSame() throws Exception {
    String longId = "d".repeat(3_500);
    String longSource = "مصدر".repeat(750);
    String word = "ب".repeat(3_000);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(
        "documents",
        rows(
            Catalog.DOCUMENTS,
            doc(longId, longSource),
            doc("ab", "s"),
            doc("a\0b", "s"),
            doc("a\u24000b", "s")));
    tables.put(
        "term_frequencies",
        rows(
            Catalog.TERM_FREQUENCIES,
            new Object[] {"2021-03", longSource, "ar", word, word, 2L, 1L, 1L},
            new Object[] {"2021-03", "s", "ar", word, word, 1L, 1L, 1L}));
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThat(load("run-long", tables))
          .containsEntry("documents", 4L)
          .containsEntry("term_frequencies", 2L);
    }
    try (Connection c = db()) {
      assertThat(strings(c, "SELECT max(length(doc_id)) FROM " + schema + ".documents"))
          .containsExactly("3500");
      assertThat(strings(c, "SELECT doc_id FROM " + schema + ".documents WHERE length(doc_id) < 9"))
          .containsExactlyInAnyOrder("ab", "a\u24000b", "a\u2400\u24000b");
      assertThat(
              strings(
                  c,
                  "SELECT length(term) FROM "
                      + schema
                      + ".term_frequencies WHERE source = '"
                      + longSource
                      + "'"))
          .containsExactly("3000");
      // Naive equality on an id of any length uses its hash index.
      try (Statement s = c.createStatement()) {
        s.execute("SET enable_seqscan = off");
        String plan =
            String.join(
                "\n",
                strings(
                    c,
                    "EXPLAIN SELECT * FROM "
                        + schema
                        + ".documents WHERE doc_id = '"
                        + longId
                        + "'"));
        assertThat(plan).contains("documents_doc_id_hash");
      }
      assertThat(
              strings(
                  c,
                  "SELECT indexdef FROM pg_indexes WHERE schemaname = '"
                      + schema
                      + "' AND indexname = 'documents_key'"))
          .singleElement()
          .asString()
          .contains("CREATE UNIQUE INDEX", "md5(doc_id)");
      // The unique index does what the primary key did.
      assertThatThrownBy(
              () -> {
                try (Statement s = c.createStatement()) {
                  s.execute(
                      "INSERT INTO "
                          + schema
                          + ".documents (period, doc_id) VALUES ('2021-03', 'ab')");
                }
              })
          .hasMessageContaining("documents_key");
    }
  }

  @Test
  void aSchemaOfAnEarlierVersionIsMigratedByTheNextLoad() throws Exception {
    try (Connection c = db();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      s.execute("DROP TABLE IF EXISTS " + schema + ".stories CASCADE");
      s.execute(
          "CREATE TABLE "
              + schema
              + ".stories (story_id text, period text, first_doc_id text, first_published_at"
              + " timestamptz, first_source text, title text, docs bigint, sources integer,"
              + " span_hours double precision, PRIMARY KEY (period, story_id))");
      s.execute("CREATE INDEX stories_story_id_idx ON " + schema + ".stories (story_id)");
    }
    String longId = "s".repeat(3_500);
    assertThat(
            load(
                "run-migrate",
                Map.of(
                    "stories",
                    rows(
                        Catalog.STORIES,
                        new Object[] {longId, "2021-03", longId, AT, "src", "t", 2L, 2, 1.5}))))
        .containsEntry("stories", 1L);
    try (Connection c = db()) {
      assertThat(
              strings(
                  c,
                  "SELECT indexname FROM pg_indexes WHERE schemaname = '"
                      + schema
                      + "' AND tablename = 'stories' ORDER BY 1"))
          .containsExactly("stories_key", "stories_story_id_hash");
      assertThat(
              strings(
                  c,
                  "SELECT count(*) FROM pg_constraint WHERE conrelid = '"
                      + schema
                      + ".stories'::regclass AND contype = 'p'"))
          .containsExactly("0");
    }
  }

  @Test
  void theViewsGivePairsInBothOrdersNumericMeasuresMarkedEvidenceAndSortablePeriods()
      throws Exception {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(
        "states",
        rows(
            Catalog.STATES,
            new Object[] {"QA", "QAT", "Qatar", "قطر", "member"},
            new Object[] {"SA", "SAU", "Saudi Arabia", "السعودية", "member"}));
    tables.put(
        "state_comentions",
        rows(
            Catalog.STATE_COMENTIONS,
            comention("2021-02", 0.123456789, 0.8, 0.2),
            comention("2021-03", Double.NaN, 0.5, 0.25),
            comention("all", Double.POSITIVE_INFINITY, 0.6, 0.3)));
    String sentence = "😀 قالت السعودية إن قطر شريك";
    // 0-based UTF-16 offsets, as the table holds them: the emoji counts two units.
    int a = sentence.indexOf("قطر");
    int b = sentence.indexOf("السعودية");
    tables.put(
        "comention_evidence",
        rows(
            Catalog.COMENTION_EVIDENCE,
            new Object[] {
              "2021-03", "QA", "SA", 1, "d1", "src", AT, "d1", "text", sentence, a, a + 3, b, b + 8,
              null
            }));
    tables.put(
        "term_evidence",
        rows(
            Catalog.TERM_EVIDENCE,
            new Object[] {
              "2021-03", "ar", "قطر", "قطر", "top", 1, "d1", "src", AT, sentence, a, a + 3, null
            }));
    load("run-views", tables);
    try (Connection c = db();
        Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery(
              "SELECT partner, partner_name_ar, p_partner_given_state, docs_state, docs_partner"
                  + " FROM "
                  + schema
                  + ".v_state_pairs_both WHERE state = 'SA' AND period = '2021-02'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("QA");
        assertThat(r.getString(2)).isEqualTo("قطر");
        assertThat(r.getBigDecimal(3)).isEqualByComparingTo("0.2"); // p_a_given_b of (QA, SA)
        assertThat(r.getLong(4)).isEqualTo(40);
        assertThat(r.getLong(5)).isEqualTo(10);
        assertThat(r.next()).isFalse();
      }
      assertThat(
              strings(
                  c,
                  "SELECT count(*) FROM "
                      + schema
                      + ".v_state_pairs_both WHERE state = 'QA' AND partner = 'SA'"))
          .containsExactly("3");
      // round(x, 3) as a BI user writes it; NaN and infinity are NULL.
      assertThat(
              strings(
                  c,
                  "SELECT round(npmi, 3) FROM " + schema + ".v_state_pairs ORDER BY period_sort"))
          .containsExactly("0.123", null, null);
      assertThat(strings(c, "SELECT period FROM " + schema + ".v_state_pairs ORDER BY period_sort"))
          .containsExactly("2021-02", "2021-03", "all");
      assertThat(strings(c, "SELECT period_start FROM " + schema + ".v_state_pairs WHERE is_all"))
          .containsExactly((String) null);
      try (ResultSet r =
          s.executeQuery(
              "SELECT snippet, substr(sentence, a_substr_from, a_substr_length),"
                  + " substr(sentence, b_substr_from, b_substr_length) FROM "
                  + schema
                  + ".v_pair_evidence")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("«😀 قالت [السعودية] إن [قطر] شريك»");
        assertThat(r.getString(2)).isEqualTo("قطر");
        assertThat(r.getString(3)).isEqualTo("السعودية");
      }
      assertThat(
              strings(
                  c,
                  "SELECT substr(sentence, term_substr_from, term_substr_length) || ' '"
                      + " || snippet FROM "
                      + schema
                      + ".v_term_evidence"))
          .containsExactly("قطر «😀 قالت السعودية إن [قطر] شريك»");
      try (ResultSet r =
          s.executeQuery(
              "SELECT npmi FROM " + schema + ".v_state_pairs WHERE period = '2021-02'")) {
        assertThat(r.getMetaData().getColumnTypeName(1)).isEqualTo("numeric");
        assertThat(r.next()).isTrue();
        assertThat(r.getBigDecimal(1)).isInstanceOf(BigDecimal.class);
      }
    }
  }

  private static Object[] comention(String period, double npmi, double pba, double pab) {
    return new Object[] {
      period, "document", "QA", "SA", 8L, 10L, 40L, 100L, 0.2, 0.3, 1.1, npmi, 2.0, 5.5, pba, pab
    };
  }

  @Test
  void aViewWhoseColumnsChangedIsCreatedAnewAndAViewOfTheUsersOnItIsNamed() throws Exception {
    try (Connection c = db();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      s.execute("DROP VIEW IF EXISTS " + schema + ".v_mine");
      s.execute(
          "CREATE OR REPLACE VIEW "
              + schema
              + ".v_top_terms AS SELECT 'x'::text AS period, 1.5::float8 AS g2");
    }
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(
        "term_frequencies",
        rows(Catalog.TERM_FREQUENCIES, new Object[] {"2021-03", "s", "ar", "t", "t", 2L, 1L, 1L}));
    tables.put(
        "term_keyness",
        rows(Catalog.TERM_KEYNESS, new Object[] {"2021-03", "ar", "t", "t", 2L, 1L, 3.5, 0.5}));
    load("run-reshape", tables);
    try (Connection c = db()) {
      assertThat(strings(c, "SELECT round(g2, 1) FROM " + schema + ".v_top_terms"))
          .containsExactly("3.5");
      try (Statement s = c.createStatement()) {
        s.execute("CREATE VIEW " + schema + ".v_mine AS SELECT g2 FROM " + schema + ".v_top_terms");
        // an older shape again, so that the next load must drop v_top_terms
        s.execute("DROP VIEW " + schema + ".v_mine");
        s.execute("DROP VIEW " + schema + ".v_top_terms");
        s.execute(
            "CREATE VIEW "
                + schema
                + ".v_top_terms AS SELECT 'x'::text AS period, 1.5::float8 AS g2");
        s.execute("CREATE VIEW " + schema + ".v_mine AS SELECT g2 FROM " + schema + ".v_top_terms");
      }
    }
    try {
      assertThatThrownBy(() -> load("run-reshape-2", tables))
          .hasMessageContaining(
              "views.sql, v_top_terms: its columns changed, and other views depend")
          .hasMessageContaining("v_mine")
          .hasMessageEndingWith("; the tables there are unchanged");
    } finally {
      try (Connection c = db();
          Statement s = c.createStatement()) {
        s.execute("DROP VIEW IF EXISTS " + schema + ".v_mine");
        s.execute("DROP VIEW IF EXISTS " + schema + ".v_top_terms");
      }
    }
  }
}
