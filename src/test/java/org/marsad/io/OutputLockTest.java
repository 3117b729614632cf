package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run at a time per output folder; locks of dead runs are taken over. */
@Tag("unit")
class OutputLockTest {

  @TempDir Path tmp;

  private static FileSystem fs() throws Exception {
    return FileSystem.getLocal(new Configuration());
  }

  private org.apache.hadoop.fs.Path folder() {
    return new org.apache.hadoop.fs.Path(tmp.toUri());
  }

  private void writeLock(String host, long pid, String pidStarted, Instant heartbeat)
      throws Exception {
    OutputLock.Holder h =
        new OutputLock.Holder(
            "old-run",
            "run",
            host,
            pid,
            pidStarted,
            "2026-01-01T00:00:00Z",
            heartbeat.toString(),
            List.of("topics", "documents"));
    Files.write(tmp.resolve(OutputLock.NAME), OutputLock.json(h));
  }

  private static String myStart() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(i -> i.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString())
        .orElse(null);
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheFolderAndMayGoOnAfterIt() throws Exception {
    OutputLock first = OutputLock.acquire(fs(), folder(), "run-1", "run");
    String content = Files.readString(tmp.resolve(OutputLock.NAME), StandardCharsets.UTF_8);
    assertThat(content)
        .contains("\"run_id\" : \"run-1\"")
        .contains("\"pid\" : " + ProcessHandle.current().pid())
        .contains("\"host\" : \"" + OutputLock.host() + "\"");
    assertThatThrownBy(() -> OutputLock.acquire(fs(), folder(), "run-2", "terms"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "Cannot write output: another Marsad run is writing to this folder (run run-1,"
                + " command run, host "
                + OutputLock.host()
                + ", pid "
                + ProcessHandle.current().pid())
        .hasMessageContaining("wait for it to end or choose another --output")
        .hasMessageEndingWith("if that run is dead, delete " + first.path());
    first.close();
    assertThat(tmp.resolve(OutputLock.NAME)).doesNotExist();
    OutputLock second = OutputLock.acquire(fs(), folder(), "run-2", "terms");
    assertThat(second.takenOver()).isNull();
    second.close();
  }

  @Test
  void theLockOfAProcessThatIsGoneOnThisHostIsTakenOver() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    writeLock(OutputLock.host(), p.pid(), null, Instant.now());
    try (OutputLock lock = OutputLock.acquire(fs(), folder(), "new-run", "terms")) {
      assertThat(lock.takenOver().runId()).isEqualTo("old-run");
      assertThat(lock.takenOver().committing()).containsExactly("topics", "documents");
      assertThat(Files.readString(tmp.resolve(OutputLock.NAME))).contains("new-run");
    }
  }

  @Test
  void aPidNowUsedByAnotherProcessIsStaleButTheLiveHolderIsNot() throws Exception {
    long me = ProcessHandle.current().pid();
    writeLock(OutputLock.host(), me, "2000-01-01T00:00:00Z", Instant.now());
    try (OutputLock lock = OutputLock.acquire(fs(), folder(), "new-run", "terms")) {
      assertThat(lock.takenOver().runId()).isEqualTo("old-run");
    }
    writeLock(OutputLock.host(), me, myStart(), Instant.now().minusSeconds(86_400));
    // alive on this host: a day without heartbeat (a suspended laptop) does not make it stale
    assertThatThrownBy(() -> OutputLock.acquire(fs(), folder(), "new-run", "terms"))
        .hasMessageContaining("another Marsad run is writing to this folder (run old-run");
  }

  @Test
  void fromAnotherHostOnlyAnOldHeartbeatMakesTheLockStale() throws Exception {
    writeLock("elsewhere.example", 1, null, Instant.now().minusSeconds(60));
    assertThatThrownBy(() -> OutputLock.acquire(fs(), folder(), "new-run", "terms"))
        .hasMessageContaining("(run old-run, command run, host elsewhere.example, pid 1, since");
    writeLock(
        "elsewhere.example", 1, null, Instant.now().minus(OutputLock.STALE_AFTER).minusSeconds(60));
    try (OutputLock lock = OutputLock.acquire(fs(), folder(), "new-run", "terms")) {
      assertThat(lock.takenOver().host()).isEqualTo("elsewhere.example");
    }
  }

  @Test
  void anUnreadableLockIsTakenOverAtOnceWhenOldAndAfterAMomentWhenJustWritten() throws Exception {
    Path f = tmp.resolve(OutputLock.NAME);
    Files.write(f, new byte[0]); // what an older version left on a full disk
    Files.setLastModifiedTime(
        f, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(60)));
    try (OutputLock lock = OutputLock.acquire(fs(), folder(), "new-run", "terms")) {
      assertThat(lock.takenOver()).isNull();
      assertThat(OutputLock.parse(Files.readAllBytes(f)).runId()).isEqualTo("new-run");
    }
    Files.writeString(f, "{\"run_id\": "); // garbage written just now
    try (OutputLock lock = OutputLock.acquire(fs(), folder(), "newer-run", "terms")) {
      assertThat(OutputLock.parse(Files.readAllBytes(f)).runId()).isEqualTo("newer-run");
    }
  }

  @Test
  void aFullDiskLeavesNoLockFileAndSaysWhy() throws Exception {
    Path f = tmp.resolve(OutputLock.NAME);
    // The disk fills up half way through the lock's content.
    OutputLock.Local full =
        new OutputLock.Local(
            f,
            (file, content) -> {
              Files.write(file, java.util.Arrays.copyOf(content, content.length / 2));
              throw new java.io.IOException("No space left on device");
            });
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder(), OutputLock.NAME);
    assertThatThrownBy(() -> OutputLock.acquire(full, path, "run-1", "run"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessage(
            "Cannot write output: cannot create the lock file ("
                + path
                + "): No space left on device");
    try (var files = Files.list(tmp)) {
      assertThat(files).as("neither the lock nor its temporary file is left").isEmpty();
    }
    // The same with a live lock in place: the lock is not touched by a failed heartbeat either.
    try (OutputLock lock = OutputLock.acquire(fs(), folder(), "run-2", "run")) {
      byte[] before = Files.readAllBytes(f);
      assertThatThrownBy(() -> full.overwrite(OutputLock.json(OutputLock.parse(before))))
          .hasMessage("No space left on device");
      assertThat(Files.readAllBytes(f)).isEqualTo(before);
      try (var files = Files.list(tmp)) {
        assertThat(files).containsExactly(f);
      }
    }
  }

  @Test
  void theLockIsNeverSeenEmptyWhileItIsCreated() throws Exception {
    Path f = tmp.resolve(OutputLock.NAME);
    java.util.concurrent.atomic.AtomicReference<byte[]> seenDuringWrite =
        new java.util.concurrent.atomic.AtomicReference<>();
    OutputLock.Local slow =
        new OutputLock.Local(
            f,
            (file, content) -> {
              Files.write(file, new byte[0]); // created, nothing written yet
              seenDuringWrite.set(Files.exists(f) ? Files.readAllBytes(f) : null);
              Files.write(file, content);
            });
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder(), OutputLock.NAME);
    try (OutputLock lock = OutputLock.acquire(slow, path, "run-1", "run")) {
      assertThat(seenDuringWrite.get()).as("no lock file before its content is complete").isNull();
      assertThat(OutputLock.parse(Files.readAllBytes(f)).runId()).isEqualTo("run-1");
    }
  }

  @Test
  void committingIsRecordedInTheLockFileAndALockOfAnotherRunIsNotDeleted() throws Exception {
    OutputLock lock = OutputLock.acquire(fs(), folder(), "run-1", "run");
    lock.committing(List.of("documents", "topics"));
    assertThat(OutputLock.parse(Files.readAllBytes(tmp.resolve(OutputLock.NAME))).committing())
        .containsExactly("documents", "topics");
    writeLock(OutputLock.host(), 1, null, Instant.now()); // another run took it over
    lock.close();
    assertThat(Files.readString(tmp.resolve(OutputLock.NAME))).contains("old-run");
  }
}
