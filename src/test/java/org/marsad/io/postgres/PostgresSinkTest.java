package org.marsad.io.postgres;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.corpus.CorpusOptions;
import org.marsad.jobs.JobConfig;
import org.marsad.jobs.JobResult;
import org.marsad.jobs.JobTestSupport;
import org.marsad.jobs.MarsadJob;
import org.marsad.report.EvidenceFixture;

/**
 * The sink against a real PostgreSQL server: the sample run lands typed and the views join names;
 * loading again changes nothing; re-running one month replaces exactly that month; a real CLI
 * process killed inside its load transaction leaves every table as it was. The server comes from
 * {@code .ci/run} ({@code source .ci/postgres} locally); without it these tests fail, they do not
 * skip. Each run uses a schema of its own, dropped at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("integration")
class PostgresSinkTest {

  static final String URL = System.getenv("MARSAD_TEST_JDBC_URL");
  static final String USER = System.getenv("MARSAD_TEST_JDBC_USER");
  static final String PASSWORD = System.getenv(PostgresTarget.PASSWORD_ENV);
  static final String HOW =
      "start it with `source .ci/postgres` (as root: installs and starts Debian's postgresql,"
          + " creates the test role and database, exports MARSAD_TEST_JDBC_URL,"
          + " MARSAD_TEST_JDBC_USER and MARSAD_JDBC_PASSWORD), then run the tests from that shell";

  @TempDir static Path tmp;
  static String schema;
  static PostgresTarget target;
  static String sample;
  static String out;
  static JobResult result;

  @BeforeAll
  static void loadTheSampleRun() throws Exception {
    if (URL == null || USER == null || PASSWORD == null) {
      fail("The PostgreSQL tests need a server and its connection in the environment: " + HOW);
    }
    try (Connection c = db()) {
      assertThat(c.isValid(5)).isTrue();
    } catch (SQLException e) {
      fail("PostgreSQL unreachable at " + URL + " (" + e.getMessage() + "): " + HOW);
    }
    schema = "marsad_t" + HexFormat.of().formatHex(randomBytes());
    // The user and password come from a --jdbc-properties file here, from the environment in the
    // CLI process of the kill test.
    Path props = tmp.resolve("pg.properties");
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("password", PASSWORD);
    try (var w = Files.newBufferedWriter(props, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
    target = new PostgresTarget(URL, schema, null, props.toString(), null);
    sample = SharedSpark.repo().resolve("sample-data/corpus").toString();
    out = tmp.resolve("out").toString();
    result = run(sample, out);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[4];
    new Random().nextBytes(b);
    return b;
  }

  @AfterAll
  static void dropTheSchemas() throws SQLException {
    if (schema != null) {
      try (Connection c = db();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        s.execute("DROP SCHEMA IF EXISTS " + schema + "_staging CASCADE");
      }
    }
  }

  static JobResult run(String input, String output) {
    JobConfig config =
        JobTestSupport.config(input, output, CorpusOptions.defaults()).withPostgres(target);
    return MarsadJob.run(SharedSpark.get(), config, MarsadJob.ALL, "test");
  }

  static Connection db() throws SQLException {
    return DriverManager.getConnection(URL, USER, PASSWORD);
  }

  @Test
  @Order(1)
  void everyTableLandsWithTypedColumnsAndTheViewsJoinNames() throws Exception {
    try (Connection c = db()) {
      for (Map.Entry<String, Long> t : result.tables().entrySet()) {
        assertThat(count(c, "SELECT count(*) FROM " + schema + "." + t.getKey()))
            .as(t.getKey())
            .isEqualTo(t.getValue());
      }
      assertThat(columnType(c, "documents", "published_at")).isEqualTo("timestamp with time zone");
      assertThat(columnType(c, "state_comentions", "npmi")).isEqualTo("double precision");
      assertThat(columnType(c, "state_counts", "docs")).isEqualTo("bigint");
      assertThat(columnType(c, "documents", "n_tokens")).isEqualTo("integer");
      assertThat(primaryKey(c, "state_comentions"))
          .containsExactly("period", "scope", "state_a", "state_b");
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT published_at FROM "
                      + schema
                      + ".documents WHERE doc_id = '000_316ae984aebcec15'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getObject(1, OffsetDateTime.class).toInstant())
            .isEqualTo(Instant.parse("2021-09-16T00:00:00Z"));
      }
      double npmi =
          JobTestSupport.table(out, "state_comentions")
              .filter(
                  "period = '2021-09' AND scope = 'document' AND state_a = 'KZ' AND state_b = 'RU'")
              .select("npmi")
              .as(Encoders.DOUBLE())
              .first();
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT name_ar_a, name_en_a, name_ar_b, name_en_b, npmi, period_start FROM "
                      + schema
                      + ".v_state_pairs WHERE period = '2021-09' AND scope = 'document'"
                      + " AND state_a = 'KZ' AND state_b = 'RU'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("كازاخستان");
        assertThat(r.getString(2)).isEqualTo("Kazakhstan");
        assertThat(r.getString(3)).isEqualTo("روسيا");
        assertThat(r.getString(4)).isEqualTo("Russia");
        // numeric in the view (round(npmi, 3) works; 15 significant digits), the exact double
        // in the table
        assertThat(r.getMetaData().getColumnType(5)).isEqualTo(Types.NUMERIC);
        assertThat(r.getBigDecimal(5).doubleValue()).isCloseTo(npmi, within(1e-14));
        assertThat(r.getDate(6).toString()).isEqualTo("2021-09-01");
        assertThat(r.next()).isFalse();
      }
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT name_ar, sum(docs) FROM "
                      + schema
                      + ".v_state_mentions_monthly WHERE period = '2021-09' AND state = 'TJ'"
                      + " GROUP BY name_ar")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("طاجيكستان");
        assertThat(r.getLong(2)).isEqualTo(1);
      }
      String top =
          JobTestSupport.table(out, "term_frequencies")
              .filter("period = '2017-02' AND lang = 'ar'")
              .groupBy("term")
              .agg(
                  functions.sum("term_count").as("n"),
                  functions.sum("doc_count").as("d"),
                  functions.max("label").as("label"))
              .orderBy(col("n").desc(), col("d").desc(), col("term"))
              .select("label")
              .as(Encoders.STRING())
              .first();
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT label FROM "
                      + schema
                      + ".v_top_terms WHERE period = '2017-02' AND lang = 'ar' AND rank = 1")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo(top);
      }
      // the run has topic tables: the topic view joins their labels
      assertThat(exists(c, schema + ".v_topic_prevalence")).isTrue();
      assertThat(count(c, "SELECT count(*) FROM " + schema + ".v_topic_prevalence")).isPositive();
      assertThat(exists(c, schema + ".v_top_terms")).isTrue();
    }
    String manifest = Files.readString(Path.of(out, "_manifest.json"), StandardCharsets.UTF_8);
    assertThat(manifest).contains("\"postgres\" :").doesNotContain(PASSWORD);
  }

  @Test
  @Order(2)
  void everyValueRoundTrips() throws Exception {
    List<String> spark = new ArrayList<>();
    for (Row r :
        JobTestSupport.table(out, "state_comentions")
            .select("period", "scope", "state_a", "state_b", "co_docs", "npmi", "llr")
            .collectAsList()) {
      spark.add(r.mkString("|"));
    }
    List<String> pg = new ArrayList<>();
    try (Connection c = db();
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT period, scope, state_a, state_b, co_docs, npmi, llr FROM "
                        + schema
                        + ".state_comentions")) {
      while (r.next()) {
        pg.add(
            String.join(
                "|",
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                Long.toString(r.getLong(5)),
                Double.toString(r.getDouble(6)),
                Double.toString(r.getDouble(7))));
      }
    }
    // Every row of the Parquet table, no more (the count itself is the golden test's business).
    assertThat(spark).hasSizeGreaterThan(1000);
    assertThat(pg).containsExactlyInAnyOrderElementsOf(spark);
    List<String> titles =
        JobTestSupport.table(out, "documents")
            .select(functions.coalesce(col("title"), functions.lit("<null>")))
            .as(Encoders.STRING())
            .collectAsList();
    List<String> pgTitles = new ArrayList<>();
    try (Connection c = db();
        ResultSet r =
            c.createStatement()
                .executeQuery("SELECT coalesce(title, '<null>') FROM " + schema + ".documents")) {
      while (r.next()) {
        pgTitles.add(r.getString(1));
      }
    }
    assertThat(pgTitles).containsExactlyInAnyOrderElementsOf(titles);
  }

  @Test
  @Order(3)
  void loadingTheSameRunAgainChangesNoRow() throws Exception {
    Map<String, String> before = fingerprints(false);
    PostgresSink.loadOutput(SharedSpark.get(), target, "rerun-1", out, result.tables().keySet());
    Map<String, String> after = fingerprints(false);
    assertThat(after.remove("marsad_loads/*")).isNotEqualTo(before.remove("marsad_loads/*"));
    assertThat(after).isEqualTo(before);
    try (Connection c = db()) {
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM "
                      + schema
                      + ".marsad_loads WHERE run_id = 'rerun-1' AND rows_deleted = rows_inserted"))
          .isEqualTo(result.tables().size());
    }
  }

  @Test
  @Order(4)
  void reRunningOneMonthReplacesExactlyThatMonth() throws Exception {
    String month = "2017-03";
    List<String> ids = docIds(month).subList(0, 30);
    String subset = subsetCorpus("march", ids);
    Map<String, String> before = fingerprints(true);
    String out2 = tmp.resolve("out-march").toString();
    JobResult r2 = run(subset, out2);
    assertThat(r2.documents()).isEqualTo(30);
    Map<String, String> after = fingerprints(true);
    for (String key : before.keySet()) {
      String period = key.substring(key.indexOf('/') + 1);
      String table = key.substring(0, key.indexOf('/'));
      // topic tables are replaced whole (topic ids belong to one run's model): checked below
      boolean topicTable = table.startsWith("topic") || table.equals("document_topics");
      if (!topicTable && !period.equals(month) && !period.equals("all") && !period.equals("*")) {
        assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
      }
    }
    try (Connection c = db()) {
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM " + schema + ".documents WHERE period = '" + month + "'"))
          .isEqualTo(30);
      assertThat(count(c, "SELECT count(*) - count(DISTINCT doc_id) FROM " + schema + ".documents"))
          .isZero();
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM "
                      + schema
                      + ".term_frequencies WHERE period = '"
                      + month
                      + "'"))
          .isEqualTo(JobTestSupport.table(out2, "term_frequencies").count());
      // a one-month run has no keyness: the month's old keyness rows go (the run's periods are
      // those of its documents), the other months' stay
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM "
                      + schema
                      + ".term_keyness WHERE period = '"
                      + month
                      + "'"))
          .isZero();
      assertThat(count(c, "SELECT count(*) FROM " + schema + ".term_keyness")).isPositive();
      // tables without periods hold the last run's rows
      assertThat(count(c, "SELECT count(*) FROM " + schema + ".collocations"))
          .isEqualTo(r2.tables().get("collocations"));
      // so are the topic tables, periods or not: only the new run's model and months remain
      assertThat(count(c, "SELECT count(*) FROM " + schema + ".document_topics"))
          .isEqualTo(r2.tables().get("document_topics"));
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM "
                      + schema
                      + ".document_topics WHERE period <> '"
                      + month
                      + "'"))
          .isZero();
    }
  }

  @Test
  @Order(5)
  void aCliProcessKilledInsideItsLoadTransactionLeavesEveryTableAsItWas() throws Exception {
    String subset = subsetCorpus("january", docIds("2017-01").subList(0, 20));
    Map<String, String> before = fingerprints(false);
    Path log = tmp.resolve("child.log");
    Process child;
    String runId;
    try (Connection lock = db()) {
      // Hold a lock that the load's DELETE on the last table waits for: the child is then inside
      // its one transaction, with the other tables already replaced but not committed.
      lock.setAutoCommit(false);
      lock.createStatement().execute("LOCK TABLE " + schema + ".state_comentions IN SHARE MODE");
      child = startCli(subset, tmp.resolve("out-child").toString(), log);
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(400);
        String[] waiting = null;
        while (waiting == null) {
          if (!child.isAlive()) {
            fail("The CLI process ended before loading: " + tail(log));
          }
          if (System.nanoTime() > deadline) {
            fail("The CLI process never reached the load transaction: " + tail(log));
          }
          Thread.sleep(200);
          waiting = waitingLoad();
        }
        runId = waiting[1].substring("marsad ".length());
        // the killed transaction had already replaced 'documents' (it holds its write lock)
        assertThat(holdsWriteLock(Integer.parseInt(waiting[0]), "documents")).isTrue();
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      lock.rollback();
    }
    awaitBackendsGone(runId);
    assertThat(fingerprints(false)).isEqualTo(before);
    String tag = runId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    assertThat(stagingTables()).isNotEmpty().allMatch(t -> t.startsWith("stg_" + tag + "_"));
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("[postgres] staged documents")
        .contains("jdbc-password=(redacted, from MARSAD_JDBC_PASSWORD)")
        .doesNotContain(PASSWORD);
    // the manifest (written with the Parquet commit, before the load) redacts it too
    assertThat(Files.readString(tmp.resolve("out-child/_manifest.json"), StandardCharsets.UTF_8))
        .contains("\"jdbc-password\" : \"(redacted, from MARSAD_JDBC_PASSWORD)\"")
        .doesNotContain("\"postgres\" :")
        .doesNotContain(PASSWORD);

    // the next load drops the killed run's staging tables
    PostgresSink.loadOutput(SharedSpark.get(), target, "after-kill", out, result.tables().keySet());
    assertThat(stagingTables()).isEmpty();
    try (Connection c = db()) {
      assertThat(count(c, "SELECT count(*) FROM " + schema + ".documents"))
          .isEqualTo(result.documents());
    }
  }

  @Test
  @Order(6)
  void topicTablesLoadWholeAndTheirViewAppears() throws Exception {
    var spark = SharedSpark.get();
    Dataset<Row> topics =
        spark.sql(
            "SELECT * FROM VALUES (0, 0, 'امن', 'الأمن', 0.5D), (0, 1, 'شرط', 'الشرطة', 0.3D),"
                + " (1, 0, 'فسفاط', 'الفسفاط', 0.9D) AS t(topic_id, rank, term, label, weight)");
    Dataset<Row> summary =
        spark.sql(
            "SELECT * FROM VALUES (0, 'أمن', 0.21D, 0.6D, array('d1', 'd2')),"
                + " (1, 'فسفاط', 0.3D, 0.4D, array('d3')) AS t(topic_id, label, npmi, prevalence,"
                + " top_doc_ids)");
    Dataset<Row> trends =
        spark.sql(
            "SELECT * FROM VALUES ('2017-03', 'a', 0, 3L, 3.0D, 0.75D), ('2017-03', 'b', 1, 1L,"
                + " 1.0D, 0.25D), ('2017-04', 'a', 1, 2L, 2.0D, 1.0D) AS t(period, source,"
                + " topic_id, docs, weight_sum, share)");
    Dataset<Row> sweep =
        spark.sql(
            "SELECT * FROM VALUES (2, 0.2D, 0.9D, 1.5D, true) AS t(k, npmi, diversity,"
                + " seconds, chosen)");
    Map<String, Dataset<Row>> tables = new java.util.LinkedHashMap<>();
    tables.put("topics", topics);
    tables.put("topic_summary", summary);
    tables.put("topic_trends", trends);
    tables.put("topic_sweep", sweep);
    PostgresSink.load(spark, target, "topics-1", tables);
    // a second model of two topics replaces the first whole, also in months it does not cover
    PostgresSink.load(spark, target, "topics-2", tables);
    try (Connection c = db()) {
      assertThat(columnType(c, "topic_summary", "top_doc_ids")).isEqualTo("ARRAY");
      assertThat(columnType(c, "topic_sweep", "chosen")).isEqualTo("boolean");
      assertThat(count(c, "SELECT count(*) FROM " + schema + ".topic_trends")).isEqualTo(3);
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT label, top_terms, docs, share FROM "
                      + schema
                      + ".v_topic_prevalence WHERE period = '2017-03' ORDER BY topic_id")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("أمن");
        assertThat(r.getString(2)).isEqualTo("الأمن, الشرطة");
        assertThat(r.getLong(3)).isEqualTo(3);
        assertThat(r.getDouble(4)).isEqualTo(0.75);
        assertThat(r.next()).isTrue();
        assertThat(r.getDouble(4)).isEqualTo(0.25);
      }
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT top_doc_ids FROM " + schema + ".topic_summary WHERE topic_id = 0")) {
        assertThat(r.next()).isTrue();
        assertThat((String[]) r.getArray(1).getArray()).containsExactly("d1", "d2");
      }
    }
  }

  @Test
  @Order(7)
  void aRefusedLoginNamesTheUserAndNotThePassword() {
    PostgresTarget wrong = new PostgresTarget(URL, schema, "marsad_nobody", null, null);
    assertThatThrownBy(() -> PostgresSink.load(SharedSpark.get(), wrong, "x", Map.of()))
        .hasMessageStartingWith("Cannot connect to PostgreSQL (")
        .hasMessageContaining("as marsad_nobody")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  @Order(8)
  void evidenceAndTrendTablesLoadByPeriodAndTheirViewsJoinNames() throws Exception {
    var spark = SharedSpark.get();
    Path fixture = tmp.resolve("evidence-fixture");
    EvidenceFixture.write(spark, fixture);
    // Only the new tables: the sample run's states table has the names the views join.
    Map<String, Dataset<Row>> tables = new java.util.LinkedHashMap<>();
    for (String t :
        List.of(
            "comention_evidence",
            "term_evidence",
            "state_trends",
            "comention_trends",
            "term_trends")) {
      tables.put(t, spark.read().parquet(fixture.resolve(t).toString()));
    }
    PostgresSink.load(spark, target, "evidence-1", tables);
    try (Connection c = db()) {
      assertThat(primaryKey(c, "comention_evidence"))
          .containsExactly("period", "state_a", "state_b", "rank");
      assertThat(primaryKey(c, "state_trends")).containsExactly("period", "state");
      assertThat(columnType(c, "comention_evidence", "published_at"))
          .isEqualTo("timestamp with time zone");
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT name_en_a, name_ar_b, sentence, snippet, a_substr_from, b_substr_from,"
                      + " is_all, period_start, substr(sentence, a_substr_from, a_substr_length),"
                      + " substr(sentence, b_substr_from, b_substr_length) FROM "
                      + schema
                      + ".v_pair_evidence WHERE period = '2017-03' AND state_a = 'IR'"
                      + " AND state_b = 'SY' ORDER BY rank")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("Iran");
        assertThat(r.getString(2)).isEqualTo("سوريا");
        assertThat(r.getString(3)).isEqualTo(EvidenceFixture.HOSTILE);
        assertThat(r.getString(4)).contains("[إيران]", "[سوريا]").startsWith("«").endsWith("»");
        assertThat(r.getBoolean(7)).isFalse();
        assertThat(r.getDate(8).toString()).isEqualTo("2017-03-01");
        assertThat(r.getString(9)).isEqualTo("إيران");
        assertThat(r.getString(10)).isEqualTo("سوريا");
        assertThat(r.next()).isTrue();
        assertThat(r.next()).isTrue();
        assertThat(r.next()).isFalse();
      }
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT name_en, name_ar, docs, share_of_docs, share_change, burst, period_start"
                      + " FROM "
                      + schema
                      + ".v_state_trends WHERE period = '2017-03' AND state = 'IR'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("Iran");
        assertThat(r.getString(2)).isEqualTo("إيران");
        assertThat(r.getLong(3)).isEqualTo(14);
        assertThat(r.getDouble(4)).isEqualTo(0.7);
        assertThat(r.getDouble(5)).isCloseTo(0.55, within(1e-12));
        assertThat(r.getBoolean(6)).isTrue();
        assertThat(r.getDate(7).toString()).isEqualTo("2017-03-01");
      }
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM "
                      + schema
                      + ".v_state_trends WHERE period = '2017-01' AND share_change IS NULL"))
          .as("December 2016 had no documents")
          .isEqualTo(5);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Per table (or per table and period): row count and an md5 of all rows. */
  static Map<String, String> fingerprints(boolean byPeriod) throws SQLException {
    Map<String, String> f = new TreeMap<>();
    try (Connection c = db()) {
      List<String> tables = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                  + " AND table_type = 'BASE TABLE'")) {
        ps.setString(1, schema);
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            tables.add(r.getString(1));
          }
        }
      }
      for (String t : tables) {
        boolean hasPeriod = byPeriod && columnType(c, t, "period") != null;
        String group = hasPeriod ? "period" : "'*'";
        try (ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT "
                        + group
                        + ", count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "
                        + schema
                        + "."
                        + t
                        + " t GROUP BY 1")) {
          while (r.next()) {
            f.put(t + "/" + r.getString(1), r.getLong(2) + ":" + r.getString(3));
          }
        }
      }
    }
    return f;
  }

  static List<String> docIds(String period) {
    return JobTestSupport.table(out, "documents")
        .filter(col("period").equalTo(period))
        .select("doc_id")
        .orderBy("doc_id")
        .as(Encoders.STRING())
        .collectAsList();
  }

  static String subsetCorpus(String name, List<String> ids) {
    String path = tmp.resolve("corpus-" + name).toString();
    SharedSpark.get()
        .read()
        .parquet(sample)
        .filter(col("id").isin(ids.toArray()))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(path);
    return path;
  }

  static Process startCli(String input, String output, Path log) throws IOException {
    return org.marsad.io.MarsadProcess.start(
        SharedSpark.repo(),
        log,
        List.of("-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1"),
        Map.of(PostgresTarget.PASSWORD_ENV, PASSWORD),
        "run",
        "--master",
        "local[2]",
        "--input",
        input,
        "--output",
        output,
        "--jdbc-url",
        URL,
        "--jdbc-user",
        USER,
        "--jdbc-schema",
        schema);
  }

  /** {pid, application_name} of a Marsad load waiting on a lock, or null. */
  static String[] waitingLoad() throws SQLException {
    try (Connection c = db();
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT pid, application_name FROM pg_stat_activity WHERE application_name"
                        + " LIKE 'marsad %' AND wait_event_type = 'Lock'"
                        + " AND datname = current_database()")) {
      return r.next() ? new String[] {r.getString(1), r.getString(2)} : null;
    }
  }

  static boolean holdsWriteLock(int pid, String table) throws SQLException {
    try (Connection c = db();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE pid = ? AND granted AND mode ="
                    + " 'RowExclusiveLock' AND relation = (? || '.' || ?)::regclass")) {
      ps.setInt(1, pid);
      ps.setString(2, schema);
      ps.setString(3, table);
      try (ResultSet r = ps.executeQuery()) {
        r.next();
        return r.getLong(1) > 0;
      }
    }
  }

  static void awaitBackendsGone(String runId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Connection c = db();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
        ps.setString(1, "marsad " + runId);
        try (ResultSet r = ps.executeQuery()) {
          r.next();
          if (r.getLong(1) == 0) {
            return;
          }
        }
      }
      if (System.nanoTime() > deadline) {
        fail("The killed load's server processes are still there after 60 s");
      }
      Thread.sleep(200);
    }
  }

  static List<String> stagingTables() throws SQLException {
    List<String> t = new ArrayList<>();
    try (Connection c = db();
        PreparedStatement ps =
            c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
      ps.setString(1, schema + "_staging");
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          t.add(r.getString(1));
        }
      }
    }
    return t;
  }

  static long count(Connection c, String sql) throws SQLException {
    try (ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  static String columnType(Connection c, String table, String column) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = ?"
                + " AND table_name = ? AND column_name = ?")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      ps.setString(3, column);
      try (ResultSet r = ps.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  static List<String> primaryKey(Connection c, String table) throws SQLException {
    List<String> cols = new ArrayList<>();
    try (ResultSet r = c.getMetaData().getPrimaryKeys(null, schema, table)) {
      TreeMap<Integer, String> bySeq = new TreeMap<>();
      while (r.next()) {
        bySeq.put(r.getInt("KEY_SEQ"), r.getString("COLUMN_NAME"));
      }
      cols.addAll(bySeq.values());
    }
    return cols;
  }

  static boolean exists(Connection c, String relation) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, relation);
      try (ResultSet r = ps.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    }
  }

  static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no output)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
