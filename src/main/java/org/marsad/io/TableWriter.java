package org.marsad.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.marsad.pipeline.Table;

/**
 * Writes output tables whole or not at all: every table, folder and small file of a run is first
 * written under {@code <output>/_staging/<run id>/}, and {@link #commit()} (or {@link
 * OutputFolder#commit(TableWriter)}, which also removes the earlier run's other entries) puts them
 * in place through one {@link CommitJournal}: after a crash at any point the folder holds either
 * the earlier run or, once the next Marsad command has opened it, this one. With CSV enabled each
 * table is also written as one {@code <output>/csv/<table>.csv} with a UTF-8 byte-order mark, so
 * Excel shows Arabic.
 *
 * <p>Tables may be written concurrently from several driver threads (each thread's Spark jobs are
 * described by its own local properties); {@link #commit()} runs after every write has returned.
 */
public final class TableWriter {

  /** The name of the manifest, which a commit puts in place last. */
  private static final String MANIFEST = OutputFolder.MANIFEST;

  private final SparkSession spark;
  private final Path output;
  private final String stagingRel;
  private final Path staging;
  private final boolean csv;
  private final FileSystem fs;
  private final Map<String, Long> rows = Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<String, Set<String>> partitionWrites = new ConcurrentHashMap<>();
  private final Set<String> emptyMarkers = ConcurrentHashMap.newKeySet();
  private final Set<String> extraDirs = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Set<String> stagedFiles = Collections.synchronizedSet(new LinkedHashSet<>());
  private final AtomicLong observations = new AtomicLong();
  private volatile boolean committed;

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
    this.stagingRel = "_staging/" + runId;
    this.staging = new Path(this.output, stagingRel);
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
   * its key within each file. The commit replaces the whole table.
   */
  public long write(Table table, Dataset<Row> data) {
    Path dir = new Path(staging, table.name());
    long n = writeParquet(table, data, dir);
    if (n == 0) {
      writeEmpty(table, dir); // an empty partitioned write leaves no file to carry the schema
    }
    partitionWrites.remove(table.name());
    emptyMarkers.remove(table.name());
    if (csv) {
      writeCsv(table, read(table, dir));
    }
    rows.put(table.name(), n);
    return n;
  }

  /**
   * Writes the rows of {@code periods} of a table partitioned by period and returns their number:
   * the commit replaces exactly the partition folders {@code period=X} of those periods in the
   * committed table (a period of the set without rows loses its folder) and leaves the others as
   * they are. Every row must belong to a period of the set.
   *
   * @throws IllegalArgumentException when the table is not partitioned by period
   * @throws IllegalStateException when {@code data} holds rows of other periods (nothing of the
   *     table is then committed)
   */
  public long writePartitions(Table table, Dataset<Row> data, Set<String> periods) {
    if (!"period".equals(table.partitionBy())) {
      throw new IllegalArgumentException(
          "Cannot write partitions of table " + table.name() + ": it is not partitioned by period");
    }
    Path dir = new Path(staging, table.name());
    long n = writeParquet(table, data, dir);
    Set<String> staged = partitions(dir);
    Set<String> others = new TreeSet<>(staged);
    others.removeAll(periods);
    if (!others.isEmpty()) {
      throw new IllegalStateException(
          "Cannot write partitions of table "
              + table.name()
              + ": rows of periods outside the ones to replace ("
              + others
              + " not in "
              + new TreeSet<>(periods)
              + ")");
    }
    Path committedDir = new Path(output, table.name());
    Set<String> kept = new TreeSet<>(partitions(committedDir));
    kept.removeAll(periods);
    emptyMarkers.remove(table.name());
    if (kept.isEmpty() && staged.isEmpty()) {
      // Nothing left of the table: it is committed whole, as an empty table with its columns.
      writeEmpty(table, new Path(staging, emptyName(table)));
      emptyMarkers.add(table.name());
    }
    partitionWrites.put(table.name(), Set.copyOf(periods));
    if (csv) {
      Dataset<Row> all = read(table, dir);
      if (!kept.isEmpty()) {
        all =
            read(table, committedDir)
                .filter(col("period").isin(kept.toArray()))
                .unionByName(all)
                .orderBy(table.key().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
      }
      writeCsv(table, all);
    }
    rows.put(table.name(), n);
    return n;
  }

  private long writeParquet(Table table, Dataset<Row> data, Path dir) {
    spark.sparkContext().setJobDescription("write " + table.name());
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
    return writeSortedParquet(table, d, dir);
  }

  private long writeSortedParquet(Table table, Dataset<Row> data, Path dir) {
    Dataset<Row> d = data;
    // Observation names are unique per session: a table written by two threads or twice.
    Observation rowsWritten =
        new Observation("rows_" + table.name() + "_" + observations.incrementAndGet());
    d = d.observe(rowsWritten, count(lit(1)).as("rows"));
    var w = d.write().mode(SaveMode.Overwrite).option("compression", "zstd");
    if (table.partitionBy() != null) {
      w = w.partitionBy(table.partitionBy());
    }
    w.parquet(dir.toString());
    return observed(rowsWritten);
  }

  private void writeEmpty(Table table, Path dir) {
    spark
        .createDataFrame(List.of(), table.schema())
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(dir.toString());
  }

  private static String emptyName(Table table) {
    return table.name() + ".empty";
  }

  private Dataset<Row> read(Table table, Path dir) {
    return spark
        .read()
        .schema(table.schema())
        .parquet(dir.toString())
        .select(table.columns().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
  }

  /** The periods of the partition folders {@code period=X} in {@code dir} (none when absent). */
  private Set<String> partitions(Path dir) {
    Set<String> out = new TreeSet<>();
    try {
      if (!fs.exists(dir)) {
        return out;
      }
      for (FileStatus s : fs.listStatus(dir)) {
        String n = s.getPath().getName();
        if (s.isDirectory() && n.startsWith("period=")) {
          out.add(ExternalCatalogUtils.unescapePathName(n.substring("period=".length())));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String partitionFolder(String period) {
    return "period=" + ExternalCatalogUtils.escapePathName(period);
  }

  /**
   * Writes {@code rows}, finished on the driver (bounded by the driver cap), as {@code table}:
   * sorted by its partition column and key here, written by one task without a shuffle (one job).
   */
  public long write(Table table, java.util.List<Row> data) {
    java.util.List<Row> sorted = new java.util.ArrayList<>(data);
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
    spark.sparkContext().setJobDescription("write " + table.name());
    Path dir = new Path(staging, table.name());
    long n =
        writeSortedParquet(table, spark.createDataFrame(sorted, table.schema()).coalesce(1), dir);
    if (n == 0) {
      writeEmpty(table, dir);
    }
    partitionWrites.remove(table.name());
    emptyMarkers.remove(table.name());
    if (csv) {
      writeCsv(table, read(table, dir));
    }
    rows.put(table.name(), n);
    return n;
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
  private void writeCsv(Table table, Dataset<Row> data) {
    CsvExport.write(
        fs,
        data,
        new Path(staging, "_csv_scratch/" + table.name()),
        new Path(staging, "csv/" + table.name() + ".csv"));
  }

  /** Writes small files (name → UTF-8 content) into a staged folder committed with the tables. */
  public void writeFiles(String name, Map<String, String> files) {
    Path dir = new Path(stageDir(name));
    FileSystem raw = HadoopFiles.withoutChecksums(fs);
    try {
      raw.delete(dir, true);
      raw.mkdirs(dir);
      for (Map.Entry<String, String> f : files.entrySet()) {
        try (OutputStream o = raw.create(new Path(dir, f.getKey()), true)) {
          o.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * A staging folder for output that is not a table (e.g. networks); the commit replaces the folder
   * {@code name} of the output (e.g. {@code networks}, {@code models/topics}) with it.
   */
  public String stageDir(String name) {
    extraDirs.add(name);
    return new Path(staging, name).toString();
  }

  /**
   * Stages one small file, committed with the tables: {@code path} is relative to the output
   * folder, e.g. {@code report/index.html} or {@code _manifest.json} (which the commit puts in
   * place last). Staging a path again replaces its content.
   */
  public void stageFile(String path, String content) {
    stageFile(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@link #stageFile(String, String)}, with bytes. */
  public void stageFile(String path, byte[] content) {
    String rel = relative(path);
    Path p = new Path(staging, rel);
    FileSystem raw = HadoopFiles.withoutChecksums(fs); // no .crc beside the manifest or report
    try {
      raw.mkdirs(p.getParent());
      try (OutputStream o = raw.create(p, true)) {
        o.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + p + ": " + e.getMessage(), e);
    }
    stagedFiles.add(rel);
  }

  /**
   * The staging folder of this run, where the tables are until the commit (e.g. to build the report
   * of the staged run before committing it).
   */
  public String stagingPath() {
    return staging.toString();
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

  /** Bytes under {@code name} in the staging folder (0 when absent). */
  public long sizeOf(String name) {
    try {
      Path p = new Path(staging, name);
      return fs.exists(p) ? fs.getContentSummary(p).getLength() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rows written per table, in writing order: a live, synchronized map (copy it, or iterate it
   * inside {@code synchronized (rows())}, while other threads write).
   */
  public Map<String, Long> rows() {
    return rows;
  }

  /**
   * The top-level entries of the output folder that {@link #commit()} writes: the tables, the
   * folders of {@link #stageDir} ({@code models/topics} counts as {@code models}), the folders of
   * staged files ({@code report}) and {@code csv}.
   */
  public Set<String> entries() {
    Set<String> e;
    synchronized (rows) {
      e = new TreeSet<>(rows.keySet());
    }
    synchronized (extraDirs) {
      for (String d : extraDirs) {
        e.add(top(d));
      }
    }
    synchronized (stagedFiles) {
      for (String f : stagedFiles) {
        if (!f.equals(MANIFEST)) {
          e.add(top(f));
        }
      }
    }
    if (csv) {
      e.add("csv");
    }
    return e;
  }

  /** The tables this writer replaces only partly ({@link #writePartitions}). */
  public Set<String> partial() {
    return Set.copyOf(partitionWrites.keySet());
  }

  /**
   * Puts everything staged in place, replacing previous versions, as one commit (see {@link
   * CommitJournal}); the earlier run's other entries stay (see {@link
   * OutputFolder#commit(TableWriter)} for a commit that also removes them).
   */
  public void commit() {
    commit(List.of());
  }

  /** Commits with {@code more} steps (deletions) before the manifest. */
  void commit(List<CommitJournal.Step> more) {
    if (committed) {
      throw new IllegalStateException("Cannot commit output tables twice (" + output + ")");
    }
    try {
      List<CommitJournal.Step> steps = steps();
      CommitJournal.Step manifest = null;
      if (!steps.isEmpty() && steps.get(steps.size() - 1).target().equals(MANIFEST)) {
        manifest = steps.remove(steps.size() - 1);
      }
      steps.addAll(more);
      if (manifest != null) {
        steps.add(manifest);
      }
      CommitJournal journal = new CommitJournal(runIdOf(), stagingRel, steps);
      journal.write(fs, output);
      // The commit point: from here the staging folder belongs to the journal (see abort).
      committed = true;
      journal.finish(fs, output);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot commit output tables to " + output + ": " + e.getMessage(), e);
    }
  }

  /** The steps that put what is staged in place, the manifest last. */
  List<CommitJournal.Step> steps() throws IOException {
    List<CommitJournal.Step> steps = new ArrayList<>();
    List<String> tables;
    synchronized (rows) {
      tables = new ArrayList<>(rows.keySet());
    }
    for (String t : tables) {
      Set<String> periods = partitionWrites.get(t);
      if (periods == null) {
        steps.add(replaceFolder(t, stagingRel + "/" + t));
      } else if (emptyMarkers.contains(t)) {
        steps.add(replaceFolder(t, stagingRel + "/" + t + ".empty"));
      } else {
        steps.addAll(partitionSteps(t, periods));
      }
      if (csv) {
        String f = "csv/" + t + ".csv";
        steps.add(CommitJournal.Step.replace(f, stagingRel + "/" + f, null));
      }
    }
    List<String> dirs;
    synchronized (extraDirs) {
      dirs = new ArrayList<>(extraDirs);
    }
    for (String d : dirs) {
      steps.add(replaceFolder(d, stagingRel + "/" + d));
    }
    List<String> files;
    synchronized (stagedFiles) {
      files = new ArrayList<>(stagedFiles);
    }
    boolean manifest = files.remove(MANIFEST);
    for (String f : files) {
      steps.add(CommitJournal.Step.replace(f, stagingRel + "/" + f, null));
    }
    if (manifest) {
      steps.add(CommitJournal.Step.replace(MANIFEST, stagingRel + "/" + MANIFEST, null));
    }
    return steps;
  }

  private CommitJournal.Step replaceFolder(String target, String from) throws IOException {
    Path dir = new Path(output, from);
    List<String> files = fs.exists(dir) ? CommitJournal.filesOf(fs, dir) : List.of();
    return CommitJournal.Step.replace(target, from, files);
  }

  /**
   * Replaces the staged partitions, deletes the partitions of {@code periods} that have no rows now
   * and, once the table has partitions, the file that carried the schema of an empty table.
   */
  private List<CommitJournal.Step> partitionSteps(String table, Set<String> periods)
      throws IOException {
    List<CommitJournal.Step> steps = new ArrayList<>();
    Set<String> staged = partitions(new Path(staging, table));
    for (String p : staged) {
      String part = table + "/" + partitionFolder(p);
      steps.add(replaceFolder(part, stagingRel + "/" + part));
    }
    Path committedDir = new Path(output, table);
    for (String p : new TreeSet<>(periods)) {
      if (!staged.contains(p) && fs.exists(new Path(committedDir, partitionFolder(p)))) {
        steps.add(CommitJournal.Step.delete(table + "/" + partitionFolder(p)));
      }
    }
    if (fs.exists(committedDir)) {
      for (FileStatus s : fs.listStatus(committedDir)) {
        if (s.isFile() && s.getPath().getName().startsWith("part-")) {
          steps.add(CommitJournal.Step.delete(table + "/" + s.getPath().getName()));
        }
      }
    }
    return steps;
  }

  private String runIdOf() {
    return staging.getName();
  }

  /** True once the commit's journal is written: the run is committed, whatever follows. */
  public boolean committed() {
    return committed;
  }

  /**
   * Drops the staged tables (after a failure). After the commit point it does nothing: the staged
   * files are the journal's, for the command that finishes the commit.
   */
  public void abort() {
    if (committed) {
      return;
    }
    try {
      fs.delete(staging, true);
      Path parent = staging.getParent();
      if (fs.exists(parent) && fs.listStatus(parent).length == 0) {
        fs.delete(parent, true);
      }
    } catch (IOException e) {
      // best effort: the staging folder is ignored by readers and cleared by the next run
    }
  }

  /**
   * Replaces a small text file (e.g. the manifest, after a PostgreSQL load) directly in the output
   * folder, atomically: readers see the old or the new content.
   */
  public void writeText(String name, String content) {
    Path p = new Path(output, name);
    try {
      HadoopFiles.writeAtomically(fs, p, content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + p + ": " + e.getMessage(), e);
    }
  }

  private static String relative(String path) {
    String rel = path.replaceAll("^/+", "");
    if (rel.isEmpty() || rel.contains("..") || rel.startsWith("_staging")) {
      throw new IllegalArgumentException("Cannot stage a file at " + path);
    }
    return rel;
  }

  private static String top(String entry) {
    String e = entry.replaceAll("^/+", "");
    int slash = e.indexOf('/');
    return slash < 0 ? e : e.substring(0, slash);
  }
}
