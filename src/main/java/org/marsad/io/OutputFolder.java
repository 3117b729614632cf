package org.marsad.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output folder that holds exactly one run: the run takes the folder's {@link OutputLock},
 * replaces the entries (tables, {@code networks/}, {@code models/}, {@code csv/}, {@code report/})
 * it writes and removes those of the earlier run that it did not write, so that {@code
 * _manifest.json}, the tables and the report describe the same run. It refuses a non-empty folder
 * that holds no Marsad run (no manifest) unless {@code --overwrite} is given, and never deletes a
 * file that Marsad did not write without saying so: such files inside an entry it would replace or
 * remove make it stop and name them, or, with {@code --overwrite}, delete them with a warning.
 * Other files beside the entries are left alone. Works through Hadoop's FileSystem ({@code file:},
 * {@code hdfs://}, {@code s3a://}).
 */
public final class OutputFolder implements AutoCloseable {

  /** The manifest of the run a folder holds. */
  public static final String MANIFEST = "_manifest.json";

  /** Entries every run writes or uses for itself; never foreign, never removed as stale. */
  private static final Set<String> HOUSEKEEPING =
      Set.of(MANIFEST, "." + MANIFEST + ".tmp", "_staging", OutputLock.NAME, CommitJournal.NAME);

  /** Entries that are not tables (older manifests list only the tables). */
  private static final List<String> NON_TABLE_ENTRIES =
      List.of("networks", "models", "csv", "report");

  private static final int NAMED = 10;
  private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);

  private final FileSystem fs;
  private final Path root;
  private final boolean overwrite;
  private final OutputLock lock;
  private final String previousRun;
  private final Set<String> previous;
  private final Set<String> kept = new TreeSet<>();
  private final Set<String> written = new TreeSet<>();
  private final Set<String> stale = new TreeSet<>();
  private final Set<String> warned = new TreeSet<>();
  private final Path created;
  private boolean committed;
  private List<String> removed;

  private OutputFolder(
      FileSystem fs,
      Path root,
      boolean overwrite,
      OutputLock lock,
      String previousRun,
      Set<String> previous,
      Path created) {
    this.fs = fs;
    this.root = root;
    this.overwrite = overwrite;
    this.lock = lock;
    this.previousRun = previousRun;
    this.previous = previous;
    this.created = created;
  }

  /**
   * Opens {@code output} for run {@code runId} of {@code command}: creates it when missing, takes
   * its lock, finishes a commit that a crash interrupted ({@link CommitJournal}), drops what dead
   * runs staged, and checks, before any work, that the run may replace what the folder holds. A
   * folder this call created is removed again by {@link #close()} when nothing was committed.
   *
   * @throws IllegalStateException when another run holds the folder, when it is not empty and holds
   *     no Marsad run (without {@code overwrite}), or when foreign files are inside the entries the
   *     run would replace (without {@code overwrite}); the message says what to do
   */
  public static OutputFolder open(
      Configuration hadoop, String output, String runId, String command, boolean overwrite) {
    Path root = new Path(output);
    FileSystem fs;
    Path created = null;
    try {
      fs = root.getFileSystem(hadoop);
      root = fs.makeQualified(root);
      boolean exists = fs.exists(root);
      if (exists && !fs.getFileStatus(root).isDirectory()) {
        throw new IllegalStateException(
            "Cannot write output: it is a file, not a folder ("
                + output
                + "); choose a folder for --output");
      }
      if (!exists) {
        created = root;
        while (created.getParent() != null && !fs.exists(created.getParent())) {
          created = created.getParent();
        }
      }
      fs.mkdirs(root);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write output: " + e.getMessage() + " (" + output + ")", e);
    }
    OutputLock lock = OutputLock.acquire(fs, root, runId, command);
    try {
      CommitJournal.rollForward(fs, root);
      clearStaging(fs, root);
      Set<String> previous = new TreeSet<>();
      String previousRun = null;
      Path manifest = new Path(root, MANIFEST);
      JsonNode m = fs.exists(manifest) ? readJson(fs, manifest) : null;
      if (m != null) {
        previousRun = m.path("run_id").asText("?") + " (" + m.path("command").asText("?") + ")";
        if (m.has("outputs")) {
          m.get("outputs").forEach(e -> previous.add(e.asText()));
        } else {
          m.path("tables").fieldNames().forEachRemaining(previous::add);
          previous.addAll(NON_TABLE_ENTRIES);
        }
      }
      if (lock.takenOver() != null) {
        previous.addAll(lock.takenOver().committing());
      }
      previous.removeAll(HOUSEKEEPING);
      previous.removeIf(e -> e.isEmpty() || e.contains("/"));
      OutputFolder folder =
          new OutputFolder(fs, root, overwrite, lock, previousRun, previous, created);
      if (m == null) {
        List<String> others = folder.unknownEntries();
        if (!others.isEmpty() && !overwrite) {
          throw new IllegalStateException(
              "Cannot write output: the folder is not empty and has no "
                  + MANIFEST
                  + " of a Marsad run ("
                  + output
                  + ": "
                  + named(others)
                  + "); choose a new or empty folder for --output, or add --overwrite to write into"
                  + " it (Marsad then replaces only the folders it writes)");
        }
      }
      folder.checkForeign(folder.existing(previous));
      return folder;
    } catch (IOException e) {
      lock.close();
      throw new UncheckedIOException(
          "Cannot write output: " + e.getMessage() + " (" + output + ")", e);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The qualified output folder. */
  public Path root() {
    return root;
  }

  /** The folder's filesystem. */
  FileSystem fs() {
    return fs;
  }

  /**
   * Keeps the entry holding {@code path} when {@code path} lies inside this folder (a {@code
   * --model} of the earlier run that this run infers with): it is neither replaced nor removed.
   */
  public void keep(String path) {
    String e = entryOf(path);
    if (e != null) {
      kept.add(e);
    }
  }

  /**
   * Keeps these top-level entries of the earlier run as they are: neither replaced nor removed (an
   * update that rewrites only some tables keeps the others).
   */
  public void keepEntries(Collection<String> entries) {
    for (String e : entries) {
      kept.add(top(e));
    }
  }

  /** The top-level entries of the run the folder held when it was opened (its manifest's). */
  public Set<String> earlierEntries() {
    return Set.copyOf(previous);
  }

  /**
   * Before the commit: the run is about to write {@code entries} (top-level names; {@code
   * models/topics} counts as {@code models}) and remove the earlier run's other entries. Checks
   * them again for foreign files and records them in the lock file.
   *
   * @throws IllegalStateException naming foreign files (without {@code --overwrite})
   */
  public void beforeCommit(Collection<String> entries, String... more) {
    written.clear();
    for (String e : entries) {
      written.add(top(e));
    }
    for (String e : more) {
      written.add(top(e));
    }
    written.removeAll(HOUSEKEEPING);
    stale.clear();
    stale.addAll(previous);
    stale.removeAll(written);
    stale.removeAll(kept);
    Set<String> touched = new TreeSet<>(written);
    touched.removeAll(kept);
    touched.addAll(stale);
    try {
      checkForeign(existing(touched));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write output: " + e.getMessage() + " (" + root + ")", e);
    }
    lock.committing(new ArrayList<>(touched));
  }

  /**
   * The commit, as one: puts everything {@code writer} staged in place and removes the earlier
   * run's entries that this run does not write (and their CSV copies), through one {@link
   * CommitJournal} whose steps end with the staged manifest. After a crash at any point the next
   * command that opens the folder finds the earlier run whole, or finishes this commit first. Calls
   * {@link #beforeCommit} with the writer's entries when it was not called. Returns the entries
   * removed.
   *
   * @throws IllegalStateException naming foreign files (without {@code --overwrite})
   */
  public List<String> commit(TableWriter writer) {
    Set<String> entries = new TreeSet<>(writer.entries());
    entries.removeAll(HOUSEKEEPING);
    if (written.isEmpty() || !written.containsAll(entries)) {
      entries.addAll(written);
      beforeCommit(entries);
    }
    List<CommitJournal.Step> deletions = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    try {
      for (String e : stale) {
        if (fs.exists(new Path(root, e))) {
          deletions.add(CommitJournal.Step.delete(e));
          gone.add(e);
        }
      }
      if (written.contains("csv") && !stale.contains("csv")) {
        for (String e : stale) {
          String copy = "csv/" + e + ".csv";
          if (fs.exists(new Path(root, copy))) {
            deletions.add(CommitJournal.Step.delete(copy));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot commit output: " + e.getMessage() + " (" + root + ")", e);
    }
    try {
      writer.commit(deletions);
    } finally {
      committed = writer.committed(); // past the journal, the folder holds this run
    }
    removed = gone;
    logRemoved(gone);
    return gone;
  }

  /**
   * After {@link TableWriter#commit()}: removes the earlier run's entries that this run did not
   * write, and returns them (after {@link #commit(TableWriter)}, which removed them in its commit,
   * it only returns them).
   */
  public List<String> afterCommit() {
    committed = true;
    if (removed != null) {
      return removed;
    }
    List<String> gone = new ArrayList<>();
    try {
      for (String e : stale) {
        Path p = new Path(root, e);
        if (fs.exists(p)) {
          fs.delete(p, true);
          gone.add(e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot remove the earlier run's tables: " + e.getMessage() + " (" + root + ")", e);
    }
    removed = gone;
    logRemoved(gone);
    return gone;
  }

  private void logRemoved(List<String> gone) {
    if (!gone.isEmpty()) {
      LOG.info(
          "[output] removed what the earlier run {} wrote and this one did not: {}",
          previousRun,
          gone);
    }
  }

  /** The entries of the run this folder now holds (for the manifest's {@code outputs}). */
  public List<String> outputs() {
    Set<String> all = new TreeSet<>(written);
    for (String k : kept) {
      try {
        if (fs.exists(new Path(root, k))) {
          all.add(k);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ArrayList<>(all);
  }

  /**
   * Releases the folder's lock. A folder that {@link #open} created is removed when nothing was
   * committed (a failed run leaves no new empty folder); an existing folder keeps what it held.
   */
  @Override
  public void close() {
    if (!committed) {
      try {
        if (fs.exists(new Path(root, CommitJournal.NAME))) {
          committed = true; // a commit the next command finishes: its staging is the journal's
        } else {
          clearStaging(fs, root); // what a failed run staged
        }
      } catch (IOException e) {
        LOG.debug("could not remove the staging folder of {}", root, e);
      }
    }
    if (created != null && !committed) {
      try {
        FileStatus[] left = fs.listStatus(root);
        boolean onlyLock =
            left.length == 0
                || (left.length == 1 && left[0].getPath().getName().equals(OutputLock.NAME));
        if (onlyLock) {
          lock.close();
          fs.delete(root, true);
          // and the parents that the run created, as long as they are empty
          for (Path p = root; !p.equals(created) && p.getParent() != null; ) {
            p = p.getParent();
            if (fs.listStatus(p).length > 0 || !fs.delete(p, false)) {
              break;
            }
          }
          return;
        }
      } catch (IOException e) {
        LOG.debug("could not remove the new output folder {}", root, e);
      }
    }
    lock.close();
  }

  /**
   * Opens the existing output folder {@code output} for a command that reads or adds to the
   * committed run ({@code report}, {@code export}): takes its lock and finishes an interrupted
   * commit first. {@link #close()} releases the lock.
   *
   * @throws IllegalArgumentException when the folder does not exist
   * @throws IllegalStateException when another run holds the folder
   */
  public static OutputFolder openExisting(Configuration hadoop, String output, String command) {
    Path root = new Path(output);
    FileSystem fs;
    try {
      fs = root.getFileSystem(hadoop);
      root = fs.makeQualified(root);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException(
            "Cannot open output: no such folder ("
                + output
                + "); give the --output folder of a run");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open output: " + e.getMessage() + " (" + output + ")", e);
    }
    String id = command + "-" + HadoopFiles.tag();
    OutputLock lock = OutputLock.acquire(fs, root, id, command);
    try {
      CommitJournal.rollForward(fs, root);
      clearStaging(fs, root);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e instanceof RuntimeException re
          ? re
          : new UncheckedIOException(
              "Cannot open output: " + e.getMessage() + " (" + output + ")", (IOException) e);
    }
    return new OutputFolder(fs, root, false, lock, null, Set.of(), null);
  }

  /**
   * For a command that only reads an output folder ({@code query}): finishes a commit that a crash
   * interrupted, taking the folder's lock only then. Readers of the folder outside Marsad follow
   * the same rule: while {@code _commit.json} is there, the folder may mix two runs.
   *
   * @throws IllegalStateException when a live run is committing right now
   */
  public static void finishCommit(Configuration hadoop, String output) {
    Path root = new Path(output);
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(new Path(root, CommitJournal.NAME))) {
        return;
      }
      try (OutputFolder f = openExisting(hadoop, output, "finish-commit")) {
        LOG.debug("finished the commit in {}", f.root());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open output: " + e.getMessage() + " (" + output + ")", e);
    }
  }

  /** True while {@code output} holds the journal of a commit that has not ended. */
  public static boolean commitPending(Configuration hadoop, String output) {
    Path root = new Path(output);
    try {
      return root.getFileSystem(hadoop).exists(new Path(root, CommitJournal.NAME));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open output: " + e.getMessage() + " (" + output + ")", e);
    }
  }

  /** Drops the staging folders of runs that died (the caller holds the lock). */
  private static void clearStaging(FileSystem fs, Path root) throws IOException {
    Path staging = new Path(root, "_staging");
    if (fs.exists(staging)) {
      fs.delete(staging, true);
    }
  }

  // ------------------------------------------------------------------ checks

  /** Top-level entries that are neither housekeeping, hidden, nor known as Marsad's. */
  private List<String> unknownEntries() throws IOException {
    List<String> out = new ArrayList<>();
    for (FileStatus s : fs.listStatus(root)) {
      String n = s.getPath().getName();
      if (!HOUSEKEEPING.contains(n) && !n.startsWith(".") && !previous.contains(n)) {
        out.add(s.isDirectory() ? n + "/" : n);
      }
    }
    out.sort(null);
    return out;
  }

  private List<String> existing(Collection<String> entries) throws IOException {
    List<String> out = new ArrayList<>();
    for (String e : entries) {
      if (fs.exists(new Path(root, e))) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Stops (or, with overwrite, warns) when files Marsad did not write are inside {@code entries}.
   */
  private void checkForeign(Collection<String> entries) throws IOException {
    List<String> foreign = new ArrayList<>();
    for (String e : entries) {
      foreign.addAll(foreignFiles(e));
    }
    if (foreign.isEmpty()) {
      return;
    }
    if (!overwrite) {
      throw new IllegalStateException(
          "Cannot write output: files that Marsad did not write are inside folders this run"
              + " replaces or removes ("
              + named(foreign)
              + " in "
              + root
              + "); move them elsewhere, or add --overwrite to delete them");
    }
    foreign.removeAll(warned);
    if (!foreign.isEmpty()) {
      LOG.warn(
          "[output] --overwrite: deleting files that Marsad did not write in {} when the run"
              + " commits: {}",
          root,
          named(foreign));
      warned.addAll(foreign);
    }
  }

  /** Files inside top-level entry {@code entry} that no Marsad run writes, relative to the root. */
  List<String> foreignFiles(String entry) throws IOException {
    Path p = new Path(root, entry);
    FileStatus st = fs.getFileStatus(p);
    List<String> out = new ArrayList<>();
    if (!st.isDirectory()) {
      out.add(entry); // a plain file where Marsad writes a folder
      return out;
    }
    String prefix = p.toUri().getPath();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
    while (it.hasNext()) {
      Path f = it.next().getPath();
      String rel = f.toUri().getPath().substring(prefix.length());
      if (!isMarsadFile(entry, rel)) {
        out.add(entry + rel);
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * True for a file that Spark or Marsad writes inside {@code entry} ({@code rel} starts with /):
   * Spark's part files, {@code _SUCCESS}, Parquet summaries and Hadoop checksums anywhere; GEXF and
   * {@code edges.csv} in {@code networks/}; CSV copies in {@code csv/}; the page in {@code
   * report/}; the saved topic model in {@code models/topics/}; the decisions and batch file lists
   * of {@code _state/} (kept for updates).
   */
  static boolean isMarsadFile(String entry, String rel) {
    String name = rel.substring(rel.lastIndexOf('/') + 1);
    if (name.startsWith("part-")
        || name.equals("_SUCCESS")
        || name.equals("_metadata")
        || name.equals("_common_metadata")
        || (name.startsWith(".") && name.endsWith(".crc"))) {
      return true;
    }
    boolean flat = rel.indexOf('/', 1) < 0;
    return switch (entry) {
      case "networks" -> flat && (name.endsWith(".gexf") || name.equals("edges.csv"));
      case "csv" -> flat && name.endsWith(".csv");
      case "report" -> flat && (name.equals("index.html") || name.equals(".index.html.tmp"));
      case "_state" -> name.equals("decisions.bin") || name.equals("_files.tsv");
      case "models" ->
          rel.startsWith("/topics/")
              && (name.equals("model.json")
                  || name.equals("vocabulary.tsv")
                  || name.equals("lambda.bin"));
      default -> false;
    };
  }

  // ------------------------------------------------------------------ helpers

  /** The top-level entry of this folder that holds {@code path}, or null when it is outside. */
  private String entryOf(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    try {
      Path q = new Path(path);
      q = q.getFileSystem(fs.getConf()).makeQualified(q);
      String r = root.toUri().toString().replaceAll("/+$", "") + "/";
      String s = q.toUri().toString();
      if (!s.startsWith(r)) {
        return null;
      }
      String rest = s.substring(r.length());
      return rest.isEmpty() ? null : top(rest);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String top(String entry) {
    String e = entry.replaceAll("^/+", "");
    int slash = e.indexOf('/');
    return slash < 0 ? e : e.substring(0, slash);
  }

  private static String named(List<String> names) {
    if (names.size() <= NAMED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
  }

  private static JsonNode readJson(FileSystem fs, Path p) {
    try (InputStream in = fs.open(p)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      LOG.warn(
          "[output] cannot read {} ({}): treating the folder as holding no run", p, e.getMessage());
      return null;
    }
  }
}
