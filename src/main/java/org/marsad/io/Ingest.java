package org.marsad.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns articles into a Parquet corpus: a folder (or list) of {@code .txt} files in the seed's
 * shape (first line the outlet followed by a colon, then the body; the id is the file name), or
 * {@code .jsonl} / {@code .csv} files whose columns are kept as they are.
 */
public final class Ingest {

  /** Schema of a corpus made from .txt articles. */
  public static final StructType TXT_SCHEMA =
      new StructType()
          .add("id", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, true)
          .add("text", DataTypes.StringType, true);

  private Ingest() {}

  /** Reads {@code inputs} and writes Parquet to {@code output}; returns the number of rows. */
  public static long run(SparkSession spark, List<String> inputs, String output) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<String> txt = new ArrayList<>();
    List<String> jsonl = new ArrayList<>();
    List<String> csv = new ArrayList<>();
    try {
      for (String in : inputs) {
        Path p = new Path(in);
        FileSystem fs = p.getFileSystem(hadoop);
        FileStatus[] found = fs.globStatus(p);
        if (found == null || found.length == 0) {
          throw new IllegalArgumentException("Cannot ingest: no such file or folder (" + in + ")");
        }
        for (FileStatus s : found) {
          List<FileStatus> files = new ArrayList<>();
          if (s.isDirectory()) {
            var it = fs.listFiles(s.getPath(), true);
            while (it.hasNext()) {
              files.add(it.next());
            }
          } else {
            files.add(s);
          }
          for (FileStatus f : files) {
            String name = f.getPath().getName().toLowerCase(Locale.ROOT);
            if (name.endsWith(".txt")) {
              txt.add(f.getPath().toString());
            } else if (name.endsWith(".jsonl") || name.endsWith(".json")) {
              jsonl.add(f.getPath().toString());
            } else if (name.endsWith(".csv")) {
              csv.add(f.getPath().toString());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot ingest: " + e.getMessage(), e);
    }
    int kinds = (txt.isEmpty() ? 0 : 1) + (jsonl.isEmpty() ? 0 : 1) + (csv.isEmpty() ? 0 : 1);
    if (kinds == 0) {
      throw new IllegalArgumentException(
          "Cannot ingest: no .txt, .jsonl or .csv files in " + inputs);
    }
    if (kinds > 1) {
      throw new IllegalArgumentException(
          "Cannot ingest: mixed file kinds (.txt, .jsonl, .csv) in "
              + inputs
              + "; ingest each kind separately");
    }
    Dataset<Row> df;
    if (!txt.isEmpty()) {
      txt.sort(null);
      List<Row> rows = new ArrayList<>();
      for (String f : txt) {
        rows.add(readTxt(hadoop, f));
      }
      df = spark.createDataFrame(rows, TXT_SCHEMA);
    } else if (!jsonl.isEmpty()) {
      df = spark.read().option("mode", "FAILFAST").json(jsonl.toArray(new String[0]));
    } else {
      df =
          spark
              .read()
              .option("header", true)
              .option("multiLine", true)
              .option("escape", "\"")
              .csv(csv.toArray(new String[0]));
    }
    df.coalesce(1).write().mode(SaveMode.Overwrite).option("compression", "zstd").parquet(output);
    return spark.read().parquet(output).count();
  }

  /** One article: id = file name without .txt, source = first line without its colon. */
  static Row readTxt(Configuration hadoop, String file) {
    Path p = new Path(file);
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (s.startsWith("\uFEFF")) {
        s = s.substring(1);
      }
      String name = p.getName();
      String id = name.substring(0, name.length() - 4);
      int nl = s.indexOf('\n');
      String first = (nl < 0 ? s : s.substring(0, nl)).strip();
      String body = nl < 0 ? "" : s.substring(nl + 1).strip();
      String source = null;
      if (first.endsWith(":") && first.length() < 80) {
        source = first.substring(0, first.length() - 1).strip();
      } else {
        body = s.strip();
      }
      return RowFactory.create(id, source, body);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot ingest " + file + ": " + e.getMessage(), e);
    }
  }
}
