package org.marsad.io;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a Parquet corpus from files, folders or globs on any Hadoop filesystem (file:, hdfs://,
 * s3a://), adding each row's file and row index so that "first occurrence" is well defined.
 */
public final class CorpusReader {

  /** Column the reader adds: the input file of a row. */
  public static final String FILE_COL = org.marsad.pipeline.InputColumns.FILE;

  /** Column the reader adds: the row index of a row within its file. */
  public static final String ROW_COL = org.marsad.pipeline.InputColumns.ROW;

  private static final Pattern FILE_IN_MESSAGE =
      Pattern.compile("((?:file|hdfs|s3a?|gs|abfss?|wasbs?|viewfs):[^\\s,'\"\\]\\)]+)");

  private CorpusReader() {}

  /** Reads {@code inputs}; fails with a clear message when a path is missing or unreadable. */
  public static Dataset<Row> read(SparkSession spark, List<String> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("Cannot read corpus: no input given; set --input PATH");
    }
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    for (String in : inputs) {
      try {
        Path p = new Path(in);
        FileSystem fs = p.getFileSystem(hadoop);
        FileStatus[] found = fs.globStatus(p);
        if (found == null || found.length == 0) {
          throw new IllegalArgumentException(
              "Cannot read corpus: no such file or folder (" + in + "); check --input");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read corpus: cannot list " + in + ": " + e.getMessage(), e);
      }
    }
    Dataset<Row> df;
    try {
      df = spark.read().parquet(inputs.toArray(new String[0]));
    } catch (Exception e) { // SparkException is checked in Java's eyes but thrown undeclared
      throw readFailure(inputs, e);
    }
    return df.select(
        col("*"), col("_metadata.file_path").as(FILE_COL), col("_metadata.row_index").as(ROW_COL));
  }

  /**
   * Turns a Spark/Parquet read failure into "Cannot read corpus: ..." naming the file when the
   * failure names one.
   */
  public static IllegalStateException readFailure(List<String> inputs, Throwable e) {
    String file = null;
    String root = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null) {
        Matcher mm = FILE_IN_MESSAGE.matcher(m);
        if (file == null && mm.find()) {
          file = mm.group(1).replaceAll("[.:]+$", "");
        }
        root = m;
      }
    }
    String where = file != null ? file : String.join(", ", inputs);
    String firstLine = root == null ? e.toString() : root.lines().findFirst().orElse(root);
    return new IllegalStateException(
        "Cannot read corpus: unreadable or corrupt Parquet file ("
            + where
            + "): "
            + firstLine
            + "; remove or repair the file, or point --input elsewhere",
        e);
  }

  /** True when {@code e} (or a cause) looks like a failure to read an input file. */
  public static boolean isReadFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      String cls = t.getClass().getName();
      if (m.contains("FAILED_READ_FILE")
          || m.contains("not a Parquet file")
          || m.contains("Could not read footer")
          || m.contains("CANNOT_READ_FILE_FOOTER")
          || cls.contains("ParquetDecodingException")
          || cls.endsWith("ParquetCorruptException")) {
        return true;
      }
    }
    return false;
  }

  /** Lists the data files under the inputs (for the manifest). */
  public static List<String> listFiles(SparkSession spark, List<String> inputs) {
    List<String> out = new ArrayList<>();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    try {
      for (String in : inputs) {
        Path p = new Path(in);
        FileSystem fs = p.getFileSystem(hadoop);
        FileStatus[] found = fs.globStatus(p);
        if (found == null) {
          continue;
        }
        for (FileStatus s : found) {
          if (s.isDirectory()) {
            var it = fs.listFiles(s.getPath(), true);
            while (it.hasNext()) {
              Path f = it.next().getPath();
              String name = f.getName();
              if (!name.startsWith("_") && !name.startsWith(".")) {
                out.add(f.toString());
              }
            }
          } else {
            out.add(s.getPath().toString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
