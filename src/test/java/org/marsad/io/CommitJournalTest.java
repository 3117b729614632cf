package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marsad.io.CommitJournal.Step;

/**
 * The commit journal on hand-made folders (no Spark): a commit crashed after any number of
 * filesystem changes, then finished, leaves exactly the new run; before the journal is written the
 * folder holds exactly the old run. Both ways of moving (a folder renamed whole, as on the local
 * filesystem and HDFS, and file by file, as on object stores) are crashed at every point.
 */
@Tag("unit")
class CommitJournalTest {

  @TempDir Path tmp;

  private static final String STAGING = "_staging/new-run";

  private static final String OUTPUTS =
      "\"outputs\": [\"csv\", \"documents\", \"report\", \"term_frequencies\"";

  private static final String OLD_MANIFEST =
      "{\"run_id\": \"old-run\", \"command\": \"run\", " + OUTPUTS + ", \"topics\"]}";

  private static final String NEW_MANIFEST =
      "{\"run_id\": \"new-run\", \"command\": \"terms\", " + OUTPUTS + "]}";

  private static FileSystem fs() throws IOException {
    return FileSystem.getLocal(new Configuration());
  }

  private static void file(Path root, String rel, String content) throws IOException {
    Path f = root.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, content, StandardCharsets.UTF_8);
  }

  /** The earlier run, and the new run staged beside it. */
  private static void fixture(Path root) throws IOException {
    file(root, "_manifest.json", OLD_MANIFEST);
    file(root, "documents/period=2021-01/part-00000-old.parquet", "old docs 1");
    file(root, "documents/period=2021-02/part-00000-old.parquet", "old docs 2");
    file(root, "documents/_SUCCESS", "");
    file(root, "topics/part-00000-old.parquet", "old topics");
    file(root, "report/index.html", "old report");
    file(root, "term_frequencies/period=2021-01/part-00000-old.parquet", "old tf 1");
    file(root, "term_frequencies/period=2021-02/part-00000-old.parquet", "old tf 2");
    file(root, "term_frequencies/period=2021-03/part-00000-old.parquet", "old tf 3");
    file(root, "csv/documents.csv", "old csv");
    file(root, "notes.txt", "the user's");
    file(root, STAGING + "/documents/period=2021-02/part-00000-new.parquet", "new docs 2");
    file(root, STAGING + "/documents/period=2021-03/part-00001-new.parquet", "new docs 3");
    file(root, STAGING + "/documents/_SUCCESS", "");
    file(root, STAGING + "/term_frequencies/period=2021-02/part-00000-new.parquet", "new tf 2");
    file(root, STAGING + "/csv/documents.csv", "new csv");
    file(root, STAGING + "/report/index.html", "new report");
    file(root, STAGING + "/_manifest.json", NEW_MANIFEST);
    file(root, STAGING + "/_intermediate/pass/part-0.parquet", "scratch");
  }

  private static CommitJournal journal(FileSystem fs, Path root) throws IOException {
    org.apache.hadoop.fs.Path r = new org.apache.hadoop.fs.Path(root.toUri());
    return new CommitJournal(
        "new-run",
        STAGING,
        List.of(
            Step.replace(
                "documents",
                STAGING + "/documents",
                CommitJournal.filesOf(
                    fs, new org.apache.hadoop.fs.Path(r, STAGING + "/documents"))),
            Step.replace(
                "term_frequencies/period=2021-02",
                STAGING + "/term_frequencies/period=2021-02",
                List.of("part-00000-new.parquet")),
            Step.delete("term_frequencies/period=2021-03"),
            Step.replace("csv/documents.csv", STAGING + "/csv/documents.csv", null),
            Step.delete("topics"),
            Step.replace("report/index.html", STAGING + "/report/index.html", null),
            Step.replace("_manifest.json", STAGING + "/_manifest.json", null)));
  }

  /** What the folder holds once the new run is committed. */
  private static final Map<String, String> NEW =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("_manifest.json", NEW_MANIFEST),
              Map.entry("documents/period=2021-02/part-00000-new.parquet", "new docs 2"),
              Map.entry("documents/period=2021-03/part-00001-new.parquet", "new docs 3"),
              Map.entry("documents/_SUCCESS", ""),
              Map.entry("report/index.html", "new report"),
              Map.entry("term_frequencies/period=2021-01/part-00000-old.parquet", "old tf 1"),
              Map.entry("term_frequencies/period=2021-02/part-00000-new.parquet", "new tf 2"),
              Map.entry("csv/documents.csv", "new csv"),
              Map.entry("notes.txt", "the user's")));

  /** Every file of the folder (checksums aside) with its content. */
  private static Map<String, String> content(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(f).toString();
        if (!rel.endsWith(".crc")) {
          m.put(rel, Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    return m;
  }

  /** Crashes after {@code budget} changes (never when negative); counts them. */
  private static CommitJournal.Hook crashAfter(int budget, AtomicInteger changes) {
    return () -> {
      if (budget >= 0 && changes.get() >= budget) {
        throw new IOException("crash");
      }
      changes.incrementAndGet();
    };
  }

  @ParameterizedTest(name = "folders renamed whole: {0}")
  @ValueSource(booleans = {true, false})
  void aCommitCrashedAfterAnyChangeIsFinishedIntoExactlyTheNewRun(boolean folderRename)
      throws Exception {
    FileSystem fs = fs();
    Path full = Files.createDirectories(tmp.resolve("full"));
    fixture(full);
    AtomicInteger all = new AtomicInteger();
    org.apache.hadoop.fs.Path fullRoot = new org.apache.hadoop.fs.Path(full.toUri());
    journal(fs, full).apply(fs, fullRoot, folderRename, crashAfter(-1, all));
    assertThat(content(full)).isEqualTo(NEW);
    assertThat(all.get()).isGreaterThan(8);

    for (int budget = 0; budget < all.get(); budget++) {
      Path root = Files.createDirectories(tmp.resolve("crash-" + folderRename + "-" + budget));
      fixture(root);
      org.apache.hadoop.fs.Path r = new org.apache.hadoop.fs.Path(root.toUri());
      CommitJournal j = journal(fs, root);
      HadoopFiles.writeAtomically(
          fs, new org.apache.hadoop.fs.Path(r, CommitJournal.NAME), j.toJson());
      AtomicInteger changes = new AtomicInteger();
      int b = budget;
      assertThatThrownBy(() -> j.apply(fs, r, folderRename, crashAfter(b, changes)))
          .hasMessage("crash");
      assertThat(root.resolve(CommitJournal.NAME)).as("crash after %d changes", budget).exists();
      // The next command finishes the commit from the journal alone (crashing once more midway).
      CommitJournal again =
          CommitJournal.parse(Files.readAllBytes(root.resolve(CommitJournal.NAME)));
      AtomicInteger second = new AtomicInteger();
      try {
        again.apply(fs, r, folderRename, crashAfter(1, second));
      } catch (IOException e) {
        assertThat(e).hasMessage("crash");
      }
      if (Files.exists(root.resolve(CommitJournal.NAME))) {
        CommitJournal.parse(Files.readAllBytes(root.resolve(CommitJournal.NAME)))
            .apply(fs, r, folderRename, CommitJournal.Hook.NONE);
      }
      assertThat(content(root)).as("crash after %d changes", budget).isEqualTo(NEW);
    }
  }

  @Test
  void beforeItsJournalIsWrittenACommitLeavesTheEarlierRunWholeAndTheNextOpenDropsTheStaging()
      throws Exception {
    Path root = tmp.resolve("out");
    fixture(root);
    Map<String, String> before = content(root);
    before.keySet().removeIf(k -> k.startsWith("_staging"));
    OutputFolder.open(new Configuration(), root.toString(), "next-run", "terms", false).close();
    assertThat(content(root)).isEqualTo(before);
  }

  @Test
  void everyCommandThatOpensTheFolderFinishesAnInterruptedCommitFirst() throws Exception {
    FileSystem fs = fs();
    for (String how : List.of("open", "openExisting", "finishCommit")) {
      Path root = tmp.resolve("out-" + how);
      fixture(root);
      org.apache.hadoop.fs.Path r = new org.apache.hadoop.fs.Path(root.toUri());
      CommitJournal j = journal(fs, root);
      HadoopFiles.writeAtomically(
          fs, new org.apache.hadoop.fs.Path(r, CommitJournal.NAME), j.toJson());
      assertThat(OutputFolder.commitPending(new Configuration(), root.toString())).isTrue();
      switch (how) {
        case "open" ->
            OutputFolder.open(new Configuration(), root.toString(), "next", "terms", false).close();
        case "openExisting" ->
            OutputFolder.openExisting(new Configuration(), root.toString(), "report").close();
        default -> OutputFolder.finishCommit(new Configuration(), root.toString());
      }
      assertThat(content(root)).as(how).isEqualTo(NEW);
      assertThat(OutputFolder.commitPending(new Configuration(), root.toString())).isFalse();
    }
  }

  @Test
  void anUnreadableJournalStopsTheCommandAndSaysSo() throws Exception {
    Path root = tmp.resolve("out");
    fixture(root);
    file(root, CommitJournal.NAME, "{\"format\": 1, \"steps\": [");
    assertThatThrownBy(
            () -> OutputFolder.open(new Configuration(), root.toString(), "r", "terms", false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "Cannot open output: the journal of an interrupted commit is unreadable (")
        .hasMessageEndingWith(
            "; the folder may mix two runs: run the command again with a new --output");
    assertThat(root.resolve(OutputLock.NAME)).doesNotExist();
  }
}
