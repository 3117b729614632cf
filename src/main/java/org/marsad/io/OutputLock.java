package org.marsad.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock file {@code _marsad.lock} of an output folder, so that one Marsad run at a time writes
 * there. It holds the holder's run id, command, host, process id and start time, and a heartbeat
 * the holder rewrites every 30 seconds. A lock is stale, and taken over with a warning, when its
 * process is gone on this host (or the process id now belongs to another process), or, from another
 * host, when its heartbeat is older than {@link #STALE_AFTER}. The lock is created whole and never
 * overwrites another's: locally a complete temporary file hard-linked to the lock's name, on HDFS a
 * complete temporary file renamed to it, on object stores one conditional PUT; heartbeats replace
 * it atomically. An unreadable lock (left by an older version on a full disk) is taken over.
 */
public final class OutputLock implements AutoCloseable {

  /** The lock file's name in the output folder (an underscore: Spark and DuckDB globs skip it). */
  public static final String NAME = "_marsad.lock";

  /** A lock whose heartbeat is older than this, held from another host, is stale. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(10);

  static final Duration HEARTBEAT = Duration.ofSeconds(30);

  /** How long an unreadable lock written just now is given to be completed by its writer. */
  static final Duration UNREADABLE_GRACE = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a lock file says about its holder. */
  record Holder(
      String runId,
      String command,
      String host,
      long pid,
      String pidStartedAt,
      String startedAt,
      String heartbeatAt,
      List<String> committing) {

    String describe() {
      return "run "
          + runId
          + ", command "
          + command
          + ", host "
          + host
          + ", pid "
          + pid
          + ", since "
          + startedAt;
    }
  }

  private final Store store;
  private final Path path;
  private final Holder taken;
  private volatile Holder me;
  private final ScheduledExecutorService heartbeat;
  private volatile boolean held = true;

  private OutputLock(Store store, Path path, Holder me, Holder taken) {
    this.store = store;
    this.path = path;
    this.me = me;
    this.taken = taken;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "marsad-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long s = HEARTBEAT.toSeconds();
    heartbeat.scheduleWithFixedDelay(this::beat, s, s, TimeUnit.SECONDS);
  }

  /**
   * Takes the lock of {@code folder} (which must exist) for run {@code runId} of {@code command}.
   *
   * @throws IllegalStateException when a live run holds it, naming that run
   */
  public static OutputLock acquire(FileSystem fs, Path folder, String runId, String command) {
    Path path = new Path(folder, NAME);
    return acquire(Store.of(fs, path), path, runId, command);
  }

  static OutputLock acquire(Store store, Path path, String runId, String command) {
    Instant now = Instant.now();
    Holder me =
        new Holder(
            runId,
            command,
            host(),
            ProcessHandle.current().pid(),
            ProcessHandle.current()
                .info()
                .startInstant()
                .map(i -> i.truncatedTo(ChronoUnit.MILLIS).toString())
                .orElse(null),
            now.toString(),
            now.toString(),
            List.of());
    Holder taken = null;
    Instant unreadableSince = null;
    try {
      for (int attempt = 0; attempt < 20; attempt++) {
        if (store.createNew(json(me))) {
          return new OutputLock(store, path, me, taken);
        }
        byte[] content = store.read();
        if (content == null) {
          continue; // released between our create and our read: try again
        }
        Holder h = parse(content);
        if (h == null) {
          // This version never leaves a lock empty or partial (see Store): an unreadable one was
          // left by a crash of an older version (a full disk left 0 bytes) or damaged by hand.
          // Grant an older version's write in flight a moment, then take the lock over.
          Instant seen = Instant.now();
          unreadableSince = unreadableSince == null ? seen : unreadableSince;
          Instant written = store.modified();
          boolean fresh = written != null && written.isAfter(seen.minus(UNREADABLE_GRACE));
          if (fresh && unreadableSince.isAfter(seen.minus(UNREADABLE_GRACE))) {
            sleep(200);
            continue;
          }
          LOG.warn(
              "[output] taking over the lock file {}: it is unreadable ({} bytes{}), which no"
                  + " live Marsad run leaves",
              path,
              content.length,
              written == null ? "" : ", written " + written);
          store.delete();
          unreadableSince = null;
          continue;
        }
        String stale = staleReason(h, Instant.now(), me.host());
        if (stale == null) {
          throw new IllegalStateException(
              "Cannot write output: another Marsad run is writing to this folder ("
                  + h.describe()
                  + "); wait for it to end or choose another --output; if that run is dead, delete "
                  + path);
        }
        LOG.warn("[output] taking over the lock of {}: {}", h.describe(), stale);
        taken = h;
        store.delete();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write output: cannot create the lock file (" + path + "): " + e.getMessage(), e);
    }
    throw new IllegalStateException(
        "Cannot write output: the lock file keeps changing hands ("
            + path
            + "); if no other Marsad run is writing to this folder, delete it");
  }

  /**
   * Why {@code h} no longer holds the lock, or null when it may still be running: on this host its
   * process is gone (or the pid now belongs to a process started at another time); from another
   * host its heartbeat is older than {@link #STALE_AFTER}.
   */
  static String staleReason(Holder h, Instant now, String host) {
    if (host.equals(h.host())) {
      Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
      if (p.isEmpty() || !p.get().isAlive()) {
        return "its process " + h.pid() + " is gone";
      }
      Optional<Instant> started = p.get().info().startInstant();
      if (h.pidStartedAt() != null
          && started.isPresent()
          && !started.get().truncatedTo(ChronoUnit.MILLIS).toString().equals(h.pidStartedAt())) {
        return "process " + h.pid() + " is another process now";
      }
      return null;
    }
    Instant beat = parseInstant(h.heartbeatAt());
    if (beat == null || beat.isBefore(now.minus(STALE_AFTER))) {
      return "no heartbeat since " + h.heartbeatAt() + " (more than " + age() + ")";
    }
    return null;
  }

  private static String age() {
    return STALE_AFTER.toMinutes() + " minutes";
  }

  /** The lock this run took over from a dead run, or null. */
  Holder takenOver() {
    return taken;
  }

  /** The lock file. */
  public Path path() {
    return path;
  }

  /**
   * Records the entries the run is about to commit (replace or remove), so that a run taking over
   * after a crash in the middle of the commit knows them as Marsad's.
   */
  public synchronized void committing(List<String> entries) {
    me =
        new Holder(
            me.runId(),
            me.command(),
            me.host(),
            me.pid(),
            me.pidStartedAt(),
            me.startedAt(),
            Instant.now().toString(),
            List.copyOf(entries));
    try {
      store.overwrite(json(me));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write output: cannot update the lock file (" + path + "): " + e.getMessage(), e);
    }
  }

  private synchronized void beat() {
    if (!held) {
      return;
    }
    try {
      byte[] content = store.read();
      Holder h = content == null ? null : parse(content);
      if (h == null || !me.runId().equals(h.runId())) {
        LOG.warn("[output] the lock file {} was taken by another run", path);
        held = false;
        return;
      }
      me =
          new Holder(
              me.runId(),
              me.command(),
              me.host(),
              me.pid(),
              me.pidStartedAt(),
              me.startedAt(),
              Instant.now().toString(),
              me.committing());
      store.overwrite(json(me));
    } catch (IOException | RuntimeException e) {
      LOG.debug("lock heartbeat failed (retried in {} s)", HEARTBEAT.toSeconds(), e);
    }
  }

  /** Releases the lock (deletes the file when it is still this run's). */
  @Override
  public synchronized void close() {
    heartbeat.shutdownNow();
    if (!held) {
      return;
    }
    held = false;
    try {
      byte[] content = store.read();
      Holder h = content == null ? null : parse(content);
      if (h != null && me.runId().equals(h.runId())) {
        store.delete();
      }
    } catch (IOException e) {
      LOG.warn("[output] could not remove the lock file {}: {}", path, e.getMessage());
    }
  }

  static byte[] json(Holder h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", h.runId());
    m.put("command", h.command());
    m.put("host", h.host());
    m.put("pid", h.pid());
    m.put("pid_started_at", h.pidStartedAt());
    m.put("started_at", h.startedAt());
    m.put("heartbeat_at", h.heartbeatAt());
    m.put("committing", h.committing());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The holder a lock file names, or null when it is not a complete lock file. */
  static Holder parse(byte[] content) {
    try {
      JsonNode n = JSON.readTree(content);
      if (n == null || !n.hasNonNull("run_id") || !n.hasNonNull("host") || !n.has("pid")) {
        return null;
      }
      List<String> committing = new ArrayList<>();
      if (n.has("committing")) {
        n.get("committing").forEach(e -> committing.add(e.asText()));
      }
      return new Holder(
          n.get("run_id").asText(),
          n.path("command").asText(""),
          n.get("host").asText(),
          n.get("pid").asLong(),
          n.hasNonNull("pid_started_at") ? n.get("pid_started_at").asText() : null,
          n.path("started_at").asText(""),
          n.path("heartbeat_at").asText(""),
          committing);
    } catch (IOException e) {
      return null;
    }
  }

  private static Instant parseInstant(String s) {
    try {
      return s == null || s.isEmpty() ? null : Instant.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String h = System.getenv("HOSTNAME");
      return h == null ? "unknown" : h;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot write output: interrupted while taking the lock", e);
    }
  }

  /**
   * The lock file on its filesystem: java.nio on the local one (an exclusive create, and no Hadoop
   * checksum file to go stale), Hadoop's FileSystem elsewhere.
   */
  interface Store {
    boolean createNew(byte[] content) throws IOException;

    void overwrite(byte[] content) throws IOException;

    byte[] read() throws IOException;

    void delete() throws IOException;

    Instant modified() throws IOException;

    static Store of(FileSystem fs, Path path) {
      java.nio.file.Path local = HadoopFiles.local(fs, path);
      return local != null ? new Local(local) : new Hadoop(fs, path);
    }
  }

  /**
   * The lock on the local filesystem. It is created whole: its content goes to a temporary file of
   * this attempt, which is then hard-linked to the lock's name ({@code link(2)} fails when the name
   * exists), so no reader ever sees an empty or partial lock, even when the disk is full.
   */
  record Local(java.nio.file.Path file, ContentWriter writer) implements Store {

    Local(java.nio.file.Path file) {
      this(file, Files::write);
    }

    @Override
    public boolean createNew(byte[] content) throws IOException {
      java.nio.file.Path tmp =
          file.resolveSibling("." + file.getFileName() + "." + HadoopFiles.tag() + ".tmp");
      try {
        writer.write(tmp, content);
        try {
          Files.createLink(file, tmp);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
          if (e instanceof FileAlreadyExistsException) {
            return false;
          }
          // No hard links on this filesystem: a move that refuses an existing lock (checked, then
          // renamed: not atomic, but the lock is still never partial).
          Files.move(tmp, file);
        }
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } finally {
        Files.deleteIfExists(tmp);
      }
    }

    @Override
    public void overwrite(byte[] content) throws IOException {
      java.nio.file.Path tmp =
          file.resolveSibling("." + file.getFileName() + "." + HadoopFiles.tag() + ".tmp");
      try {
        writer.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }

    @Override
    public byte[] read() throws IOException {
      try {
        return Files.readAllBytes(file);
      } catch (java.nio.file.NoSuchFileException e) {
        return null;
      }
    }

    @Override
    public void delete() throws IOException {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    }

    @Override
    public Instant modified() throws IOException {
      try {
        return Files.getLastModifiedTime(file).toInstant();
      } catch (java.nio.file.NoSuchFileException e) {
        return null;
      }
    }
  }

  /** Writes a file's content (a seam for tests that fill the disk). */
  @FunctionalInterface
  interface ContentWriter {
    void write(java.nio.file.Path file, byte[] content) throws IOException;
  }

  /**
   * The lock on another Hadoop filesystem. On HDFS (and any filesystem whose rename refuses an
   * existing target) it is written to a temporary file and renamed to the lock's name; on object
   * stores it is one conditional PUT ({@code create(overwrite=false)}), whose object appears whole
   * when the stream closes. Either way it is never empty or partial.
   */
  private record Hadoop(FileSystem fs, Path path) implements Store {
    @Override
    public boolean createNew(byte[] content) throws IOException {
      if (HadoopFiles.objectStore(fs)) {
        try (OutputStream out = fs.create(path, false)) {
          out.write(content);
          return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
          return false;
        } catch (IOException e) {
          if (fs.exists(path)) {
            return false; // some stores report an existing object with a plain IOException
          }
          throw e;
        }
      }
      Path tmp =
          new Path(path.getParent(), "." + path.getName() + "." + HadoopFiles.tag() + ".tmp");
      try {
        try (OutputStream out = fs.create(tmp, false)) {
          out.write(content);
        }
        return fs.rename(tmp, path); // HDFS: false when the lock exists
      } finally {
        fs.delete(tmp, false);
      }
    }

    @Override
    public void overwrite(byte[] content) throws IOException {
      HadoopFiles.writeAtomically(fs, path, content);
    }

    @Override
    public byte[] read() throws IOException {
      return HadoopFiles.read(fs, path);
    }

    @Override
    public void delete() throws IOException {
      fs.delete(path, false);
    }

    @Override
    public Instant modified() throws IOException {
      try {
        return Instant.ofEpochMilli(fs.getFileStatus(path).getModificationTime());
      } catch (java.io.FileNotFoundException e) {
        return null;
      }
    }
  }
}
