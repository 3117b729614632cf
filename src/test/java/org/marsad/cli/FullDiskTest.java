package org.marsad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.io.OutputLock;
import org.marsad.jobs.JobTestSupport;

/**
 * A real full disk: the output folder on a small tmpfs. The first run fits; a second, larger run
 * fills the disk while it writes. It must say that the disk is full, what to do, exit 1, leave the
 * earlier run whole (same manifest, tables readable) and leave no lock behind. Needs permission to
 * mount a tmpfs (root in CI's container); skipped, saying so, where mounting is refused.
 */
@Tag("spark")
class FullDiskTest {

  @TempDir Path tmp;
  private Path disk;

  private static int sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      sh("umount", "-l", disk.toString()); // lazy: a Spark reader may still hold a file
    }
  }

  @Test
  void aRunThatFillsTheDiskSaysSoExitsOneAndLeavesTheEarlierRunAndNoLock() throws Exception {
    Path mountPoint = Files.createDirectories(tmp.resolve("disk"));
    boolean mounted =
        sh("mount", "-t", "tmpfs", "-o", "size=" + DISK, "tmpfs", mountPoint.toString()) == 0;
    Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)");
    disk = mountPoint;
    String small =
        JobTestSupport.writeCorpus(
            tmp.resolve("small"),
            new String[] {"id", "date", "text"},
            new Object[] {"1", "2021-01-02", "اجتمع وزير خارجية مصر مع نظيره الأردني في عمان."},
            new Object[] {"2", "2021-01-03", "The ministers of Egypt and Jordan met in Amman."});
    String out = disk.resolve("o").toString();
    Cli.Result first = Cli.run("terms", "--input", small, "--output", out);
    assertThat(first.code()).as(first.err()).isZero();
    Path manifest = disk.resolve("o/_manifest.json");
    String before = Files.readString(manifest);

    String sample = SharedSpark.repo().resolve("sample-data/corpus").toString();
    Cli.Result second = Cli.run("run", "--input", sample, "--output", out);

    assertThat(second.code()).as(second.err()).isEqualTo(1);
    assertThat(second.err())
        .contains("Cannot finish the run: the disk is full")
        .contains("free space where --output is")
        .contains("the earlier output is unchanged");
    assertThat(Files.readString(manifest)).isEqualTo(before);
    assertThat(Files.exists(disk.resolve("o").resolve(OutputLock.NAME))).isFalse();
    assertThat(SharedSpark.get().read().parquet(out + "/documents").count()).isEqualTo(2);
    Path staging = disk.resolve("o/_staging");
    if (Files.exists(staging)) { // the failed run's staged tables are gone: the space is free again
      try (Stream<Path> left = Files.list(staging)) {
        assertThat(left).isEmpty();
      }
    }
  }

  /** Fits the small run's output (about ... KB) but not the sample's run (about 13 MB). */
  private static final String DISK = "2m";
}
