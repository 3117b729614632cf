package org.marsad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.io.OutputLock;
import org.marsad.jobs.JobTestSupport;

/**
 * The command line as its own process, as {@code jobs/marsad} runs it (MARSAD_CWD, the packaged
 * {@code conf/log4j2.properties}): a clean run logs one line per stage and no warning; a run killed
 * with SIGKILL in the middle leaves the earlier output whole, and the next run takes over its lock
 * and succeeds.
 */
@Tag("integration")
class CliProcessTest {

  @TempDir Path tmp;

  private Process start(Path log, String... args) throws IOException {
    return org.marsad.io.MarsadProcess.start(tmp, log, List.of(), args);
  }

  @Test
  void aCleanRunLogsOneLinePerStageAndNoWarning() throws Exception {
    JobTestSupport.tinyCorpus(tmp);
    Path log = tmp.resolve("terms.log");
    Process p = start(log, "terms", "--master", "local[2]", "--input", "corpus", "--output", "out");
    assertThat(p.waitFor(400, TimeUnit.SECONDS)).as("the run ends").isTrue();
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    List<String> lines = text.lines().map(l -> l.replaceAll(".*\r", "")).toList();
    assertThat(lines).as(text).noneMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d (WARN|ERROR) .*"));
    assertThat(text).doesNotContain("netlib").doesNotContain("Exception");
    assertThat(lines)
        .anyMatch(l -> l.contains("[load] 12 input rows: 12 documents, 0 rejected, "))
        .anyMatch(
            l ->
                l.matches(
                    ".* INFO MarsadJob: \\[terms\\] [0-9,]+ rows in 5 tables \\(term_frequencies"
                        + " .*\\), [0-9.]+ s"))
        .anyMatch(l -> l.equals("marsad terms: 12 rows in: 12 documents, 0 rejected"))
        .anyMatch(l -> l.contains(" tables in " + tmp.resolve("out")))
        .last()
        .asString()
        .startsWith("  report: ");
    long infoLines = lines.stream().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d INFO .*")).count();
    assertThat(infoLines).as(text).isLessThanOrEqualTo(4); // config, load, terms, report
  }

  @Test
  void aRunKilledInTheMiddleLeavesTheEarlierOutputWholeAndTheNextRunSucceeds() throws Exception {
    JobTestSupport.tinyCorpus(tmp);
    Cli.Result first = Cli.runIn(tmp, "terms", "--input", "corpus", "--output", "out");
    assertThat(first.code()).as(first.err()).isZero();
    Path out = tmp.resolve("out");
    Map<String, String> before = fingerprint(out);
    String manifest = Files.readString(out.resolve("_manifest.json"));

    Path log = tmp.resolve("killed.log");
    List<String> args = new ArrayList<>(List.of("run", "--master", "local[2]"));
    args.addAll(List.of("--input", "corpus", "--output", "out"));
    args.addAll(JobTestSupport.TINY_TOPICS);
    Process child = start(log, args.toArray(new String[0]));
    org.marsad.io.MarsadProcess.killWhen(
        child, log, 400, "staged its documents", () -> stagedDocuments(out));
    assertThat(fingerprint(out)).isEqualTo(before);
    assertThat(Files.readString(out.resolve("_manifest.json"))).isEqualTo(manifest);
    assertThat(Files.readString(out.resolve(OutputLock.NAME))).contains("\"pid\" : " + child.pid());

    Cli.Result next = Cli.runIn(tmp, "terms", "--input", "corpus", "--output", "out");
    assertThat(next.code()).as(next.err()).isZero();
    assertThat(out.resolve(OutputLock.NAME)).doesNotExist();
    assertThat(out.resolve("_staging")).doesNotExist();
    assertThat(Files.readString(out.resolve("_manifest.json"))).isNotEqualTo(manifest);
    assertThat(JobTestSupport.table(out.toString(), "documents").count()).isEqualTo(12);
  }

  private static boolean stagedDocuments(Path out) throws IOException {
    Path staging = out.resolve("_staging");
    if (!Files.isDirectory(staging)) {
      return false;
    }
    try (Stream<Path> runs = Files.list(staging)) {
      return runs.anyMatch(r -> Files.exists(r.resolve("documents/_SUCCESS")));
    }
  }

  /** Every file of the folder but the lock and staging, with its size and time. */
  private static Map<String, String> fingerprint(Path out) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(f).toString();
        if (!rel.startsWith("_staging") && !rel.equals(OutputLock.NAME)) {
          m.put(rel, Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis());
        }
      }
    }
    return m;
  }
}
