package org.marsad.io;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 *
 * <p>A folder is read with everything beneath it: files in plain subfolders ({@code
 * corpus/2021/b.parquet}, a corpus kept by year or outlet) are read too, since the user pointed at
 * the folder and Spark's partition discovery would silently read only the files at the top (or fail
 * to find a schema). Hive-style partition folders ({@code source=x/}) keep their meaning: the
 * partition value becomes a column, as Spark reads them; a folder that mixes both kinds is refused.
 * The files read are exactly those {@link #listFiles} names (hidden names, starting with {@code _}
 * or {@code .}, are skipped as Spark skips them), and {@link #countRows} checks the rows against
 * them. Text, JSON lines and CSV files are refused with the {@code jobs/marsad ingest} command that
 * turns them into a Parquet corpus.
 */
public final class CorpusReader {

  /** Column the reader adds: the input file of a row. */
  public static final String FILE_COL = org.marsad.pipeline.InputColumns.FILE;

  /** Column the reader adds: the row index of a row within its file. */
  public static final String ROW_COL = org.marsad.pipeline.InputColumns.ROW;

  private static final Pattern FILE_IN_MESSAGE =
      Pattern.compile("((?:file|hdfs|s3a?|gs|abfss?|wasbs?|viewfs):[^\\s,'\"\\]\\)]+)");

  /** Extensions of the files {@code jobs/marsad ingest} converts. */
  private static final Set<String> INGESTIBLE = Set.of("txt", "jsonl", "json", "ndjson", "csv");

  /** Extensions of other files that are certainly not Parquet. */
  private static final Set<String> NOT_PARQUET =
      Set.of(
          "tsv", "xml", "html", "htm", "md", "xlsx", "xls", "ods", "doc", "docx", "pdf", "gz",
          "bz2", "zip", "tar", "7z", "avro", "orc", "arrow", "feather");

  private static final int NAMED = 5;

  private CorpusReader() {}

  /** The data files under the inputs and how their folders are laid out. */
  private record Listing(List<String> files, List<String> plainFolders, List<String> hiveFolders) {}

  /** Reads {@code inputs}; fails with a clear message when a path is missing or unreadable. */
  public static Dataset<Row> read(SparkSession spark, List<String> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("Cannot read corpus: no input given; set --input PATH");
    }
    Listing listing = list(spark.sparkContext().hadoopConfiguration(), inputs);
    if (listing.files().isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot read corpus: no data files in "
              + String.join(", ", inputs)
              + " (names starting with _ or . are skipped); check --input");
    }
    checkParquet(inputs, listing.files());
    if (!listing.plainFolders().isEmpty() && !listing.hiveFolders().isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot read corpus: the input mixes Hive-style partition folders ("
              + named(listing.hiveFolders())
              + ") with plain subfolders ("
              + named(listing.plainFolders())
              + "); give the plain subfolders as inputs of their own, or name them key=value");
    }
    Dataset<Row> df;
    try {
      var reader = spark.read();
      if (!listing.plainFolders().isEmpty()) {
        // Every file beneath the folders, not only the top ones (no partition columns here).
        reader = reader.option("recursiveFileLookup", "true");
      }
      df = reader.parquet(inputs.toArray(new String[0]));
    } catch (Exception e) { // SparkException is checked in Java's eyes but thrown undeclared
      throw readFailure(inputs, e);
    }
    return df.select(
        col("*"), col("_metadata.file_path").as(FILE_COL), col("_metadata.row_index").as(ROW_COL));
  }

  /** Refuses files that are not Parquet, naming the command that converts them. */
  private static void checkParquet(List<String> inputs, List<String> files) {
    List<String> ingestible = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String f : files) {
      String name = f.substring(f.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
      if (INGESTIBLE.contains(ext)) {
        ingestible.add(f);
      } else if (NOT_PARQUET.contains(ext)) {
        other.add(f);
      }
    }
    if (!ingestible.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot read corpus: not Parquet files ("
              + named(ingestible)
              + "); Marsad reads Parquet: turn .txt, .jsonl or .csv articles into a Parquet corpus"
              + " with jobs/marsad ingest --input "
              + String.join(" ", inputs)
              + " --output CORPUS, then run with --input CORPUS");
    }
    if (!other.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot read corpus: not Parquet files ("
              + named(other)
              + "); Marsad reads Parquet files (jobs/marsad ingest converts .txt, .jsonl and .csv)");
    }
  }

  /**
   * Turns a Spark/Parquet read failure into "Cannot read corpus: ..." naming the file when the
   * failure names one.
   */
  public static IllegalStateException readFailure(List<String> inputs, Throwable e) {
    String file = null;
    String root = null;
    boolean notParquet = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null) {
        Matcher mm = FILE_IN_MESSAGE.matcher(m);
        if (file == null && mm.find()) {
          file = mm.group(1).replaceAll("[.:]+$", "");
        }
        root = m;
        notParquet |= m.contains("not a Parquet file") || m.contains("magic number");
      }
    }
    String where = file != null ? file : String.join(", ", inputs);
    String firstLine = root == null ? e.toString() : root.lines().findFirst().orElse(root);
    if (notParquet) {
      return new IllegalStateException(
          "Cannot read corpus: not a Parquet file ("
              + where
              + "): "
              + firstLine
              + "; Marsad reads Parquet: if it holds .txt, .jsonl or .csv articles, turn them into"
              + " a Parquet corpus with jobs/marsad ingest --input "
              + String.join(" ", inputs)
              + " --output CORPUS, then run with --input CORPUS; otherwise remove the file",
          e);
    }
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

  /**
   * The data files the corpus is read from (for the manifest): exactly the files {@link #read}
   * reads, beneath folders at any depth, without hidden names.
   */
  public static List<String> listFiles(SparkSession spark, List<String> inputs) {
    return list(spark.sparkContext().hadoopConfiguration(), inputs).files();
  }

  private static Listing list(Configuration hadoop, List<String> inputs) {
    List<String> files = new ArrayList<>();
    Set<String> plain = new TreeSet<>();
    Set<String> hive = new TreeSet<>();
    for (String in : inputs) {
      try {
        Path p = new Path(in);
        FileSystem fs = p.getFileSystem(hadoop);
        FileStatus[] found = fs.globStatus(p);
        if (found == null || found.length == 0) {
          throw new IllegalArgumentException(
              "Cannot read corpus: no such file or folder (" + in + "); check --input");
        }
        for (FileStatus s : found) {
          if (s.isDirectory()) {
            walk(fs, s.getPath(), "", files, plain, hive);
          } else {
            files.add(fs.makeQualified(s.getPath()).toString());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read corpus: cannot list " + in + ": " + e.getMessage(), e);
      }
    }
    return new Listing(files, new ArrayList<>(plain), new ArrayList<>(hive));
  }

  /** Collects the data files beneath {@code dir}, noting the kind of each subfolder holding any. */
  private static boolean walk(
      FileSystem fs, Path dir, String rel, List<String> files, Set<String> plain, Set<String> hive)
      throws IOException {
    boolean any = false;
    FileStatus[] list = fs.listStatus(dir);
    java.util.Arrays.sort(list);
    for (FileStatus s : list) {
      String name = s.getPath().getName();
      if (hidden(name)) {
        continue;
      }
      if (s.isDirectory()) {
        if (walk(fs, s.getPath(), rel + name + "/", files, plain, hive)) {
          any = true;
          (name.contains("=") ? hive : plain).add(rel + name + "/");
        }
      } else if (!name.equals("_metadata") && !name.equals("_common_metadata")) {
        files.add(fs.makeQualified(s.getPath()).toString());
        any = true;
      }
    }
    return any;
  }

  /** Names Spark's file listing skips (InMemoryFileIndex.shouldFilterOutPathName). */
  private static boolean hidden(String name) {
    boolean exclude =
        (name.startsWith("_") && !name.contains("="))
            || name.startsWith(".")
            || name.endsWith("._COPYING_");
    return exclude && !name.startsWith("_metadata") && !name.startsWith("_common_metadata");
  }

  /**
   * The rows of {@code raw} (as {@link #read} gives it), counted per input file: they must come
   * from the listed {@code files} only, and a listed file that gave no row must hold none (its
   * Parquet footer says so). One aggregation over the file column, which reads no data column.
   *
   * @throws IllegalStateException when rows come from an unlisted file, or a listed file's rows
   *     were not read
   */
  public static long countRows(Dataset<Row> raw, List<String> files) {
    Map<String, Long> perFile = new HashMap<>();
    for (Row r : raw.groupBy(FILE_COL).count().collectAsList()) {
      perFile.put(normalise(r.getString(0)), r.getLong(1));
    }
    Set<String> listed = new HashSet<>();
    for (String f : files) {
      listed.add(normalise(f));
    }
    Set<String> unlisted = new TreeSet<>(perFile.keySet());
    unlisted.removeAll(listed);
    if (!unlisted.isEmpty()) {
      throw new IllegalStateException(
          "Cannot read corpus: rows were read from files the input listing does not name ("
              + named(new ArrayList<>(unlisted))
              + ")");
    }
    Configuration hadoop = raw.sparkSession().sparkContext().hadoopConfiguration();
    for (String f : files) {
      if (!perFile.containsKey(normalise(f))) {
        long n = footerRows(hadoop, f);
        if (n != 0) {
          throw new IllegalStateException(
              "Cannot read corpus: the file holds " + n + " rows but none were read (" + f + ")");
        }
      }
    }
    return perFile.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Checks that {@code rowsIn}, the rows the run read (counted during its one pass), are the rows
   * the footers of {@code files} hold: a file listed but not read, or rows from a file not listed,
   * stop the run. Reads footers only (no Spark job); {@link #countRows} names the file at the cost
   * of a job.
   */
  public static void checkRows(Configuration hadoop, List<String> files, long rowsIn) {
    long expected = 0;
    for (String f : files) {
      expected += footerRows(hadoop, f);
    }
    if (expected != rowsIn) {
      throw new IllegalStateException(
          "Cannot read corpus: the "
              + files.size()
              + " input files hold "
              + expected
              + " rows by their footers but "
              + rowsIn
              + " were read; a file changed or appeared while the run read it: run again");
    }
  }

  private static long footerRows(Configuration hadoop, String file) {
    try (var reader =
        org.apache.parquet.hadoop.ParquetFileReader.open(
            org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new Path(file), hadoop))) {
      return reader.getRecordCount();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read corpus: cannot read the Parquet footer of " + file + ": " + e.getMessage(),
          e);
    }
  }

  /** A file path as Spark's {@code _metadata.file_path} (a URI) and Hadoop's listing agree on. */
  private static String normalise(String path) {
    try {
      return new Path(new java.net.URI(path)).toString();
    } catch (java.net.URISyntaxException e) {
      return new Path(path).toString();
    }
  }

  private static String named(List<String> names) {
    if (names.size() <= NAMED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
  }
}
