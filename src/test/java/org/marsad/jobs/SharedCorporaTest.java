package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.corpus.Corpus;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.Period;
import org.marsad.io.CorpusReader;

/** Each corpus in ../shared/corpora loads with only column options, every row accounted for. */
@Tag("spark")
class SharedCorporaTest {

  @TempDir Path tmp;

  @BeforeEach
  void needsShared() {
    assumeTrue(SharedSpark.hasShared(), "../shared/corpora is absent");
  }

  private static String corpus(String name) {
    return SharedSpark.shared().resolve("corpora").resolve(name).toString();
  }

  private static CorpusOptions options(String id, String text, String date, String source) {
    return new CorpusOptions(
        id,
        text,
        "title",
        date,
        source == null ? "source" : source,
        "lang",
        "url",
        false,
        true,
        source != null,
        false,
        false,
        List.of(),
        Period.MONTH,
        org.marsad.corpus.SlashOrder.DAY_FIRST);
  }

  private static Map<String, Long> load(String name, CorpusOptions o, long expectedRows) {
    Dataset<Row> raw = CorpusReader.read(SharedSpark.get(), List.of(corpus(name)));
    Corpus c = MarsadJob.analyse(raw, JobTestSupport.config(corpus(name), "unused", o));
    long docs = c.documents().count();
    Map<String, Long> rejected =
        c.rejectedKeys().groupBy("reason").count().collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    long rej = rejected.values().stream().mapToLong(Long::longValue).sum();
    assertThat(raw.count()).isEqualTo(expectedRows);
    assertThat(docs + rej).as("documents + rejected of %s", name).isEqualTo(expectedRows);
    rejected.put("documents", docs);
    return rejected;
  }

  @Test
  void jawharaFmWithMixedDateFormats() {
    Map<String, Long> r = load("jawharafm", options("docno", "text", "time", "src"), 10_161);
    assertThat(r.getOrDefault("bad_date", 0L)).isZero();
    assertThat(r.get("documents")).isGreaterThan(10_100);
  }

  @Test
  void reutersWithNumericIdsAndEnglishText() {
    Map<String, Long> r =
        load("reuters21578-train", options("newid", "body", "date", null), 14_668);
    // Dates such as "27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM" parse; at most 0.1% stay unparsable.
    assertThat(r.getOrDefault("bad_date", 0L)).isLessThanOrEqualTo(14);
    Dataset<Row> raw = CorpusReader.read(SharedSpark.get(), List.of(corpus("reuters21578-train")));
    Dataset<Row> docs =
        MarsadJob.analyse(
                raw,
                JobTestSupport.config(
                    corpus("reuters21578-train"), "unused", options("newid", "body", "date", null)))
            .documents();
    // The language is identified per document: earnings tables (Shr 34 cts vs 1.19 dlrs Net ...)
    // have too few words to be told apart and some come back und or fr; no text is Arabic.
    assertThat((double) docs.filter("lang = 'en'").count() / r.get("documents"))
        .isGreaterThanOrEqualTo(0.98);
    assertThat(docs.filter("lang in ('ar', 'fa', 'ur')").count()).isZero();
    assertThat(
            docs.select("source")
                .distinct()
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactly("unknown");
  }

  /** The terms job on ANT: dates parsed, and the 20 most frequent labels are content words. */
  @Test
  void antMultisourceEndToEnd() {
    String out = tmp.resolve("ant").toString();
    CorpusOptions o = options("docno", "text", "time", "src");
    JobConfig config = JobTestSupport.config(corpus("ant-multisource"), out, o);
    JobResult result =
        MarsadJob.run(SharedSpark.get(), config, Set.of(MarsadJob.Stage.TERMS), "test");
    assertThat(result.rowsIn()).isEqualTo(31_525);
    assertThat(result.documents() + result.rejected()).isEqualTo(31_525);
    long badDates =
        JobTestSupport.table(out, "rejected")
            .filter("reason in ('bad_date', 'missing_date')")
            .count();
    assertThat((double) badDates / result.rowsIn()).isLessThanOrEqualTo(0.001);
    assertThat(JobTestSupport.table(out, "documents").filter("duplicate_of is not null").count())
        .isPositive();

    List<String> top =
        JobTestSupport.table(out, "term_frequencies")
            .groupBy("label")
            .agg(functions.sum("term_count").as("n"))
            .orderBy(functions.col("n").desc())
            .limit(20)
            .select("label")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(top).hasSize(20);
    // Function words an Arabic term list must never lead with (in any spelling).
    Set<String> function =
        Set.of(
            "في", "من", "على", "علي", "أن", "ان", "إن", "إلى", "الى", "عن", "مع", "التي", "الذي",
            "هذا", "هذه", "كان", "قال", "وقال", "بعد", "قبل", "كما", "أو", "او", "ما", "لا", "لم",
            "و", "ذلك", "بين", "حيث", "كل", "عند", "خلال", "إلا", "أي", "هو", "هي", "وفي", "ومن",
            "أنه", "انه", "فيه", "به");
    assertThat(top).doesNotContainAnyElementsOf(function);
  }
}
