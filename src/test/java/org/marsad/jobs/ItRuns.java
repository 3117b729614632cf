package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.marsad.SharedSpark;
import org.marsad.cli.Cli;

/**
 * What the integration tests run: the sample corpus with an override gazetteer and stop list and
 * small topic settings, and the local-mode reference run they are compared with (made once per JVM,
 * on the shared local[2] session with 2 shuffle partitions).
 */
final class ItRuns {

  /**
   * A surface the override gazetteer adds to Tunisia (TN): Carthage, the seat of the presidency,
   * which the sample corpus names; the packaged gazetteer has no such form.
   */
  static final String EXTRA_FORM = "قرطاج";

  /** A word the override stop list adds (the sample's "correspondent", 56 times in it). */
  static final String EXTRA_STOP_WORD = "مراسل";

  /** The user files as relative paths: they resolve only against the folder the driver runs in. */
  static final String GAZETTEER = "my-gazetteer";

  static final String STOPWORDS_AR = "my-stopwords-ar.txt";

  /** Thresholds and topic settings small enough for the 300 documents of the sample. */
  static final List<String> SETTINGS =
      List.of(
          "--min-collocation-count",
          "2",
          "--min-keyness-count",
          "2",
          "--k",
          "5",
          "--max-iter",
          "30",
          "--min-df",
          "2",
          "--seed",
          "7");

  private static String reference;
  private static String split;

  private ItRuns() {}

  /** The sample corpus (one Parquet file). */
  static String sample() {
    return SharedSpark.repo().resolve("sample-data/corpus").toString();
  }

  /**
   * The sample corpus written again as 5 Parquet files, in its input order (file i holds the i-th
   * fifth of the rows), once per JVM: the same input split differently.
   */
  static synchronized String splitSample() throws IOException {
    if (split == null) {
      String out = SparkProcesses.newTmp("it-split").resolve("corpus").toString();
      var raw = SharedSpark.get().read().parquet(sample());
      raw.withColumn("_order", org.apache.spark.sql.functions.monotonically_increasing_id())
          .repartitionByRange(5, org.apache.spark.sql.functions.col("_order"))
          .sortWithinPartitions("_order")
          .drop("_order")
          .write()
          .parquet(out);
      try (Stream<Path> files = Files.list(Path.of(out))) {
        assertThat(files.filter(f -> f.toString().endsWith(".parquet"))).hasSize(5);
      }
      split = out;
    }
    return split;
  }

  /**
   * Writes the override files into {@code dir}: {@code my-gazetteer/} (a copy of conf/gazetteer
   * with {@link #EXTRA_FORM} added to TN) and {@code my-stopwords-ar.txt} (the packaged list plus
   * {@link #EXTRA_STOP_WORD}).
   */
  static void writeOverrides(Path dir) throws IOException {
    Path gaz = Files.createDirectories(dir.resolve(GAZETTEER));
    try (Stream<Path> files = Files.list(SharedSpark.repo().resolve("conf/gazetteer"))) {
      for (Path f : files.toList()) {
        Files.copy(f, gaz.resolve(f.getFileName()));
      }
    }
    Files.writeString(
        gaz.resolve("forms.tsv"),
        "TN\tar\tname\t" + EXTRA_FORM + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Path stop = dir.resolve(STOPWORDS_AR);
    Files.copy(SharedSpark.repo().resolve("conf/stopwords/ar.txt"), stop);
    Files.writeString(
        stop,
        "\n" + EXTRA_STOP_WORD + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** The arguments of a {@code run} of {@code input} into {@code output} with these files. */
  static List<String> runArgs(String input, String output, String gazetteer, String stopwords) {
    List<String> a = new ArrayList<>(List.of("run", "--input", input, "--output", output));
    a.addAll(List.of("--gazetteer", gazetteer, "--stopwords-ar", stopwords));
    a.addAll(SETTINGS);
    return a;
  }

  /**
   * The output folder of the local-mode reference run: {@link #runArgs} on the sample with the
   * override files as relative paths, in this JVM on the shared local[2] session.
   */
  static synchronized String reference() throws IOException {
    if (reference == null) {
      Path dir = SparkProcesses.newTmp("it-reference");
      writeOverrides(dir);
      String out = dir.resolve("out").toString();
      long t0 = System.nanoTime();
      Cli.Result r = inProcess(dir, runArgs(sample(), out, GAZETTEER, STOPWORDS_AR));
      assertThat(r.code()).as("reference run; stderr:\n%s", r.err()).isZero();
      System.out.printf("[it] local reference run: %.1f s%n", (System.nanoTime() - t0) / 1e9);
      reference = out;
    }
    return reference;
  }

  /**
   * What child runs (spark-submit on the cluster or local[1]) add to their arguments: the topics
   * are fitted with one Spark job per step over the executors, where the in-process reference fits
   * them on the driver; their tables must be the same bit for bit.
   */
  static final List<String> CLUSTER_FIT = List.of("--topics-driver-max", "0");

  /** Runs {@code args} in this JVM on the shared session, as typed in folder {@code cwd}. */
  static Cli.Result inProcess(Path cwd, List<String> args) {
    return Cli.runIn(cwd, args.toArray(new String[0]));
  }

  /** Checks where the topics of {@code output} were fitted: "driver" or "cluster". */
  static void assertFitOn(String output, String where) throws IOException {
    String json =
        new String(
            org.apache.hadoop.fs.FileSystem.get(
                    java.net.URI.create(output),
                    SharedSpark.get().sparkContext().hadoopConfiguration())
                .open(new org.apache.hadoop.fs.Path(output, "_manifest.json"))
                .readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json)
                .path("topics")
                .path("fit_on")
                .asText())
        .as("where the topics of %s were fitted", output)
        .isEqualTo(where);
  }

  /** Checks that the override files changed {@code output}: the extra form and stop word. */
  static void assertOverridesShow(String output) {
    var mentions = JobTestSupport.table(output, "state_mentions");
    assertThat(
            mentions
                .filter(
                    mentions
                        .col("state")
                        .equalTo("TN")
                        .and(mentions.col("surface").contains(EXTRA_FORM)))
                .count())
        .as("mentions of TN by the override form %s", EXTRA_FORM)
        .isPositive();
    var terms = JobTestSupport.table(output, "term_frequencies");
    assertThat(terms.filter(terms.col("term").equalTo(EXTRA_STOP_WORD)).count())
        .as("term_frequencies rows of the override stop word %s", EXTRA_STOP_WORD)
        .isZero();
  }
}
