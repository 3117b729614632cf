package org.marsad.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock file {@code _marsad.lock} of an output folder, so that one Marsad run at a time writes
 * there. It holds the holder's run id, command, host, process id and start time, and a heartbeat
 * the holder rewrites every 30 seconds. A lock is stale, and taken over with a warning, when its
 * process is gone on this host (or the process id now belongs to another process), or, from another
 * host, when its heartbeat is older than {@link #STALE_AFTER}. On the local filesystem the lock is
 * created atomically ({@code O_EXCL}); on HDFS by {@code create(overwrite=false)}; on object stores
 * it is as atomic as their conditional create.
 */
public final class OutputLock implements AutoCloseable {

  /** The lock file's name in the output folder (an underscore: Spark and DuckDB globs skip it). */
  public static final String NAME = "_marsad.lock";

  /** A lock whose heartbeat is older than this, held from another host, is stale. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(10);

  static final Duration HEARTBEAT = Duration.ofSeconds(30);

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
    Store store = Store.of(fs, path);
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
    try {
      for (int attempt = 0; attempt < 5; attempt++) {
        if (store.createNew(json(me))) {
          return new OutputLock(store, path, me, taken);
        }
        byte[] content = store.read();
        if (content == null) {
          continue; // released between our create and our read: try again
        }
        Holder h = parse(content);
        if (h == null) {
          // Being written right now, or garbage: judge by the file's age.
          Instant written = store.modified();
          if (written != null && written.isBefore(Instant.now().minus(STALE_AFTER))) {
            LOG.warn(
                "[output] taking over an unreadable lock file {} (older than {})", path, age());
            store.delete();
          } else {
            sleep(500);
          }
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
        "Cannot write output: the lock file is unreadable, and recent ("
            + path
            + "); if no Marsad run is writing to this folder, delete it");
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
  private interface Store {
    boolean createNew(byte[] content) throws IOException;

    void overwrite(byte[] content) throws IOException;

    byte[] read() throws IOException;

    void delete() throws IOException;

    Instant modified() throws IOException;

    static Store of(FileSystem fs, Path path) {
      if (fs instanceof LocalFileSystem local) {
        return new Local(local.pathToFile(path).toPath());
      }
      if (fs instanceof RawLocalFileSystem raw) {
        return new Local(raw.pathToFile(path).toPath());
      }
      return new Hadoop(fs, path);
    }
  }

  private record Local(java.nio.file.Path file) implements Store {
    @Override
    public boolean createNew(byte[] content) throws IOException {
      try {
        Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }

    @Override
    public void overwrite(byte[] content) throws IOException {
      java.nio.file.Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.write(tmp, content);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

  private record Hadoop(FileSystem fs, Path path) implements Store {
    @Override
    public boolean createNew(byte[] content) throws IOException {
      try (OutputStream out = fs.create(path, false)) {
        out.write(content);
        return true;
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        if (fs.exists(path)) {
          return false; // some filesystems report an existing file with a plain IOException
        }
        throw e;
      }
    }

    @Override
    public void overwrite(byte[] content) throws IOException {
      try (OutputStream out = fs.create(path, true)) {
        out.write(content);
      }
    }

    @Override
    public byte[] read() throws IOException {
      try (InputStream in = fs.open(path)) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
      } catch (java.io.FileNotFoundException e) {
        return null;
      }
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
