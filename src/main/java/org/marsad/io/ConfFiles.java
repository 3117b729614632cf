package org.marsad.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.marsad.text.WordLists;

/**
 * Reads the user's configuration files (stop lists, gazetteer tables, protected words) once, on the
 * driver, through Hadoop's FileSystem, so {@code hdfs://} and {@code s3a://} paths work and the
 * contents travel to the executors with the job's configuration (on a cluster the files exist only
 * where the driver runs).
 */
public final class ConfFiles {

  private ConfFiles() {}

  /**
   * The lines of {@code path} (comments and blank lines dropped), or null when {@code path} is
   * null.
   *
   * @param what the option the file was given with, for the error message
   */
  public static List<String> lines(String path, String what) {
    if (path == null) {
      return null;
    }
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(hadoopConf());
      if (!fs.exists(p)) {
        throw new IllegalArgumentException(
            "Cannot read " + what + ": no such file (" + path + "); check the path");
      }
      try (InputStream in = fs.open(p)) {
        return WordLists.lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read " + what + " (" + path + "): " + e.getMessage(), e);
    }
  }

  /**
   * The lines of {@code path} when the file exists, else null (the packaged table is used): the
   * optional files of a user's folder.
   *
   * @param what the option the file was given with, for the error message
   */
  public static List<String> linesIfPresent(String path, String what) {
    if (path == null) {
      return null;
    }
    Path p = new Path(path);
    try {
      if (!p.getFileSystem(hadoopConf()).exists(p)) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read " + what + " (" + path + "): " + e.getMessage(), e);
    }
    return lines(path, what);
  }

  /**
   * Hadoop settings as Spark would give them: the cluster's files on the classpath plus every
   * {@code spark.hadoop.*} property (spark-submit passes the job's configuration as properties).
   */
  static Configuration hadoopConf() {
    Configuration c = new Configuration();
    for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
      String k = String.valueOf(e.getKey());
      if (k.startsWith("spark.hadoop.")) {
        c.set(k.substring("spark.hadoop.".length()), String.valueOf(e.getValue()));
      }
    }
    return c;
  }
}
