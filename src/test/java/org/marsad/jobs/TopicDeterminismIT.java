package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same input, configuration and seed give the same topic tables whatever the master, the
 * shuffle partitions and the input's files: the local reference run (this JVM, local[2], 2 shuffle
 * partitions, the sample as 1 file) against the shaded jar through SparkSubmit in a child JVM with
 * {@code --master local[1]}, 7 shuffle partitions and the sample as 5 files, whose topics are
 * fitted with one Spark job per step where the reference fits them on the driver ({@link
 * ItRuns#CLUSTER_FIT}). StandaloneClusterIT makes the same comparison for a standalone cluster of
 * two executors.
 */
@Tag("integration")
class TopicDeterminismIT {

  @Test
  void localOneWithSevenShufflePartitionsOnFiveFilesGivesTheTopicTablesOfLocalTwo()
      throws Exception {
    assertThat(SparkProcesses.jobJar()).exists();
    String reference = ItRuns.reference();
    String input = ItRuns.splitSample();
    SparkProcesses spark = new SparkProcesses(SparkProcesses.newTmp("it-determinism"));
    Path cwd = Files.createDirectories(spark.tmp.resolve("driver"));
    ItRuns.writeOverrides(cwd);
    String out = spark.tmp.resolve("out").toString();
    long t0 = System.nanoTime();
    Process p =
        spark.submit(
            "local1",
            cwd,
            null,
            List.of("--master", "local[1]", "--conf", "spark.sql.shuffle.partitions=7"),
            ItRuns.runArgs(input, out, ItRuns.GAZETTEER, ItRuns.STOPWORDS_AR));
    spark.await(p, "local1", 10);
    System.out.printf("[it] local[1] run: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    ItRuns.assertFitOn(out, "cluster");
    ItRuns.assertFitOn(reference, "driver");
    assertThat(TableComparison.differences(out, reference, SampleGoldenTest.TOPIC_TABLES))
        .as("topic tables of local[1] that differ from local[2]")
        .isEmpty();
    // The model itself bit for bit: the fit's statistics add up in fixed point (OnlineLda), so a
    // fit over one executor's tasks equals the reference's fit on the driver.
    for (String t : List.of("topics", "document_topics")) {
      assertThat(TableComparison.differences(out, reference, t, 0)).as(t).isEmpty();
    }
    // The other tables too: the layout of the input changes none of them.
    assertThat(TableComparison.differences(out, reference)).isEmpty();
  }
}
