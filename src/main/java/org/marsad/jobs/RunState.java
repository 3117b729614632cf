package org.marsad.jobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.marsad.boilerplate.Boilerplate;
import org.marsad.corpus.SlashDates;

/**
 * What a run keeps in its output folder so that {@code update} can add articles without reading the
 * earlier ones again: under {@code _state/}, the analysis pass's rows (no text) in one folder per
 * batch ({@code pass/<run or update id>/}, each with {@code _files.tsv}: the input files it read,
 * their length and modification time), and the decisions taken over the whole corpus of the run
 * ({@code decisions.bin}: how slash dates read, the boilerplate lines).
 */
public final class RunState {

  /** The entry of the output folder. */
  public static final String ENTRY = "_state";

  /** The pass's rows, one folder per batch. */
  public static final String PASS = ENTRY + "/pass";

  /** The run's corpus-wide decisions. */
  public static final String DECISIONS = ENTRY + "/decisions.bin";

  /** The input files of a batch, inside its folder. */
  public static final String FILES = "_files.tsv";

  private RunState() {}

  /** The decisions a run took over its whole corpus, which an update applies to new articles. */
  public record Decisions(SlashDates.Decision slash, Boilerplate boilerplate)
      implements Serializable {}

  /** An input file as a batch read it. */
  public record InputFile(String path, long length, long modified) {}

  /** Writes {@code d} to {@code file}. */
  static void writeDecisions(Configuration hadoop, Path file, Decisions d) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(hadoop, file, bytes.toByteArray());
  }

  /** Reads the decisions of the run in {@code output}, or null when it kept none. */
  static Decisions readDecisions(Configuration hadoop, String output) {
    Path p = new Path(output, DECISIONS);
    byte[] b = read(hadoop, p);
    if (b == null) {
      return null;
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
      return (Decisions) in.readObject();
    } catch (IOException | ClassNotFoundException | ClassCastException e) {
      throw new IllegalStateException(
          "Cannot update: "
              + p
              + " is unreadable ("
              + e
              + "); it was written by another version of Marsad: run the whole corpus again with"
              + " jobs/marsad run",
          e);
    }
  }

  /** The status of each file of {@code files} now (length, modification time). */
  static List<InputFile> statusOf(Configuration hadoop, List<String> files) {
    List<InputFile> out = new ArrayList<>();
    try {
      for (String f : files) {
        Path p = new Path(f);
        FileStatus s = p.getFileSystem(hadoop).getFileStatus(p);
        out.add(new InputFile(f, s.getLen(), s.getModificationTime()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list input files: " + e.getMessage(), e);
    }
    return out;
  }

  /** Writes the input files of a batch into its folder {@code batchDir}. */
  static void writeFiles(Configuration hadoop, Path batchDir, List<InputFile> files) {
    StringBuilder b = new StringBuilder("path\tlength\tmodified\n");
    for (InputFile f : files) {
      b.append(f.path())
          .append('\t')
          .append(f.length())
          .append('\t')
          .append(f.modified())
          .append('\n');
    }
    write(hadoop, new Path(batchDir, FILES), b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The committed batches of the run in {@code output}: folder path → files it read, by name. */
  static Map<String, List<InputFile>> batches(Configuration hadoop, String output) {
    Path pass = new Path(output, PASS);
    Map<String, List<InputFile>> out = new LinkedHashMap<>();
    try {
      FileSystem fs = pass.getFileSystem(hadoop);
      if (!fs.exists(pass)) {
        return out;
      }
      List<FileStatus> dirs = new ArrayList<>();
      for (FileStatus s : fs.listStatus(pass)) {
        if (s.isDirectory()) {
          dirs.add(s);
        }
      }
      dirs.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (FileStatus d : dirs) {
        byte[] b = read(hadoop, new Path(d.getPath(), FILES));
        List<InputFile> files = new ArrayList<>();
        if (b != null) {
          String[] lines = new String(b, StandardCharsets.UTF_8).split("\n");
          for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            if (f.length == 3) {
              files.add(new InputFile(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
            }
          }
        }
        out.put(d.getPath().toString(), files);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + pass + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Bytes under {@code paths} (0 for a missing one). */
  static long bytes(Configuration hadoop, List<String> paths) {
    long n = 0;
    try {
      for (String s : paths) {
        Path p = new Path(s);
        FileSystem fs = p.getFileSystem(hadoop);
        if (fs.exists(p)) {
          n += fs.getContentSummary(p).getLength();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  private static void write(Configuration hadoop, Path p, byte[] content) {
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      try (FSDataOutputStream out = fs.create(p, true)) {
        out.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + p + ": " + e.getMessage(), e);
    }
  }

  private static byte[] read(Configuration hadoop, Path p) {
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        return null;
      }
      try (FSDataInputStream in = fs.open(p)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
    }
  }
}
