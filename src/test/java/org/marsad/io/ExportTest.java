package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.catalog.Catalog;
import org.marsad.cli.Cli;
import org.marsad.io.postgres.PostgresTarget;
import org.marsad.pipeline.Table;

/**
 * {@code jobs/marsad export}: the committed run of an existing folder goes to CSV files or to a
 * real PostgreSQL server without recomputing anything, the same again when exported twice; usage
 * errors exit 2, data errors 1 with a message.
 */
@Tag("integration")
class ExportTest {

  @TempDir static Path tmp;
  static Path out;
  static Map<String, Long> tables = new TreeMap<>();
  static String runId = "20261201T000000Z-export1";
  static String schema;

  static final String URL = System.getenv("MARSAD_TEST_JDBC_URL");
  static final String USER = System.getenv("MARSAD_TEST_JDBC_USER");
  static final String PASSWORD = System.getenv(PostgresTarget.PASSWORD_ENV);

  /** An output folder as a run leaves it: tables, report and manifest, committed. */
  @BeforeAll
  static void aCommittedRun() {
    out = tmp.resolve("out");
    var spark = SharedSpark.get();
    try (OutputFolder f =
        OutputFolder.open(
            spark.sparkContext().hadoopConfiguration(), out.toString(), runId, "run", false)) {
      TableWriter w = new TableWriter(spark, out.toString(), runId, false);
      List<Table> list =
          List.of(
              Catalog.DOCUMENTS,
              Catalog.TERM_FREQUENCIES,
              Catalog.STATES,
              Catalog.STATE_COMENTIONS,
              Catalog.COMENTION_EVIDENCE,
              Catalog.TOPIC_SUMMARY);
      for (Table t : list) {
        tables.put(t.name(), w.write(t, TableWriterTest.rows(t, 30, "e", "2021-01", "2021-02")));
      }
      w.stageFile("report/index.html", "<html>" + runId + "</html>");
      StringBuilder m = new StringBuilder("{\"run_id\": \"" + runId + "\", \"command\": \"run\",");
      m.append(" \"outputs\": [\"report\"");
      tables.keySet().forEach(t -> m.append(", \"").append(t).append('"'));
      m.append("], \"tables\": {");
      m.append(
          String.join(
              ", ",
              tables.entrySet().stream()
                  .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                  .toList()));
      m.append("}}");
      w.stageFile(OutputFolder.MANIFEST, m.toString());
      f.commit(w);
    }
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        s.execute("DROP SCHEMA IF EXISTS " + schema + "_staging CASCADE");
      }
    }
  }

  @Test
  void usageErrorsExitTwoAndDataErrorsOneWithAMessage() throws Exception {
    String o = out.toString();
    assertThat(Cli.run("export").code()).isEqualTo(2);
    Cli.Result neither = Cli.run("export", "--output", o);
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err())
        .contains(
            "Give either --jdbc-url URL (to PostgreSQL) or --format csv (to CSV files), not neither");
    assertThat(
            Cli.run(
                    "export",
                    "--output",
                    o,
                    "--format",
                    "csv",
                    "--jdbc-url",
                    "jdbc:postgresql://h/d")
                .err())
        .contains("not both");
    assertThat(Cli.run("export", "--output", o, "--format", "xlsx").err())
        .contains("--format must be csv (the folder already holds the Parquet tables), not xlsx");
    assertThat(Cli.run("export", "--output", o, "--format", "csv", "--jdbc-schema", "s").code())
        .isEqualTo(2);
    Cli.Result pw =
        Cli.run("export", "--output", o, "--jdbc-url", "jdbc:postgresql://u:s3cret@h/db");
    assertThat(pw.code()).isEqualTo(2);
    assertThat(pw.err()).contains("it holds a password").doesNotContain("s3cret");

    Cli.Result none =
        Cli.run("export", "--output", tmp.resolve("nowhere").toString(), "--format", "csv");
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err())
        .contains("Cannot open output: no such folder (" + tmp.resolve("nowhere") + ")");
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(plain.resolve("notes.txt"), "x");
    Cli.Result noRun = Cli.run("export", "--output", plain.toString(), "--format", "csv");
    assertThat(noRun.code()).isEqualTo(1);
    assertThat(noRun.err())
        .contains(
            "Cannot export: no _manifest.json in "
                + plain
                + ", so it holds no Marsad run; give the --output folder of a run");
    assertThat(plain.resolve(OutputLock.NAME)).doesNotExist();
    Path broken = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(
        broken.resolve(OutputFolder.MANIFEST),
        "{\"run_id\": \"r1\", \"tables\": {\"documents\": 3, \"topics\": 2}}");
    Files.createDirectories(broken.resolve("documents"));
    Cli.Result missing = Cli.run("export", "--output", broken.toString(), "--format", "csv");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .contains(
            "Cannot export: tables the manifest of run r1 lists are missing from "
                + broken
                + " (topics)");
  }

  @Test
  void csvFilesOfEveryTableOfTheRunAsOneCommitTheSameWhenExportedAgain() throws Exception {
    String before = Files.readString(out.resolve(OutputFolder.MANIFEST));
    Cli.Result r = Cli.run("export", "--output", out.toString(), "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("marsad export: run " + runId + " of " + out + ", 6 tables to ");
    Map<String, byte[]> first = new TreeMap<>();
    try (Stream<Path> s = Files.list(out.resolve("csv"))) {
      for (Path p : s.toList()) {
        first.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    List<String> expected = new ArrayList<>();
    tables.keySet().forEach(t -> expected.add(t + ".csv"));
    assertThat(first.keySet()).containsExactlyElementsOf(expected);
    for (Map.Entry<String, Long> t : tables.entrySet()) {
      List<String> lines =
          Files.readAllLines(out.resolve("csv/" + t.getKey() + ".csv"), StandardCharsets.UTF_8);
      assertThat(lines.size() - 1L).as(t.getKey()).isEqualTo(t.getValue());
    }
    JsonNode m = new ObjectMapper().readTree(out.resolve(OutputFolder.MANIFEST).toFile());
    assertThat(m.get("run_id").asText()).isEqualTo(runId);
    List<String> outputs = new ArrayList<>();
    m.get("outputs").forEach(o -> outputs.add(o.asText()));
    assertThat(outputs).contains("csv", "documents", "report");
    assertThat(m.get("tables")).isEqualTo(new ObjectMapper().readTree(before).get("tables"));
    assertThat(out.resolve("_staging")).doesNotExist();
    assertThat(out.resolve(CommitJournal.NAME)).doesNotExist();
    assertThat(out.resolve(OutputLock.NAME)).doesNotExist();

    assertThat(Cli.run("export", "--output", out.toString(), "--format", "csv").code()).isZero();
    try (Stream<Path> s = Files.list(out.resolve("csv"))) {
      for (Path p : s.toList()) {
        assertThat(Files.readAllBytes(p))
            .as(p.getFileName().toString())
            .isEqualTo(first.get(p.getFileName().toString()));
      }
    }
  }

  @Test
  void toPostgresEveryTableOfTheRunTheSameWhenExportedAgain() throws Exception {
    if (URL == null || USER == null || PASSWORD == null) {
      fail(
          "The PostgreSQL tests need a server: start it with `source .ci/postgres` (as root), then"
              + " run the tests from that shell");
    }
    byte[] b = new byte[4];
    new Random().nextBytes(b);
    schema = "marsad_x" + HexFormat.of().formatHex(b);
    String[] args = {
      "export",
      "--output",
      out.toString(),
      "--jdbc-url",
      URL,
      "--jdbc-schema",
      schema,
      "--jdbc-user",
      USER
    };
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("to PostgreSQL schema " + schema);
    Map<String, String> first = fingerprints();
    for (Map.Entry<String, Long> t : tables.entrySet()) {
      assertThat(first.get(t.getKey())).as(t.getKey()).startsWith(t.getValue() + " ");
    }
    assertThat(Cli.run(args).code()).isZero();
    assertThat(fingerprints()).isEqualTo(first);
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*), count(DISTINCT run_id), min(run_id) FROM "
                    + schema
                    + ".marsad_loads")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(tables.size());
      assertThat(rs.getLong(2)).isEqualTo(1);
      assertThat(rs.getString(3)).isEqualTo(runId);
    }
  }

  /** Per table: rows and an md5 of all rows. */
  private static Map<String, String> fingerprints() throws SQLException {
    Map<String, String> f = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      for (String t : tables.keySet()) {
        try (ResultSet r =
            s.executeQuery(
                "SELECT count(*) || ' ' || coalesce(md5(string_agg(x::text, '|' ORDER BY"
                    + " x::text)), '') FROM "
                    + schema
                    + "."
                    + t
                    + " x")) {
          r.next();
          f.put(t, r.getString(1));
        }
      }
    }
    return f;
  }
}
