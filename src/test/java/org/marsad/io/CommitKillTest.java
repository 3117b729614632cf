package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.cli.Cli;
import org.marsad.jobs.JobTestSupport;

/**
 * A real {@code jobs/marsad terms} process killed with SIGKILL inside its commit (between two steps
 * of the journal: some tables already replaced, the earlier {@code states} run's tables not yet
 * removed), then the next command on the folder: it finishes the commit first, and the folder holds
 * exactly the killed run, whose manifest, tables and report agree.
 */
@Tag("integration")
class CommitKillTest {

  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The command line as its own process, pausing between the commit's steps. */
  private Process start(Path log, String... args) throws IOException {
    return MarsadProcess.start(tmp, log, List.of("-Dmarsad.commit.stepPauseMillis=1500"), args);
  }

  @Test
  void aRunKilledInsideItsCommitIsFinishedByTheNextCommandIntoOneConsistentRun() throws Exception {
    JobTestSupport.tinyCorpus(tmp);
    Cli.Result first = Cli.runIn(tmp, "states", "--input", "corpus", "--output", "out");
    assertThat(first.code()).as(first.err()).isZero();
    Path out = tmp.resolve("out");
    String earlierRun = manifest(out).get("run_id").asText();
    assertThat(out.resolve("state_counts")).exists();
    assertThat(out.resolve("networks")).exists();

    Path log = tmp.resolve("killed.log");
    Process child =
        start(log, "terms", "--master", "local[2]", "--input", "corpus", "--output", "out");
    Path journal = out.resolve(CommitJournal.NAME);
    // Killed once the first step is done; the next ones wait 1.5 s each.
    MarsadProcess.killWhen(
        child,
        log,
        600,
        "reached its commit",
        () ->
            Files.exists(journal)
                && !Files.exists(
                    out.resolve(
                        JSON.readTree(Files.readAllBytes(journal))
                            .get("steps")
                            .get(0)
                            .get("from")
                            .asText())));
    JsonNode steps = JSON.readTree(Files.readAllBytes(journal)).get("steps");
    String killedRun = JSON.readTree(Files.readAllBytes(journal)).get("run_id").asText();
    assertThat(killedRun).isNotEqualTo(earlierRun);
    // Killed inside the commit: the folder mixes both runs until the journal is finished.
    assertThat(journal).exists();
    assertThat(out.resolve("state_counts")).as("not yet removed").exists();
    assertThat(manifest(out).get("run_id").asText()).isEqualTo(earlierRun);
    assertThat(steps.get(steps.size() - 1).get("replace").asText()).isEqualTo("_manifest.json");

    Cli.Result next =
        Cli.runIn(tmp, "query", "--output", "out", "SELECT count(*) AS n FROM documents");
    assertThat(next.code()).as(next.err()).isZero();
    assertThat(next.out()).isEqualTo("n\n12\n");

    assertThat(journal).doesNotExist();
    assertThat(out.resolve("_staging")).doesNotExist();
    assertThat(out.resolve(OutputLock.NAME)).doesNotExist();
    JsonNode m = manifest(out);
    assertThat(m.get("run_id").asText()).isEqualTo(killedRun);
    assertThat(m.get("command").asText()).isEqualTo("terms");
    Set<String> outputs = new TreeSet<>();
    m.get("outputs").forEach(e -> outputs.add(e.asText()));
    assertThat(entries(out)).isEqualTo(outputs);
    assertThat(outputs)
        .contains("documents", "term_frequencies", "report")
        .doesNotContain("state_counts", "states", "networks");
    m.get("tables")
        .fields()
        .forEachRemaining(
            t ->
                assertThat(JobTestSupport.table(out.toString(), t.getKey()).count())
                    .as(t.getKey())
                    .isEqualTo(t.getValue().asLong()));
    String report = Files.readString(out.resolve("report/index.html"), StandardCharsets.UTF_8);
    assertThat(report).contains(killedRun).doesNotContain(earlierRun);
  }

  private static JsonNode manifest(Path out) throws IOException {
    return JSON.readTree(Files.readAllBytes(out.resolve(OutputFolder.MANIFEST)));
  }

  /**
   * The folder's entries, without Marsad's bookkeeping ({@code _} names but the kept state) and
   * hidden names.
   */
  private static Set<String> entries(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      Set<String> e = new TreeSet<>();
      s.map(p -> p.getFileName().toString())
          .filter(n -> (!n.startsWith("_") || n.equals("_state")) && !n.startsWith("."))
          .forEach(e::add);
      return e;
    }
  }
}
