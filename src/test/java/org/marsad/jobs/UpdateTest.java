package org.marsad.jobs;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.pmod;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.catalog.Catalog;
import org.marsad.cli.Cli;

/**
 * {@code update}: a run of batch A then an update with batch B gives the tables of one run of A and
 * B, the topic tables excepted (the update reads the new articles with A's saved model).
 */
@Tag("spark")
class UpdateTest {

  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A long article (enough shingles for near-duplicate stories), with one word changed. */
  private static String article(String changed) {
    return "أعلنت وزارة الخارجية في القاهرة أن وفدا من مصر سيزور السودان الأسبوع المقبل لبحث"
        + " ملف سد النهضة مع إثيوبيا وسبل استئناف المفاوضات المتوقفة منذ أشهر، وقال المتحدث"
        + " باسم الوزارة إن الوفد سيلتقي رئيس مجلس السيادة ووزير الري، وإن مصر تتمسك باتفاق"
        + " قانوني ملزم يحفظ حقوق دول المصب، وأضاف أن الاتحاد الأفريقي مدعو إلى دور أكبر في"
        + " الوساطة بين الدول الثلاث، وأن "
        + changed
        + " تتابع التطورات عن كثب وترحب بكل جهد يعيد الأطراف إلى طاولة الحوار.";
  }

  private static Cli.Result ok(Path cwd, String... args) {
    Cli.Result r = Cli.runIn(cwd, args);
    assertThat(r.code()).as("%s\n%s", String.join(" ", args), r.err()).isZero();
    return r;
  }

  private static String[] runArgs(String command, String input, String output, String... more) {
    List<String> a = new ArrayList<>(List.of(command));
    for (String in : input.split(" ")) {
      a.add("--input");
      a.add(in);
    }
    a.addAll(List.of("--output", output));
    if (!command.equals("update")) {
      a.addAll(JobTestSupport.TINY_TOPICS);
    }
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  /** The catalog tables of {@code whole} but the topic tables, checked present in {@code inc}. */
  private static List<String> comparedTables(Path whole, Path inc) {
    List<String> out = new ArrayList<>();
    for (org.marsad.pipeline.Table t : Catalog.tables()) {
      if (Files.exists(whole.resolve(t.name()))
          && !SampleGoldenTest.TOPIC_TABLES.contains(t.name())) {
        assertThat(inc.resolve(t.name())).as("table %s after the update", t.name()).exists();
        out.add(t.name());
      }
    }
    assertThat(out).contains("documents", "rejected", "stories", "state_counts", "term_trends");
    return out;
  }

  /** A late article of a tiny corpus's period (2021-01), for a batch B. */
  static final Object[] LATE = {
    "late1", "قطر", "زار أمير قطر الكويت وبحث مع المسؤولين العلاقات.", "2021-01-05", "skynews"
  };

  /** An article of a period the tiny corpus does not have (2022-02), for a batch B. */
  static final Object[] NEW_PERIOD = {
    "new1", "Gulf", "Iran and Iraq signed a trade deal in Baghdad.", "2022-02-01", "reuters"
  };

  /** Every non-topic table of {@code inc} (run + update) equals {@code whole}'s (one run). */
  private static void assertSameAsOneRun(Path inc, Path whole) {
    assertThat(
            TableComparison.differences(
                inc.toString(), whole.toString(), comparedTables(whole, inc)))
        .as("tables of run(A) + update(B) that differ from run(A ∪ B)")
        .isEmpty();
  }

  private static JsonNode manifest(Path out) throws Exception {
    return JSON.readTree(Files.readAllBytes(out.resolve("_manifest.json")));
  }

  private static List<String> rows(Dataset<Row> d) {
    return d.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void lateArticlesRepeatedIdsAndAnEarlierReprintGiveTheTablesOfOneRun() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    Files.move(
        Path.of(
            JobTestSupport.tinyCorpus(
                a, new Object[] {"x1", "وفد مصري", article("الوزارة"), "2021-06-10", "bbc"})),
        tmp.resolve("corpus-a"));
    Files.move(
        Path.of(
            JobTestSupport.writeCorpus(
                b,
                JobTestSupport.TINY_COLUMNS,
                // A late article: a period of A.
                LATE,
                // An id of A again, with another text: the first row (A's) is kept.
                new Object[] {"t03", "مكرر", "نص آخر عن المغرب وموريتانيا.", "2021-01-04", "bbc"},
                // The earliest copy of x1's story, a day before it.
                new Object[] {"x0", "وفد مصري", article("القاهرة"), "2021-06-09", "skynews"},
                // A new period.
                NEW_PERIOD)),
        tmp.resolve("corpus-b"));

    ok(tmp, runArgs("run", "corpus-a corpus-b", "whole"));
    ok(tmp, runArgs("run", "corpus-a", "inc"));
    List<String> topicsBefore = rows(JobTestSupport.table(tmp + "/inc", "topics"));
    Cli.Result u = ok(tmp, runArgs("update", "corpus-b", "inc"));
    assertThat(u.out())
        .contains(
            "4 new rows from 1 file (0 files read before, skipped): 3 documents and 1 rejected rows"
                + " added; periods touched: 2021-01, 2021-06, 2022-02; topics read with the saved"
                + " model");

    Path whole = tmp.resolve("whole");
    Path inc = tmp.resolve("inc");
    assertSameAsOneRun(inc, whole);
    // The reprint: the new article is the story's first document, and the old one a reprint.
    List<Row> docs =
        JobTestSupport.table(inc.toString(), "documents")
            .filter(col("doc_id").isin("x0", "x1"))
            .select("doc_id", "story_id")
            .orderBy("doc_id")
            .collectAsList();
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).getString(1)).isEqualTo("x0");
    assertThat(docs.get(1).getString(1)).as("x1 is a reprint of x0's story").isEqualTo("x0");
    // The repeated id is rejected, the first row kept.
    assertThat(
            JobTestSupport.table(inc.toString(), "rejected")
                .filter(col("doc_id").equalTo("t03"))
                .select("reason")
                .collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("duplicate_id");
    // Topics: read with A's model, so the topic table keeps its ids and terms.
    assertThat(rows(JobTestSupport.table(inc.toString(), "topics"))).isEqualTo(topicsBefore);

    JsonNode m = manifest(inc);
    assertThat(m.get("command").asText()).isEqualTo("update");
    assertThat(m.get("rows").get("in").asLong()).isEqualTo(17);
    assertThat(m.get("rows")).isEqualTo(manifest(whole).get("rows"));
    JsonNode up = m.get("updates").get(0);
    assertThat(up.get("rows_in").asLong()).isEqualTo(4);
    assertThat(up.get("documents_added").asLong() + up.get("rejected_added").asLong()).isEqualTo(4);
    assertThat(up.get("rejected_added").asLong()).isEqualTo(1);
    List<String> touched = new ArrayList<>();
    up.get("periods_touched").forEach(p -> touched.add(p.asText()));
    assertThat(touched).containsExactly("2021-01", "2021-06", "2022-02");
    assertThat(m.get("first_run").get("command").asText()).isEqualTo("run");

    // The same batch again: nothing new is read, the folder is unchanged.
    Cli.Result again = ok(tmp, runArgs("update", "corpus-b", "inc"));
    assertThat(again.out()).contains("nothing new");
    assertThat(manifest(inc).get("run_id")).isEqualTo(m.get("run_id"));
    // --refit with nothing new would fit nothing: a usage error that says what to do.
    Cli.Result refitNothing =
        Cli.runIn(tmp, "update", "--input", "corpus-b", "--output", "inc", "--refit");
    assertThat(refitNothing.code()).isEqualTo(2);
    assertThat(refitNothing.err())
        .contains("Cannot update with --refit: nothing new")
        .contains("run the run's command again");
    assertThat(manifest(inc).get("run_id")).isEqualTo(m.get("run_id"));
    // An option that contradicts the run's settings is refused, naming both values.
    Cli.Result bad =
        Cli.runIn(tmp, "update", "--input", "corpus-b", "--output", "inc", "--period", "week");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--period week").contains("month");

    // A second update, with --refit: the topics are fitted again on every article.
    Path c = Files.createDirectories(tmp.resolve("c"));
    Files.move(
        Path.of(
            JobTestSupport.writeCorpus(
                c,
                JobTestSupport.TINY_COLUMNS,
                new Object[] {
                  "c1",
                  "Oman",
                  "Oman hosted talks between Iran and Saudi Arabia.",
                  "2022-02-03",
                  "reuters"
                })),
        tmp.resolve("corpus-c"));
    // The inputs name the earlier files too (a nightly update of the whole archive folder): only
    // the new file is read.
    ok(tmp, "update", "--input", "corpus-a", "corpus-b", "corpus-c", "--output", "inc", "--refit");
    JsonNode m2 = manifest(inc);
    assertThat(m2.get("updates")).hasSize(2);
    assertThat(m2.get("updates").get(1).get("topics").asText()).isEqualTo("refit on every article");
    assertThat(m2.get("updates").get(1).get("rows_in").asLong()).isEqualTo(1);
    assertThat(m2.get("updates").get(1).get("files_skipped").asLong()).isEqualTo(2);
    assertThat(m2.get("first_run")).isEqualTo(m.get("first_run"));
    assertThat(m2.get("rows").get("in").asLong()).isEqualTo(18);
    assertThat(m2.get("config").get("model").asText()).isEqualTo("(fit)");
    assertThat(inc.resolve("models/topics/model.json")).exists();
  }

  @Test
  void aRandomThirdOfTheSampleAddedByAnUpdateGivesTheTablesOfOneRun() throws Exception {
    var spark = SharedSpark.get();
    Dataset<Row> sample =
        spark.read().parquet(SharedSpark.repo().resolve("sample-data/corpus").toString());
    Dataset<Row> bucket =
        sample.withColumn("_b", pmod(abs(hash(col("id"))), org.apache.spark.sql.functions.lit(10)));
    bucket
        .filter(col("_b").geq(3))
        .drop("_b")
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(tmp.resolve("a").toString());
    bucket
        .filter(col("_b").lt(3))
        .drop("_b")
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(tmp.resolve("b").toString());
    long nb = spark.read().parquet(tmp.resolve("b").toString()).count();
    assertThat(nb).isBetween(sample.count() / 5, sample.count() * 2 / 5);

    ok(tmp, "run", "--input", "a", "--input", "b", "--output", "whole");
    ok(tmp, "run", "--input", "a", "--output", "inc");
    ok(tmp, "update", "--input", "b", "--output", "inc");
    Path whole = tmp.resolve("whole");
    Path inc = tmp.resolve("inc");
    assertSameAsOneRun(inc, whole);
    assertThat(manifest(inc).get("rows")).isEqualTo(manifest(whole).get("rows"));
    assertThat(manifest(inc).get("updates").get(0).get("rows_in").asLong()).isEqualTo(nb);
  }
}
