package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.corpus.CorpusOptions;

/**
 * Tier 3: the whole run on sample-data/ against reviewed golden outputs. Regenerate on purpose with
 * {@code mvn test -Dtest=SampleGoldenTest -Dmarsad.regenerate=true} and review the diff.
 */
@Tag("spark")
public class SampleGoldenTest {

  static final List<String> TABLES =
      List.of(
          "documents",
          "rejected",
          "term_frequencies",
          "term_keyness",
          "collocations",
          "states",
          "state_mentions",
          "state_counts",
          "state_comentions",
          "state_trends",
          "comention_trends",
          "term_trends",
          "comention_evidence",
          "comention_relations",
          "relation_trends",
          "relation_evidence",
          "term_evidence");

  /** The topic tables: a rerun with the same seed must give them identically too. */
  public static final List<String> TOPIC_TABLES =
      List.of("topics", "topic_summary", "document_topics", "topic_trends", "topic_states");

  @TempDir static Path tmp;
  static String out;
  static JobResult result;

  @BeforeAll
  static void runOnSample() {
    out = tmp.resolve("out").toString();
    String in = SharedSpark.repo().resolve("sample-data/corpus").toString();
    result =
        MarsadJob.run(
            SharedSpark.get(),
            JobTestSupport.config(in, out, sampleOptions()),
            MarsadJob.ALL,
            "test");
  }

  static CorpusOptions sampleOptions() {
    return CorpusOptions.defaults();
  }

  @Test
  void everyRowIsAccountedFor() {
    assertThat(result.rowsIn()).isEqualTo(301);
    assertThat(result.documents() + result.rejected()).isEqualTo(301);
    assertThat(
            JobTestSupport.table(out, "rejected")
                .select("reason")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactly("empty_text");
  }

  @Test
  void tablesMatchTheGoldenOutputs() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# documents per period and lang");
    dump(
        lines,
        JobTestSupport.table(out, "documents")
            .groupBy("period", "lang")
            .count()
            .orderBy("period", "lang"));
    lines.add("# top terms");
    dump(
        lines,
        JobTestSupport.table(out, "term_frequencies")
            .groupBy("lang", "term", "label")
            .agg(
                org.apache.spark.sql.functions.sum("term_count").as("n"),
                org.apache.spark.sql.functions.sum("doc_count").as("d"))
            .orderBy(
                org.apache.spark.sql.functions.col("n").desc(),
                org.apache.spark.sql.functions.col("term"))
            .limit(40));
    lines.add("# top keyness");
    dump(
        lines,
        JobTestSupport.table(out, "term_keyness")
            .select("period", "term", "label", "count_period", "count_rest", "g2", "log_ratio")
            .orderBy(
                org.apache.spark.sql.functions.col("g2").desc(),
                org.apache.spark.sql.functions.col("period"),
                org.apache.spark.sql.functions.col("term"))
            .limit(20));
    lines.add("# top collocations");
    dump(
        lines,
        JobTestSupport.table(out, "collocations")
            .select("term", "label", "count", "pmi", "g2")
            .orderBy(
                org.apache.spark.sql.functions.col("g2").desc(),
                org.apache.spark.sql.functions.col("term"))
            .limit(20));
    lines.add("# state counts (all sources)");
    dump(
        lines,
        JobTestSupport.table(out, "state_counts")
            .groupBy("state")
            .agg(
                org.apache.spark.sql.functions.sum("docs").as("docs"),
                org.apache.spark.sql.functions.sum("mentions").as("mentions"))
            .orderBy(
                org.apache.spark.sql.functions.col("docs").desc(),
                org.apache.spark.sql.functions.col("state"))
            .limit(25));
    lines.add("# top co-mentions, period all");
    dump(
        lines,
        JobTestSupport.table(out, "state_comentions")
            .filter("period = 'all'")
            .select(
                "scope",
                "state_a",
                "state_b",
                "co_docs",
                "docs_a",
                "docs_b",
                "docs_total",
                "npmi",
                "llr")
            .orderBy(
                org.apache.spark.sql.functions.col("scope"),
                org.apache.spark.sql.functions.col("co_docs").desc(),
                org.apache.spark.sql.functions.col("state_a"),
                org.apache.spark.sql.functions.col("state_b"))
            .limit(30));
    lines.add("# relations, period all");
    dump(
        lines,
        JobTestSupport.table(out, "comention_relations")
            .filter("period = 'all'")
            .select(
                "state_a",
                "state_b",
                "sentences",
                "cooperation",
                "conflict",
                "neutral",
                "tone",
                "relation")
            .orderBy(
                org.apache.spark.sql.functions.col("sentences").desc(),
                org.apache.spark.sql.functions.col("state_a"),
                org.apache.spark.sql.functions.col("state_b"))
            .limit(20));
    Path golden = SharedSpark.repo().resolve("src/test/resources/golden/sample-run.tsv");
    if (Boolean.getBoolean("marsad.regenerate")) {
      Files.createDirectories(golden.getParent());
      Files.write(golden, lines, StandardCharsets.UTF_8);
    }
    List<String> expected = Files.readAllLines(golden, StandardCharsets.UTF_8);
    assertThat(lines).hasSameSizeAs(expected);
    for (int i = 0; i < lines.size(); i++) {
      assertSameRow(lines.get(i), expected.get(i));
    }
  }

  @Test
  void theSeedArticleIsAnalysed() {
    Row seed =
        JobTestSupport.table(out, "documents").filter("doc_id = '000_316ae984aebcec15'").first();
    assertThat((String) seed.getAs("period")).isEqualTo("2021-09");
    assertThat((String) seed.getAs("source")).isEqualTo("الثورة أون لاين");
    assertThat((Integer) seed.getAs("n_tokens")).isBetween(200, 400);
    assertThat((String) seed.getAs("title")).isNull();
    // The seed names exactly the seven CSTO states (TJ also as الطاجيكية and دوشنبه): 21 pairs.
    assertThat(
            JobTestSupport.table(out, "state_mentions")
                .filter("doc_id = '000_316ae984aebcec15'")
                .select("state")
                .distinct()
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrder("RU", "CN", "KZ", "TJ", "KG", "AM", "BY");
    assertThat(
            JobTestSupport.table(out, "state_mentions")
                .filter("doc_id = '000_316ae984aebcec15' and state = 'TJ'")
                .select("form")
                .distinct()
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrder("name", "adjective", "capital");
    assertThat(
            JobTestSupport.table(out, "state_comentions")
                .filter("period = '2021-09' and scope = 'document'")
                .count())
        .isEqualTo(21);
  }

  @Test
  void theSeedsRussiaTajikistanPairHasASentenceNamingBoth() {
    List<Row> ev =
        JobTestSupport.table(out, "comention_evidence")
            .filter("period = '2021-09' and state_a = 'RU' and state_b = 'TJ'")
            .orderBy("rank")
            .collectAsList();
    assertThat(ev).isNotEmpty();
    Row e = ev.get(0);
    String sentence = e.getAs("sentence");
    assertThat((String) e.getAs("doc_id")).isEqualTo("000_316ae984aebcec15");
    assertThat(sentence.length()).isLessThanOrEqualTo(300);
    String a = sentence.substring(e.<Integer>getAs("a_start"), e.<Integer>getAs("a_end"));
    String b = sentence.substring(e.<Integer>getAs("b_start"), e.<Integer>getAs("b_end"));
    assertThat(a).contains("روس");
    assertThat(b).containsAnyOf("طاجيك", "دوشنبه");
    // Every mention can be read without the corpus: its context holds it at the given offsets.
    for (Row m :
        JobTestSupport.table(out, "state_mentions")
            .filter("doc_id = '000_316ae984aebcec15'")
            .collectAsList()) {
      String c = m.getAs("context");
      assertThat(c.length()).isLessThanOrEqualTo(300);
      assertThat(c.substring(m.<Integer>getAs("context_start"), m.<Integer>getAs("context_end")))
          .isEqualTo(m.<String>getAs("surface"));
    }
  }

  @Test
  void keynessWinnersHaveSentencesHoldingTheTerm() {
    List<Row> ev = JobTestSupport.table(out, "term_evidence").collectAsList();
    assertThat(ev).isNotEmpty();
    for (Row e : ev) {
      String s = e.getAs("sentence");
      assertThat(e.<Integer>getAs("start")).isBetween(0, s.length());
      assertThat(e.<Integer>getAs("end")).isBetween(e.<Integer>getAs("start") + 1, s.length());
      assertThat(e.<Integer>getAs("rank")).isBetween(1, 3);
    }
    assertThat(ev.stream().map(r -> r.<String>getAs("kind")).distinct())
        .containsExactlyInAnyOrder("keyness", "collocation");
  }

  /**
   * A rerun gives the same tables, and the distributed paths give what the driver gives: the rerun
   * keeps nothing on the driver (driver cap 0: repeated ids and texts, reprints, rejected keys and
   * every bounded table are finished in tasks; the topics are fitted with one Spark job per step).
   */
  @Test
  void aRerunOnTheDistributedPathsGivesTheSameTables() {
    String out2 = tmp.resolve("out2").toString();
    String in = SharedSpark.repo().resolve("sample-data/corpus").toString();
    MarsadJob.run(
        SharedSpark.get(),
        JobTestSupport.config(in, out2, sampleOptions())
            .with(EngineSettings.DRIVER_CAP, 0L)
            .with(org.marsad.topics.TopicsSettings.DRIVER_FIT_MAX, 0L),
        MarsadJob.ALL,
        "test");
    List<String> all = new ArrayList<>(TABLES);
    all.addAll(TOPIC_TABLES);
    for (String t : all) {
      Dataset<Row> a = JobTestSupport.table(out, t);
      Dataset<Row> b = JobTestSupport.table(out2, t);
      assertThat(a.count()).as(t).isEqualTo(b.count());
      assertThat(a.exceptAll(b).count()).as(t).isZero();
    }
  }

  private static void dump(List<String> lines, Dataset<Row> d) {
    for (Row r : d.collectAsList()) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        s.append(i == 0 ? "" : "\t")
            .append(
                v instanceof Double x ? String.format(Locale.ROOT, "%.6f", x) : String.valueOf(v));
      }
      lines.add(s.toString());
    }
  }

  /** Compares tab-separated rows, numbers with a relative tolerance of 1e-6. */
  private static void assertSameRow(String actual, String expected) {
    String[] a = actual.split("\t", -1);
    String[] e = expected.split("\t", -1);
    assertThat(a.length).as("columns of %s vs %s", actual, expected).isEqualTo(e.length);
    for (int i = 0; i < a.length; i++) {
      if (e[i].matches("-?\\d+\\.\\d+")) {
        double x = Double.parseDouble(a[i]);
        double y = Double.parseDouble(e[i]);
        assertThat(Math.abs(x - y))
            .as("%s vs %s", actual, expected)
            .isLessThanOrEqualTo(1e-6 * Math.max(1, Math.abs(y)));
      } else {
        assertThat(a[i]).as("%s vs %s", actual, expected).isEqualTo(e[i]);
      }
    }
  }
}
