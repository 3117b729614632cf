package org.marsad.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.marsad.pipeline.MarsadException;

/**
 * The files of a small folder (a saved model) as bytes by name, read or written whole through
 * Hadoop's FileSystem, so capabilities keep their formats without doing I/O themselves.
 */
public final class FolderFiles {

  private FolderFiles() {}

  /**
   * The files directly under {@code dir}.
   *
   * @param what the option the folder was given with, for the message
   */
  public static Map<String, byte[]> read(String dir, Configuration hadoop, String what) {
    Path root = new Path(dir);
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw MarsadException.data(
            "Cannot use " + what + ": no such folder", dir, "check the path");
      }
      Map<String, byte[]> out = new LinkedHashMap<>();
      for (FileStatus f : fs.listStatus(root)) {
        if (f.isFile()) {
          try (InputStream in = fs.open(f.getPath())) {
            out.put(f.getPath().getName(), in.readAllBytes());
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + what + " " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code files} under {@code dir} (created; existing files replaced). */
  public static void write(String dir, Map<String, byte[]> files, Configuration hadoop) {
    Path root = new Path(dir);
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      fs.mkdirs(root);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        try (OutputStream o = fs.create(new Path(root, f.getKey()), true)) {
          o.write(f.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + dir + ": " + e.getMessage(), e);
    }
  }
}
