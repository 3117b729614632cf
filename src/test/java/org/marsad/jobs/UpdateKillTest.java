package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.cli.Cli;
import org.marsad.io.MarsadProcess;

/**
 * A real {@code jobs/marsad update} process killed with SIGKILL once it has analysed the new
 * articles (their batch staged, nothing committed): the folder still holds the run, whole; the next
 * update takes the dead process's folder over and gives the tables of one run of both batches.
 */
@Tag("integration")
class UpdateKillTest {

  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aKilledUpdateLeavesTheRunWholeAndTheNextUpdateTakesOver() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    Files.move(Path.of(JobTestSupport.tinyCorpus(a)), tmp.resolve("corpus-a"));
    Files.move(
        Path.of(
            JobTestSupport.writeCorpus(
                b, JobTestSupport.TINY_COLUMNS, UpdateTest.LATE, UpdateTest.NEW_PERIOD)),
        tmp.resolve("corpus-b"));
    ok("states", "--input", "corpus-a", "corpus-b", "--output", "whole");
    ok("states", "--input", "corpus-a", "--output", "inc");
    Path inc = tmp.resolve("inc");
    JsonNode before = manifest(inc);
    long counts = JobTestSupport.table(inc.toString(), "state_counts").count();

    Path log = tmp.resolve("killed.log");
    Process child =
        MarsadProcess.start(
            tmp,
            log,
            List.of(),
            "update",
            "--master",
            "local[2]",
            "--input",
            "corpus-b",
            "--output",
            "inc");
    org.marsad.io.MarsadProcess.killWhen(
        child, log, 600, "staged its batch", () -> stagedBatch(inc) != null);
    // Nothing of the update is committed: the run is whole.
    assertThat(manifest(inc)).isEqualTo(before);
    assertThat(JobTestSupport.table(inc.toString(), "documents").count()).isEqualTo(12);
    assertThat(JobTestSupport.table(inc.toString(), "state_counts").count()).isEqualTo(counts);
    try (Stream<Path> s = Files.list(inc.resolve("_state/pass"))) {
      assertThat(s.count()).as("batches kept").isEqualTo(1);
    }

    ok("update", "--input", "corpus-b", "--output", "inc");
    assertThat(inc.resolve("_staging")).doesNotExist();
    try (Stream<Path> s = Files.list(inc.resolve("_state/pass"))) {
      assertThat(s.count()).as("batches kept").isEqualTo(2);
    }
    List<String> tables =
        List.of(
            "documents",
            "rejected",
            "stories",
            "states",
            "state_mentions",
            "state_counts",
            "state_comentions",
            "state_trends",
            "comention_trends");
    assertThat(TableComparison.differences(inc.toString(), tmp.resolve("whole").toString(), tables))
        .as("tables after the killed update and the next one that differ from one run")
        .isEmpty();
    assertThat(manifest(inc).get("updates")).hasSize(1);
  }

  private void ok(String... args) {
    Cli.Result r = Cli.runIn(tmp, args);
    assertThat(r.code()).as("%s\n%s", String.join(" ", args), r.err()).isZero();
  }

  /** The batch folder the update staged once its files are listed, or null. */
  private static Path stagedBatch(Path out) throws Exception {
    Path staging = out.resolve("_staging");
    if (!Files.isDirectory(staging)) {
      return null;
    }
    try (Stream<Path> s = Files.walk(staging)) {
      return s.filter(p -> p.getFileName().toString().equals(RunState.FILES))
          .findFirst()
          .orElse(null);
    }
  }

  private static JsonNode manifest(Path out) throws Exception {
    return JSON.readTree(Files.readAllBytes(out.resolve("_manifest.json")));
  }
}
