package org.marsad.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit of a run as one journal, {@code <output>/_commit.json}: the steps that turn the staged
 * run into the folder's content (replace an entry, a partition folder or a file by its staged copy;
 * delete an entry), written whole before the first step. Writing the journal is the commit point:
 * before it, the folder holds the earlier run (the staging folder is garbage); after it, the new
 * run, and whoever holds the folder's lock next (every Marsad command that opens the folder)
 * finishes the steps before anything else. Every step can be repeated after a crash at any point: a
 * replacement whose staged copy is gone is done. On the local filesystem and HDFS a staged folder
 * is renamed whole; on object stores, where a rename copies, the journal lists every file of a
 * staged folder and the step moves them one by one, then deletes what the journal does not list.
 * The journal is deleted last, after the staging folder.
 */
final class CommitJournal {

  /** The journal's name in the output folder. */
  static final String NAME = "_commit.json";

  /** A pause after each step, to let a test kill a real process inside a commit (0: none). */
  private static final long STEP_PAUSE_MS = Long.getLong("marsad.commit.stepPauseMillis", 0L);

  private static final Logger LOG = LoggerFactory.getLogger(CommitJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One step of a commit, with paths relative to the output folder.
   *
   * @param target the entry, partition folder or file the step replaces or deletes
   * @param from its staged copy (null: delete {@code target})
   * @param files the files of a staged folder, relative to it (null when {@code from} is a file)
   */
  record Step(String target, String from, List<String> files) {

    static Step replace(String target, String from, List<String> files) {
      return new Step(target, from, files == null ? null : List.copyOf(files));
    }

    static Step delete(String target) {
      return new Step(target, null, null);
    }

    boolean deletes() {
      return from == null;
    }
  }

  /** Called before each filesystem change of {@link #apply}: tests crash a commit with it. */
  @FunctionalInterface
  interface Hook {
    void beforeChange() throws IOException;

    Hook NONE = () -> {};
  }

  private final String runId;
  private final String staging;
  private final List<Step> steps;

  CommitJournal(String runId, String staging, List<Step> steps) {
    this.runId = runId;
    this.staging = staging;
    this.steps = List.copyOf(steps);
  }

  String runId() {
    return runId;
  }

  List<Step> steps() {
    return steps;
  }

  /** The files of the folder {@code dir}, relative to it (Hadoop's checksum files excluded). */
  static List<String> filesOf(FileSystem fs, Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    collect(fs, dir, "", out);
    out.sort(null);
    return out;
  }

  // listStatus, not listFiles: a located status of the local filesystem forks `ls` per file.
  private static void collect(FileSystem fs, Path dir, String prefix, List<String> out)
      throws IOException {
    for (FileStatus s : fs.listStatus(dir)) {
      String rel = prefix + s.getPath().getName();
      if (s.isDirectory()) {
        collect(fs, s.getPath(), rel + "/", out);
      } else {
        out.add(rel);
      }
    }
  }

  /**
   * Commits: writes the journal (the commit point), applies its steps and clears the staging
   * folder. A journal already there (another commit not finished) is an error.
   */
  void commit(FileSystem fs, Path root) throws IOException {
    write(fs, root);
    finish(fs, root);
  }

  /** Writes the journal: the commit point. */
  void write(FileSystem fs, Path root) throws IOException {
    Path journal = new Path(root, NAME);
    if (fs.exists(journal)) {
      throw new IllegalStateException(
          "Cannot commit: the output folder holds the journal of an unfinished commit ("
              + journal
              + "); open the folder with any marsad command to finish it first");
    }
    HadoopFiles.writeAtomically(fs, journal, toJson());
  }

  /**
   * Applies the steps of the journal {@link #write} wrote. A failure leaves the journal (and the
   * staging folder) for the next command that opens the folder, and says so.
   */
  void finish(FileSystem fs, Path root) {
    try {
      apply(fs, root, HadoopFiles.atomicFolderRename(fs), Hook.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot finish the commit of run "
              + runId
              + " in "
              + root
              + ": "
              + e.getMessage()
              + "; the run is committed in "
              + new Path(root, NAME)
              + ", which the next marsad command on the folder finishes",
          e);
    }
  }

  /**
   * Finishes the commit whose journal is in {@code root}, if any, and returns its run id (null when
   * there is none). The caller holds the folder's lock.
   *
   * @throws IllegalStateException when the journal is unreadable or a step cannot be done, naming
   *     the journal
   */
  static String rollForward(FileSystem fs, Path root) {
    Path journal = new Path(root, NAME);
    CommitJournal j;
    try {
      byte[] content = HadoopFiles.read(fs, journal);
      if (content == null) {
        return null;
      }
      j = parse(content);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot open output: the journal of an interrupted commit is unreadable ("
              + journal
              + ": "
              + e.getMessage()
              + "); the folder may mix two runs: run the command again with a new --output",
          e);
    }
    LOG.warn(
        "[output] finishing the commit of run {} in {}, interrupted before it ended",
        j.runId,
        root);
    try {
      j.apply(fs, root, HadoopFiles.atomicFolderRename(fs), Hook.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot finish the interrupted commit of run "
              + j.runId
              + " in "
              + root
              + ": "
              + e.getMessage()
              + "; "
              + journal
              + " lists what remains to do: fix the cause and run the command again",
          e);
    }
    return j.runId;
  }

  /**
   * Does every step (each one repeatable), then deletes the staging folder and the journal.
   *
   * @param folderRename whether a staged folder is renamed whole (atomic folder renames) or file by
   *     file
   */
  void apply(FileSystem fs, Path root, boolean folderRename, Hook hook) throws IOException {
    for (Step s : steps) {
      Path target = new Path(root, s.target());
      if (s.deletes()) {
        if (fs.exists(target)) {
          hook.beforeChange();
          fs.delete(target, true);
        }
      } else if (folderRename || s.files() == null) {
        replaceWhole(fs, new Path(root, s.from()), target, hook);
      } else {
        replaceFileByFile(fs, new Path(root, s.from()), target, s.files(), hook);
      }
      pause();
    }
    Path stagingDir = new Path(root, staging);
    if (fs.exists(stagingDir)) {
      hook.beforeChange();
      fs.delete(stagingDir, true);
    }
    Path parent = stagingDir.getParent();
    if (parent != null && !parent.equals(root) && fs.exists(parent)) {
      FileStatus[] left = fs.listStatus(parent);
      if (left.length == 0) {
        hook.beforeChange();
        fs.delete(parent, true);
      }
    }
    hook.beforeChange();
    fs.delete(new Path(root, NAME), false);
  }

  /** Replaces {@code target} by the staged {@code from} in one rename (done when it is gone). */
  private static void replaceWhole(FileSystem fs, Path from, Path target, Hook hook)
      throws IOException {
    if (!fs.exists(from)) {
      return;
    }
    if (fs.exists(target)) {
      hook.beforeChange();
      fs.delete(target, true);
    }
    mkdirs(fs, target.getParent(), hook);
    hook.beforeChange();
    if (!fs.rename(from, target)) {
      throw new IOException("rename " + from + " -> " + target + " failed");
    }
  }

  /**
   * Replaces the folder {@code target} by the staged folder {@code from} file by file: deletes the
   * files of {@code target} that {@code files} does not list, then moves each listed file still in
   * {@code from}, replacing its older copy.
   */
  private static void replaceFileByFile(
      FileSystem fs, Path from, Path target, Collection<String> files, Hook hook)
      throws IOException {
    Set<String> keep = new HashSet<>(files);
    if (fs.exists(target)) {
      if (!fs.getFileStatus(target).isDirectory()) {
        hook.beforeChange();
        fs.delete(target, false);
      } else {
        for (String rel : filesOf(fs, target)) {
          if (!keep.contains(rel)) {
            hook.beforeChange();
            fs.delete(new Path(target, rel), false);
          }
        }
      }
    }
    for (String rel : files) {
      Path src = new Path(from, rel);
      if (!fs.exists(src)) {
        continue; // moved before the crash
      }
      Path dst = new Path(target, rel);
      if (fs.exists(dst)) {
        hook.beforeChange();
        fs.delete(dst, false);
      }
      mkdirs(fs, dst.getParent(), hook);
      hook.beforeChange();
      if (!fs.rename(src, dst)) {
        throw new IOException("rename " + src + " -> " + dst + " failed");
      }
    }
    mkdirs(fs, target, hook);
    removeEmptyFolders(fs, target, hook);
    if (fs.exists(from)) {
      hook.beforeChange();
      fs.delete(from, true);
    }
  }

  private static void mkdirs(FileSystem fs, Path dir, Hook hook) throws IOException {
    if (!fs.exists(dir)) {
      hook.beforeChange();
      fs.mkdirs(dir);
    }
  }

  /** Deletes the empty folders under {@code dir} (a partition all of whose files went). */
  private static boolean removeEmptyFolders(FileSystem fs, Path dir, Hook hook) throws IOException {
    boolean empty = true;
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.isDirectory() && removeEmptyFolders(fs, s.getPath(), hook)) {
        hook.beforeChange();
        fs.delete(s.getPath(), true);
      } else {
        empty = false;
      }
    }
    return empty;
  }

  private static void pause() {
    if (STEP_PAUSE_MS > 0) {
      try {
        Thread.sleep(STEP_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", 1);
    root.put("run_id", runId);
    root.put("staging", staging);
    ArrayNode list = root.putArray("steps");
    for (Step s : steps) {
      ObjectNode n = list.addObject();
      if (s.deletes()) {
        n.put("delete", s.target());
      } else {
        n.put("replace", s.target());
        n.put("from", s.from());
        if (s.files() != null) {
          ArrayNode f = n.putArray("files");
          s.files().forEach(f::add);
        }
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CommitJournal parse(byte[] content) throws IOException {
    JsonNode n = JSON.readTree(content);
    if (n == null || n.path("format").asInt() != 1 || !n.has("steps") || !n.has("staging")) {
      throw new IOException("not a Marsad commit journal of format 1");
    }
    List<Step> steps = new ArrayList<>();
    for (JsonNode s : n.get("steps")) {
      if (s.has("delete")) {
        steps.add(Step.delete(s.get("delete").asText()));
      } else {
        List<String> files = null;
        if (s.has("files")) {
          files = new ArrayList<>();
          for (JsonNode f : s.get("files")) {
            files.add(f.asText());
          }
        }
        steps.add(Step.replace(s.get("replace").asText(), s.get("from").asText(), files));
      }
    }
    return new CommitJournal(n.path("run_id").asText("?"), n.get("staging").asText(), steps);
  }
}
