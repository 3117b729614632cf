package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.cli.Cli;
import org.marsad.jobs.JobTestSupport;

/**
 * {@code run --format csv}: every table (topics included) opens back with a CSV parser, with its
 * columns and its rows; formulas from the corpus come out neutralised, numbers stay bare.
 */
@Tag("spark")
class CsvExportTest {

  @TempDir static Path tmp;
  static String out;
  static Map<String, Long> tables = new java.util.LinkedHashMap<>();

  static final String FORMULA_TITLE = "=HYPERLINK(\"http://x\",\"y\")";
  static final String FORMULA_SOURCE = "+SUM(1+1)";

  @BeforeAll
  static void runWithCsv() throws Exception {
    String in =
        JobTestSupport.tinyCorpus(
            tmp,
            new Object[] {
              "x1", FORMULA_TITLE, "قالت روسيا إن الصين شريك.", "2021-03-03", FORMULA_SOURCE
            },
            new Object[] {"x2", "@cmd", null, "2021-03-03", "-bbc"});
    out = tmp.resolve("out").toString();
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--input",
                in,
                "--output",
                out,
                "--date-col",
                "published_at",
                "--format",
                "csv",
                "--min-keyness-count",
                "1",
                "--k",
                "auto",
                "--k-sweep",
                "2,3"));
    args.addAll(List.of("--max-iter", "10", "--min-df", "1", "--max-df", "0.9"));
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(Path.of(out, "_manifest.json").toFile());
    for (Iterator<Map.Entry<String, JsonNode>> it = m.get("tables").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      tables.put(e.getKey(), e.getValue().asLong());
    }
  }

  static List<String[]> parse(String table) throws Exception {
    byte[] b = Files.readAllBytes(Path.of(out, "csv", table + ".csv"));
    assertThat(Arrays.copyOf(b, 3)).as(table).containsExactly(0xEF, 0xBB, 0xBF);
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setLineSeparator("\n");
    s.setMaxCharsPerColumn(-1);
    s.setEmptyValue("");
    s.setIgnoreLeadingWhitespaces(false);
    s.setIgnoreTrailingWhitespaces(false);
    return new CsvParser(s)
        .parseAll(new java.io.StringReader(new String(b, 3, b.length - 3, StandardCharsets.UTF_8)));
  }

  @Test
  void everyTableOpensBackWithItsColumnsAndRows() throws Exception {
    assertThat(tables)
        .containsKeys(
            "documents",
            "rejected",
            "term_frequencies",
            "term_keyness",
            "collocations",
            "states",
            "state_mentions",
            "state_counts",
            "state_comentions",
            "topics",
            "document_topics",
            "topic_trends",
            "topic_summary",
            "topic_states",
            "topic_sweep");
    for (Map.Entry<String, Long> t : tables.entrySet()) {
      List<String[]> rows = parse(t.getKey());
      Dataset<Row> parquet = JobTestSupport.table(out, t.getKey());
      assertThat(rows.get(0)).as(t.getKey()).containsExactlyInAnyOrder(parquet.columns());
      assertThat(rows.size() - 1L)
          .as(t.getKey())
          .isEqualTo(t.getValue())
          .isEqualTo(parquet.count());
      for (String[] row : rows) {
        assertThat(row).as(t.getKey()).hasSize(parquet.columns().length);
      }
    }
    try (var files = Files.list(Path.of(out, "csv"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no Hadoop checksum files beside the CSVs")
          .allMatch(n -> n.endsWith(".csv") && !n.startsWith("."));
    }
  }

  @Test
  void formulasFromTheCorpusAreNeutralisedAndNumbersStayNumbers() throws Exception {
    List<String[]> docs = parse("documents");
    List<String> header = Arrays.asList(docs.get(0));
    String[] x1 =
        docs.stream().filter(r -> "x1".equals(r[header.indexOf("doc_id")])).findFirst().get();
    // (cleaning takes the URL out of the title; what is left still starts with =)
    String title =
        JobTestSupport.table(out, "documents").filter("doc_id = 'x1'").first().getAs("title");
    assertThat(title).startsWith("=HYPERLINK(\"");
    assertThat(x1[header.indexOf("title")]).isEqualTo("'" + title);
    assertThat(x1[header.indexOf("source")]).isEqualTo("'" + FORMULA_SOURCE);
    assertThat(x1[header.indexOf("published_at")]).isEqualTo("2021-03-03 00:00:00");
    String raw = Files.readString(Path.of(out, "csv", "documents.csv"), StandardCharsets.UTF_8);
    assertThat(raw)
        .contains("\"'=HYPERLINK(\"\"")
        .contains("\"'+SUM(1+1)\"")
        .doesNotContain(",=")
        .doesNotContain(",\"=");

    List<String[]> tf = parse("term_frequencies");
    int source = Arrays.asList(tf.get(0)).indexOf("source");
    assertThat(tf.stream().skip(1).map(r -> r[source])).contains("'" + FORMULA_SOURCE);
    assertThat(tf.stream().skip(1).map(r -> r[source])).noneMatch(s -> s.startsWith("+"));

    // The rejected row's raw JSON and its "-bbc" source: text, neutralised; doc ids are quoted.
    List<String[]> rejected = parse("rejected");
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(1)[Arrays.asList(rejected.get(0)).indexOf("raw")])
        .startsWith("{")
        .contains("\"source\":\"-bbc\"");

    // Numbers are bare in every numeric column (negative ones too: NPMI, PMI), never neutralised.
    List<String> negative = new ArrayList<>();
    for (String t : tables.keySet()) {
      List<String[]> rows = parse(t);
      List<String> names = Arrays.asList(rows.get(0));
      for (org.apache.spark.sql.types.StructField f :
          JobTestSupport.table(out, t).schema().fields()) {
        if (f.dataType() instanceof org.apache.spark.sql.types.NumericType) {
          int c = names.indexOf(f.name());
          for (String[] r : rows.subList(1, rows.size())) {
            // An empty field (a null: no previous period) parses as null.
            assertThat(r[c] == null ? "" : r[c])
                .as(t + "." + f.name())
                .matches("|NaN|-?Infinity|-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?");
            if (r[c] != null && r[c].startsWith("-")) {
              negative.add(t + "." + f.name() + " " + r[c]);
            }
          }
        }
      }
    }
    assertThat(negative).isNotEmpty();
    assertThat(Files.readString(Path.of(out, "csv", "state_comentions.csv"))).contains(",-");

    // Arrays as elements joined by |.
    List<String[]> summary = parse("topic_summary");
    int top = Arrays.asList(summary.get(0)).indexOf("top_doc_ids");
    assertThat(summary.get(1)[top]).matches("[a-z0-9]+(\\|[a-z0-9]+)*");
  }
}
