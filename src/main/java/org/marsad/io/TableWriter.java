package org.marsad.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.marsad.pipeline.Table;

/**
 * Writes output tables whole or not at all: every table is first written under {@code
 * <output>/_staging/<run id>/}, and only {@link #commit()} moves the staged tables into place
 * (replacing older versions). With CSV enabled each table is also written as one {@code
 * <output>/csv/<table>.csv} with a UTF-8 byte-order mark, so Excel shows Arabic.
 */
public final class TableWriter {

  private final SparkSession spark;
  private final Path output;
  private final Path staging;
  private final boolean csv;
  private final FileSystem fs;
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private final java.util.List<String> extraDirs = new java.util.ArrayList<>();

  private volatile boolean rebalance = true;

  /**
   * Whether distributed tables partitioned by period are rebalanced by period before they are
   * written (one more job, a shuffle). A corpus read in a few partitions writes at most partitions
   * × periods files without it; a large one would write many small files, and a skewed period would
   * sit on few tasks.
   */
  public void rebalance(boolean on) {
    this.rebalance = on;
  }

  /** A writer for {@code output}; {@code runId} names the staging folder. */
  public TableWriter(SparkSession spark, String output, String runId, boolean csv) {
    this.spark = spark;
    this.output = new Path(output);
    this.staging = new Path(this.output, "_staging/" + runId);
    this.csv = csv;
    try {
      this.fs = this.output.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write output: " + output + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code data} as {@code table} to staging and returns its rows, counted during the write
   * (an observed metric of the write job's result stage: exact, and no second pass over the data).
   * The columns are checked against the catalog and written in its order; a table partitioned by
   * period is rebalanced first (adaptive execution splits a large period over several tasks and
   * merges small ones, so no period lands on a single task and files stay bounded) and sorted by
   * its key within each file.
   */
  public long write(Table table, Dataset<Row> data) {
    table.check(data.schema());
    Column[] cols = table.columns().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new);
    Dataset<Row> d = data.select(cols);
    if (table.partitionBy() != null && rebalance) {
      d = d.hint("rebalance", col(table.partitionBy()));
    }
    if (!table.key().isEmpty()) {
      d =
          d.sortWithinPartitions(
              table.key().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
    }
    return writeSorted(table, d);
  }

  private long writeSorted(Table table, Dataset<Row> data) {
    spark.sparkContext().setJobDescription("write " + table.name());
    Dataset<Row> d = data;
    Observation rowsWritten = new Observation("rows_" + table.name());
    d = d.observe(rowsWritten, count(lit(1)).as("rows"));
    Path dir = new Path(staging, table.name());
    var w = d.write().mode(SaveMode.Overwrite).option("compression", "zstd");
    if (table.partitionBy() != null) {
      w = w.partitionBy(table.partitionBy());
    }
    w.parquet(dir.toString());
    long n = observed(rowsWritten);
    if (n == 0) {
      // An empty partitioned write leaves no file to carry the schema: write one empty file.
      spark
          .createDataFrame(java.util.List.of(), table.schema())
          .coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(dir.toString());
    }
    if (csv) {
      writeCsv(table, dir);
    }
    rows.put(table.name(), n);
    return n;
  }

  /**
   * Writes {@code rows}, finished on the driver (bounded by the driver cap), as {@code table}:
   * sorted by its partition column and key here, written by one task without a shuffle (one job).
   */
  public long write(Table table, java.util.List<Row> rows) {
    java.util.List<Row> sorted = new java.util.ArrayList<>(rows);
    java.util.List<Integer> order = new java.util.ArrayList<>();
    if (table.partitionBy() != null) {
      order.add(table.schema().fieldIndex(table.partitionBy()));
    }
    for (String k : table.key()) {
      order.add(table.schema().fieldIndex(k));
    }
    sorted.sort(
        (a, b) -> {
          for (int i : order) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
              return c;
            }
          }
          return 0;
        });
    return writeSorted(table, spark.createDataFrame(sorted, table.schema()).coalesce(1));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    return ((Comparable) a).compareTo(b);
  }

  private static long observed(Observation o) {
    try {
      return ((Number) o.getAsJava().get("rows")).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot count rows written: interrupted", e);
    }
  }

  /** CsvExport writes arrays and structs as text and neutralises formulas (Excel, OWASP). */
  private void writeCsv(Table table, Path dir) {
    CsvExport.write(
        fs,
        spark
            .read()
            .schema(table.schema())
            .parquet(dir.toString())
            .select(table.columns().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new)),
        new Path(staging, "csv/" + table.name()),
        new Path(staging, "csv/" + table.name() + ".csv"));
  }

  /** Writes small files (name → UTF-8 content) into a staged folder committed with the tables. */
  public void writeFiles(String name, Map<String, String> files) {
    Path dir = new Path(stageDir(name));
    try {
      fs.delete(dir, true);
      fs.mkdirs(dir);
      for (Map.Entry<String, String> f : files.entrySet()) {
        try (OutputStream o = fs.create(new Path(dir, f.getKey()), true)) {
          o.write(f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A staging folder for output that is not a table (e.g. networks); committed with the tables. */
  public String stageDir(String name) {
    extraDirs.add(name);
    return new Path(staging, name).toString();
  }

  /**
   * Writes an intermediate dataset to the staging folder and reads it back; dropped at commit.
   * Observed counts ({@code metrics}: name → aggregate) are taken during that write.
   */
  public Dataset<Row> intermediate(String name, Dataset<Row> data, Observation metrics) {
    spark.sparkContext().setJobDescription("analyse documents");
    Path dir = new Path(staging, "_intermediate/" + name);
    Dataset<Row> d = data;
    if (metrics != null) {
      d = d.observe(metrics, count(lit(1)).as("rows"));
    }
    d.write().mode(SaveMode.Overwrite).option("compression", "lz4_raw").parquet(dir.toString());
    return spark.read().parquet(dir.toString());
  }

  /** The staging folder of this run (tables and intermediates are written under it). */
  public Path stagingPath() {
    return staging;
  }

  /** Bytes under {@code name} in the staging folder (0 when absent). */
  public long sizeOf(String name) {
    try {
      Path p = new Path(staging, name);
      return fs.exists(p) ? fs.getContentSummary(p).getLength() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows written per table, in writing order. */
  public Map<String, Long> rows() {
    return rows;
  }

  /**
   * The top-level entries of the output folder that {@link #commit()} writes: the tables, the
   * folders of {@link #stageDir} ({@code models/topics} counts as {@code models}) and {@code csv}.
   */
  public java.util.Set<String> entries() {
    java.util.Set<String> e = new java.util.TreeSet<>(rows.keySet());
    for (String d : extraDirs) {
      e.add(d.contains("/") ? d.substring(0, d.indexOf('/')) : d);
    }
    if (csv) {
      e.add("csv");
    }
    return e;
  }

  /** Moves every staged table into place, replacing previous versions. */
  public void commit() {
    try {
      for (String table : rows.keySet()) {
        move(new Path(staging, table), new Path(output, table));
        if (csv) {
          fs.mkdirs(new Path(output, "csv"));
          move(
              new Path(staging, "csv/" + table + ".csv"),
              new Path(output, "csv/" + table + ".csv"));
        }
      }
      for (String d : extraDirs) {
        move(new Path(staging, d), new Path(output, d));
      }
      fs.delete(new Path(output, "_staging"), true);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot commit output tables to " + output + ": " + e.getMessage(), e);
    }
  }

  /** Drops the staged tables (after a failure). */
  public void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      // best effort: the staging folder is ignored by readers anyway
    }
  }

  /** Writes a small text file (e.g. the manifest) directly into the output folder. */
  public void writeText(String name, String content) {
    Path p = new Path(output, name);
    Path tmp = new Path(output, "." + name + ".tmp");
    try {
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      fs.delete(p, false);
      fs.rename(tmp, p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + p + ": " + e.getMessage(), e);
    }
  }

  private boolean hasDataFiles(Path dir) {
    try {
      var it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        if (it.next().getPath().getName().endsWith(".parquet")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void move(Path from, Path to) throws IOException {
    if (fs.exists(to)) {
      fs.delete(to, true);
    }
    fs.mkdirs(to.getParent());
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " failed");
    }
  }
}
