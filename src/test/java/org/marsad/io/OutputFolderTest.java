package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of an output folder, on hand-made folders (no Spark). */
@Tag("unit")
class OutputFolderTest {

  @TempDir Path tmp;

  private Path out() {
    return tmp.resolve("out");
  }

  private OutputFolder open(boolean overwrite) {
    return OutputFolder.open(new Configuration(), out().toString(), "new-run", "terms", overwrite);
  }

  private void file(String rel, String content) throws Exception {
    Path f = out().resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, content, StandardCharsets.UTF_8);
  }

  /** A folder as a `run` leaves it: a manifest listing its outputs and their files. */
  private void earlierRun(boolean withOutputs) throws Exception {
    String outputs =
        withOutputs
            ? "\"outputs\": [\"documents\", \"term_frequencies\", \"topics\", \"networks\","
                + " \"models\", \"report\"],"
            : "";
    file(
        "_manifest.json",
        "{\"run_id\": \"old-run\", \"command\": \"run\", "
            + outputs
            + " \"tables\": {\"documents\": 2, \"term_frequencies\": 5, \"topics\": 3}}");
    file("documents/period=2021-01/part-00000-a.c000.zstd.parquet", "x");
    file("documents/period=2021-01/.part-00000-a.c000.zstd.parquet.crc", "x");
    file("documents/_SUCCESS", "");
    file("term_frequencies/part-00000-b.zstd.parquet", "x");
    file("topics/part-00000-c.zstd.parquet", "x");
    file("networks/2021-01.gexf", "x");
    file("networks/edges.csv", "x");
    file("models/topics/lda/metadata/part-00000", "x");
    file("report/index.html", "x");
  }

  @Test
  void aRunReplacesWhatItWritesAndRemovesTheRestOfTheEarlierRun() throws Exception {
    earlierRun(true);
    file("notes.txt", "mine"); // beside the tables: left alone
    try (OutputFolder f = open(false)) {
      f.beforeCommit(Set.of("documents", "term_frequencies"), "report");
      assertThat(Files.readString(out().resolve(OutputLock.NAME)))
          .contains(
              "\"committing\" : [ \"documents\", \"models\", \"networks\", \"report\","
                  + " \"term_frequencies\", \"topics\" ]");
      assertThat(f.afterCommit()).containsExactly("models", "networks", "topics");
      assertThat(f.outputs()).containsExactly("documents", "report", "term_frequencies");
    }
    assertThat(out().resolve("topics")).doesNotExist();
    assertThat(out().resolve("networks")).doesNotExist();
    assertThat(out().resolve("documents")).exists();
    assertThat(out().resolve("notes.txt")).exists();
    assertThat(out().resolve(OutputLock.NAME)).doesNotExist();
  }

  @Test
  void anOlderManifestWithoutOutputsNamesItsTablesAndTheKnownFolders() throws Exception {
    earlierRun(false);
    try (OutputFolder f = open(false)) {
      f.beforeCommit(Set.of("documents", "term_frequencies"), "report");
      assertThat(f.afterCommit()).containsExactly("models", "networks", "topics");
    }
  }

  @Test
  void foreignFilesInsideATableAreRefusedByNameOrDeletedWithOverwrite() throws Exception {
    earlierRun(true);
    file("documents/keep.csv", "mine");
    file("topics/period=x/notes.md", "mine");
    assertThatThrownBy(() -> open(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot write output: files that Marsad did not write are inside folders this run"
                + " replaces or removes (documents/keep.csv, topics/period=x/notes.md in "
                + "file:"
                + out()
                + "); move them elsewhere, or add --overwrite to delete them");
    assertThat(out().resolve("documents/keep.csv")).exists();
    assertThat(out().resolve(OutputLock.NAME)).doesNotExist(); // the refusal releases the lock
    try (OutputFolder f = open(true)) {
      f.beforeCommit(Set.of("documents"), "report");
      f.afterCommit();
    }
    assertThat(out().resolve("topics")).doesNotExist();
  }

  @Test
  void aFolderNamedLikeATableThatTheRunWritesIsCheckedBeforeTheCommit() throws Exception {
    earlierRun(true);
    try (OutputFolder f = open(false)) {
      file("state_counts/mine.xlsx", "x"); // not of the earlier run, but this run writes it
      assertThatThrownBy(() -> f.beforeCommit(Set.of("documents", "state_counts")))
          .hasMessageContaining("(state_counts/mine.xlsx in ");
    }
  }

  @Test
  void aNonEmptyFolderWithoutAManifestIsRefusedUnlessOverwrite() throws Exception {
    file("holiday.jpg", "x");
    file("documents/keep.csv", "x");
    assertThatThrownBy(() -> open(false))
        .hasMessage(
            "Cannot write output: the folder is not empty and has no _manifest.json of a Marsad"
                + " run ("
                + out()
                + ": documents/, holiday.jpg); choose a new or empty folder for --output, or add"
                + " --overwrite to write into it (Marsad then replaces only the folders it"
                + " writes)");
    try (OutputFolder f = open(true)) {
      f.beforeCommit(Set.of("documents"), "report"); // warns, keep.csv goes with documents/
      assertThat(f.afterCommit()).isEmpty();
    }
    assertThat(out().resolve("holiday.jpg")).exists();
  }

  @Test
  void anEmptyOrNewFolderOrOneWithOnlyACrashedRunsLeftoversIsFine() throws Exception {
    open(false).close();
    file("_staging/20260101T000000Z-dead/documents/part-0.parquet", "x");
    file("._manifest.json.tmp", "x");
    open(false).close();
    Files.writeString(tmp.resolve("a-file"), "x");
    assertThatThrownBy(
            () ->
                OutputFolder.open(
                    new Configuration(), tmp.resolve("a-file").toString(), "r", "terms", false))
        .hasMessage(
            "Cannot write output: it is a file, not a folder ("
                + tmp.resolve("a-file")
                + "); choose a folder for --output");
  }

  @Test
  void aFailedRunLeavesNoNewFolderAndAnExistingFolderAsItWas() throws Exception {
    Path nested = out().resolve("a/b");
    OutputFolder f =
        OutputFolder.open(new Configuration(), nested.toString(), "failed", "terms", false);
    Files.createDirectories(nested.resolve("_staging/failed/documents"));
    f.close(); // no commit: the run failed
    assertThat(out()).as("with the parents the run created").doesNotExist();
    assertThat(tmp).exists();

    Files.createDirectories(out());
    open(false).close();
    assertThat(out()).exists().isEmptyDirectory();

    earlierRun(true);
    Map<String, Long> before = sizes();
    OutputFolder g = open(false);
    Files.createDirectories(out().resolve("_staging/new-run/documents"));
    g.close();
    assertThat(sizes()).isEqualTo(before);
    assertThat(out().resolve("_staging")).doesNotExist();

    try (OutputFolder h =
        OutputFolder.open(new Configuration(), nested.toString(), "ok", "terms", false)) {
      h.beforeCommit(Set.of("documents"));
      h.afterCommit(); // committed: the new folder stays
    }
    assertThat(nested).exists();
  }

  private Map<String, Long> sizes() throws Exception {
    Map<String, Long> m = new java.util.TreeMap<>();
    try (var files = Files.walk(out())) {
      for (Path p : files.toList()) {
        m.put(out().relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p));
      }
    }
    return m;
  }

  @Test
  void aTakenOverLockOfARunKilledInItsCommitNamesWhatItWasCommitting() throws Exception {
    earlierRun(true);
    file("state_counts/part-00000-x.parquet", "x"); // moved in place before the kill
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    Files.write(
        out().resolve(OutputLock.NAME),
        OutputLock.json(
            new OutputLock.Holder(
                "killed",
                "run",
                OutputLock.host(),
                p.pid(),
                null,
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z",
                List.of("documents", "state_counts"))));
    try (OutputFolder f = open(false)) {
      f.beforeCommit(Set.of("documents", "term_frequencies"), "report");
      assertThat(f.afterCommit()).containsExactly("models", "networks", "state_counts", "topics");
    }
  }

  @Test
  void aModelInsideTheFolderThatTheRunInfersWithIsKept() throws Exception {
    earlierRun(true);
    try (OutputFolder f = open(false)) {
      f.keep(out().resolve("models/topics").toString());
      f.keep("/somewhere/else/models/topics");
      f.beforeCommit(Set.of("documents", "topics"), "report");
      assertThat(f.afterCommit()).containsExactly("networks", "term_frequencies");
      assertThat(f.outputs()).containsExactly("documents", "models", "report", "topics");
    }
    assertThat(out().resolve("models/topics/lda/metadata/part-00000")).exists();
  }

  @Test
  void anUpdateKeepsTheEarlierEntriesItDoesNotWrite() throws Exception {
    earlierRun(true);
    try (OutputFolder f = open(false)) {
      assertThat(f.earlierEntries())
          .containsExactlyInAnyOrder(
              "documents", "term_frequencies", "topics", "networks", "models", "report");
      java.util.Set<String> others = new java.util.TreeSet<>(f.earlierEntries());
      others.removeAll(Set.of("term_frequencies", "report"));
      f.keepEntries(others);
      f.beforeCommit(Set.of("term_frequencies"), "report");
      assertThat(f.afterCommit()).isEmpty();
      assertThat(f.outputs())
          .containsExactly(
              "documents", "models", "networks", "report", "term_frequencies", "topics");
    }
    assertThat(out().resolve("topics")).exists();
  }

  @Test
  void marsadFilesAreSparkPartsChecksumsAndTheKnownNamesOfEachFolder() {
    assertThat(OutputFolder.isMarsadFile("documents", "/period=2021/part-00000-x.parquet"))
        .isTrue();
    assertThat(OutputFolder.isMarsadFile("documents", "/_SUCCESS")).isTrue();
    assertThat(OutputFolder.isMarsadFile("documents", "/.part-0.parquet.crc")).isTrue();
    assertThat(OutputFolder.isMarsadFile("documents", "/data_0.parquet")).isFalse();
    assertThat(OutputFolder.isMarsadFile("networks", "/2021-01.gexf")).isTrue();
    assertThat(OutputFolder.isMarsadFile("networks", "/mine/2021-01.gexf")).isFalse();
    assertThat(OutputFolder.isMarsadFile("csv", "/documents.csv")).isTrue();
    assertThat(OutputFolder.isMarsadFile("csv", "/budget.xlsx")).isFalse();
    assertThat(OutputFolder.isMarsadFile("report", "/index.html")).isTrue();
    assertThat(OutputFolder.isMarsadFile("report", "/my-notes.html")).isFalse();
  }
}
