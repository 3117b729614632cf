package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.pipeline.MarsadException;

/** What a user reads when Spark, the JVM or the filesystem fails a run. */
@Tag("unit")
class FailuresTest {

  private static final Failures.Where WHERE = new Failures.Where("terms", 126_100, 0);

  @Test
  void outOfMemoryNamesTheStageTheInputAndTheMemorySetting() {
    MarsadException m =
        Failures.explain(
            new RuntimeException("Job aborted", new OutOfMemoryError("Java heap space")),
            WHERE,
            null);
    assertThat(m.kind()).isEqualTo(MarsadException.Kind.RESOURCE);
    assertThat(m.getMessage())
        .startsWith("Cannot finish the run: out of memory in a heap of ")
        .contains(" (stage terms, 126,100 input rows); ")
        .contains("MARSAD_DRIVER_MEMORY")
        .contains("--driver-cap");
    // A task's error reaches the driver as text inside Spark's exception.
    assertThat(
            Failures.explain(
                    new IllegalStateException(
                        "Job aborted due to stage failure: java.lang.OutOfMemoryError: Java heap"
                            + " space"),
                    WHERE,
                    null)
                .getMessage())
        .contains("out of memory");
  }

  @Test
  void onAClusterTheExecutorMemoryIsNamedAndAStoppedContextIsExplained() {
    MarsadException m =
        Failures.explain(new OutOfMemoryError("Java heap space"), WHERE, false, false);
    assertThat(m.getMessage()).contains("--executor-memory");
    MarsadException stopped =
        Failures.explain(
            new NullPointerException(
                "Cannot invoke \"org.apache.spark.rpc.RpcEndpointRef.askSync\" because the"
                    + " return value of \"driverEndpoint()\" is null"),
            WHERE,
            true,
            true);
    assertThat(stopped.getMessage())
        .startsWith("Cannot finish the run: Spark stopped during the run")
        .contains("MARSAD_DRIVER_MEMORY")
        .doesNotContain("driverEndpoint");
  }

  @Test
  void aFullDiskSaysSoAndThatTheEarlierOutputIsUnchanged() {
    MarsadException m =
        Failures.explain(
            new RuntimeException(new IOException("No space left on device")), WHERE, null);
    assertThat(m.getMessage())
        .startsWith("Cannot finish the run: the disk is full (stage terms")
        .contains("spark.local.dir")
        .contains("the earlier output is unchanged");
  }

  @Test
  void aVanishedFileAndALostClusterAreExplainedAndOtherFailuresAreNot() {
    assertThat(
            Failures.explain(
                    new RuntimeException(new FileNotFoundException("file:/in/b.parquet")),
                    WHERE,
                    null)
                .getMessage())
        .contains("an input file changed or vanished")
        .contains("file:/in/b.parquet");
    assertThat(
            Failures.explain(
                    new RuntimeException("ExecutorLostFailure (executor 1 exited)"), WHERE, null)
                .getMessage())
        .contains("the cluster lost its executors");
    assertThat(Failures.explain(new IllegalArgumentException("other"), WHERE, null)).isNull();
  }
}
