package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.catalog.Catalog;
import org.marsad.pipeline.Table;

/**
 * The writer on real Spark writes: tables written at once from four driver threads in a FAIR pool
 * each land whole with their own job descriptions; a partition-level write replaces exactly its
 * periods; one commit puts tables, report and manifest in place and removes the earlier run's rest.
 */
@Tag("spark")
class TableWriterTest {

  @TempDir Path tmp;

  private static SparkSession spark() {
    return SharedSpark.get();
  }

  /** {@code n} rows of {@code t} with every value made from the row number and its period. */
  static Dataset<Row> rows(Table t, int n, String tag, String... periods) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object[] v = new Object[t.schema().fields().length];
      int c = 0;
      for (StructField f : t.schema().fields()) {
        v[c++] = value(f, i, tag, periods.length == 0 ? "all" : periods[i % periods.length]);
      }
      out.add(RowFactory.create(v));
    }
    return spark().createDataFrame(out, t.schema());
  }

  private static Object value(StructField f, int i, String tag, String period) {
    DataType d = f.dataType();
    if (f.name().equals("period")) {
      return period;
    } else if (d.equals(DataTypes.StringType)) {
      return f.name() + "-" + tag + "-" + i;
    } else if (d.equals(DataTypes.IntegerType)) {
      return i;
    } else if (d.equals(DataTypes.LongType)) {
      return (long) i;
    } else if (d.equals(DataTypes.DoubleType)) {
      return i / 4.0;
    } else if (d.equals(DataTypes.BooleanType)) {
      return i % 2 == 0;
    } else if (d.equals(DataTypes.TimestampType)) {
      return java.sql.Timestamp.from(
          java.time.Instant.parse("2021-01-01T00:00:00Z").plusSeconds(i));
    } else if (d instanceof org.apache.spark.sql.types.ArrayType) {
      return List.of("a" + i, "b" + i);
    }
    throw new IllegalArgumentException("no test value for " + f);
  }

  /** The rows of {@code d} in the columns of {@code t}, as sorted strings. */
  private static List<String> sorted(Table t, Dataset<Row> d) {
    return d
        .select(
            t.columns().stream()
                .map(c -> d.col("`" + c + "`"))
                .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  private static Map<String, Long> files(Path dir) throws Exception {
    Map<String, Long> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
      }
    }
    return m;
  }

  @Test
  void tablesWrittenFromFourThreadsAtOnceLandWholeWithTheirOwnJobDescriptions() throws Exception {
    String out = tmp.resolve("out").toString();
    TableWriter w = new TableWriter(spark(), out, "run-1", true);
    List<Table> tables =
        List.of(Catalog.TERM_FREQUENCIES, Catalog.STATE_COUNTS, Catalog.DOCUMENTS, Catalog.TOPICS);
    Map<String, Dataset<Row>> data = new TreeMap<>();
    for (int i = 0; i < tables.size(); i++) {
      Table t = tables.get(i);
      data.put(t.name(), rows(t, 200 + 50 * i, "x", "2021-01", "2021-02", "2021-03"));
    }
    List<String[]> jobs = Collections.synchronizedList(new ArrayList<>());
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart e) {
            jobs.add(
                new String[] {
                  e.properties().getProperty("spark.job.description"),
                  e.properties().getProperty("spark.scheduler.pool")
                });
          }
        };
    spark().sparkContext().addSparkListener(listener);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> done = new ArrayList<>();
      for (Table t : tables) {
        done.add(
            pool.submit(
                () -> {
                  spark().sparkContext().setLocalProperty("spark.scheduler.pool", "p-" + t.name());
                  return w.write(t, data.get(t.name()));
                }));
      }
      for (int i = 0; i < tables.size(); i++) {
        assertThat(done.get(i).get()).isEqualTo(200 + 50 * i);
      }
    } finally {
      pool.shutdownNow();
      spark().sparkContext().listenerBus().waitUntilEmpty();
      spark().sparkContext().removeSparkListener(listener);
    }
    assertThat(w.rows())
        .containsOnlyKeys("term_frequencies", "state_counts", "documents", "topics")
        .containsEntry("documents", 300L);
    assertThat(w.entries())
        .containsExactly("csv", "documents", "state_counts", "term_frequencies", "topics");
    for (Table t : tables) {
      assertThat(jobs)
          .as("the writes of %s ran in its thread's pool", t.name())
          .anyMatch(j -> ("write " + t.name()).equals(j[0]) && ("p-" + t.name()).equals(j[1]))
          .noneMatch(j -> ("write " + t.name()).equals(j[0]) && !("p-" + t.name()).equals(j[1]));
    }
    w.commit();
    for (Table t : tables) {
      assertThat(sorted(t, TableReader.read(spark(), out, t)))
          .as(t.name())
          .isEqualTo(sorted(t, data.get(t.name())));
      assertThat(tmp.resolve("out/csv/" + t.name() + ".csv")).exists();
    }
    assertThat(tmp.resolve("out/_staging")).doesNotExist();
    assertThat(tmp.resolve("out/" + CommitJournal.NAME)).doesNotExist();
  }

  @Test
  void aPartitionWriteReplacesExactlyItsPeriodsAndLeavesTheOthersUntouched() throws Exception {
    Path outDir = tmp.resolve("out");
    String out = outDir.toString();
    Table t = Catalog.TERM_FREQUENCIES;
    TableWriter first = new TableWriter(spark(), out, "run-1", true);
    Dataset<Row> old = rows(t, 90, "old", "2021-01", "2021-02", "2021-03");
    first.write(t, old);
    first.commit();
    Map<String, Long> jan = files(outDir.resolve("term_frequencies/period=2021-01"));

    TableWriter update = new TableWriter(spark(), out, "run-2", true);
    Dataset<Row> feb = rows(t, 10, "new", "2021-02");
    assertThat(update.writePartitions(t, feb, Set.of("2021-02", "2021-03", "2021-04")))
        .isEqualTo(10);
    assertThat(update.partial()).containsExactly("term_frequencies");
    update.commit();

    Dataset<Row> now = TableReader.read(spark(), out, t);
    List<String> expected = new ArrayList<>(sorted(t, old.filter("period = '2021-01'")));
    expected.addAll(sorted(t, feb));
    assertThat(sorted(t, now)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(outDir.resolve("term_frequencies/period=2021-03")).doesNotExist();
    assertThat(outDir.resolve("term_frequencies/period=2021-04")).doesNotExist();
    assertThat(files(outDir.resolve("term_frequencies/period=2021-01")))
        .as("an untouched period keeps its very files")
        .isEqualTo(jan);
    // The CSV copy is of the whole table as it now is.
    List<String> csv =
        Files.readAllLines(outDir.resolve("csv/term_frequencies.csv"), StandardCharsets.UTF_8);
    assertThat(csv).hasSize(1 + 30 + 10);
    assertThat(csv.stream().filter(l -> l.startsWith("\"2021-02\"")))
        .hasSize(10)
        .allMatch(l -> l.contains("-new-"));

    TableWriter stray = new TableWriter(spark(), out, "run-3", false);
    assertThatThrownBy(() -> stray.writePartitions(t, old, Set.of("2021-01")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot write partitions of table term_frequencies: rows of periods outside the ones"
                + " to replace ([2021-02, 2021-03] not in [2021-01])");
    stray.abort();
    assertThatThrownBy(() -> stray.writePartitions(Catalog.STATES, old, Set.of("x")))
        .hasMessage("Cannot write partitions of table states: it is not partitioned by period");

    // Removing every period leaves an empty table that still has its columns.
    TableWriter clear = new TableWriter(spark(), out, "run-4", false);
    assertThat(clear.writePartitions(t, rows(t, 0, "none"), Set.of("2021-01", "2021-02"))).isZero();
    clear.commit();
    Dataset<Row> empty = TableReader.read(spark(), out, t);
    assertThat(empty.count()).isZero();
    assertThat(spark().read().parquet(out + "/term_frequencies").columns())
        .contains("term", "term_count");
    // ... and partitions written into it later replace the file that carried the schema.
    TableWriter again = new TableWriter(spark(), out, "run-5", false);
    again.writePartitions(t, feb, Set.of("2021-02"));
    again.commit();
    assertThat(TableReader.read(spark(), out, t).count()).isEqualTo(10);
    try (Stream<Path> s = Files.list(outDir.resolve("term_frequencies"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("part-"))
          .contains("period=2021-02");
    }
  }

  @Test
  void oneCommitPutsTablesReportAndManifestInPlaceAndRemovesTheEarlierRunsRest() throws Exception {
    Path outDir = tmp.resolve("out");
    String out = outDir.toString();
    Configuration hadoop = spark().sparkContext().hadoopConfiguration();
    try (OutputFolder f = OutputFolder.open(hadoop, out, "run-1", "run", false)) {
      TableWriter w = new TableWriter(spark(), out, "run-1", false);
      w.write(Catalog.DOCUMENTS, rows(Catalog.DOCUMENTS, 5, "a", "2021-01"));
      w.write(Catalog.TOPICS, rows(Catalog.TOPICS, 5, "a"));
      w.stageFile("report/index.html", "report of run-1");
      w.stageFile(OutputFolder.MANIFEST, manifest("run-1", "documents", "report", "topics"));
      assertThat(f.commit(w)).isEmpty();
    }
    try (OutputFolder f = OutputFolder.open(hadoop, out, "run-2", "terms", false)) {
      TableWriter w = new TableWriter(spark(), out, "run-2", false);
      w.write(Catalog.DOCUMENTS, rows(Catalog.DOCUMENTS, 7, "b", "2021-02"));
      w.stageFile("report/index.html", "report of run-2");
      w.stageFile(OutputFolder.MANIFEST, manifest("run-2", "documents", "report"));
      assertThat(w.entries()).containsExactly("documents", "report");
      assertThat(f.commit(w)).containsExactly("topics");
      assertThatThrownBy(w::commit).hasMessageStartingWith("Cannot commit output tables twice");
    }
    assertThat(Files.readString(outDir.resolve("report/index.html"))).isEqualTo("report of run-2");
    assertThat(Files.readString(outDir.resolve(OutputFolder.MANIFEST))).contains("run-2");
    assertThat(outDir.resolve("topics")).doesNotExist();
    assertThat(TableReader.read(spark(), out, Catalog.DOCUMENTS).count()).isEqualTo(7);
    try (Stream<Path> s = Files.list(outDir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("documents", "report", OutputFolder.MANIFEST);
    }
  }

  @Test
  void aCommitThatFailsPastItsJournalKeepsItsStagingForTheNextCommandToFinish() throws Exception {
    Path outDir = tmp.resolve("out");
    String out = outDir.toString();
    Configuration hadoop = spark().sparkContext().hadoopConfiguration();
    OutputFolder f = OutputFolder.open(hadoop, out, "run-1", "run", false);
    TableWriter w = new TableWriter(spark(), out, "run-1", false);
    w.write(Catalog.STATES, rows(Catalog.STATES, 3, "a"));
    w.stageFile("report/index.html", "report of run-1");
    w.stageFile(OutputFolder.MANIFEST, manifest("run-1", "report", "states"));
    Files.writeString(outDir.resolve("report"), "a file where the report's folder goes");
    assertThatThrownBy(w::commit)
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageStartingWith("Cannot finish the commit of run run-1 in ")
        .hasMessageEndingWith(
            "; the run is committed in "
                + new org.apache.hadoop.fs.Path(out, CommitJournal.NAME)
                + ", which the next marsad command on the folder finishes");
    assertThat(w.committed()).isTrue();
    w.abort(); // as a failed run does: past the journal it keeps the staging
    f.close();
    assertThat(outDir.resolve(CommitJournal.NAME)).exists();
    assertThat(outDir.resolve("_staging/run-1/report/index.html")).exists();
    Files.delete(outDir.resolve("report")); // the cause, fixed
    OutputFolder.open(hadoop, out, "run-2", "terms", false).close();
    assertThat(Files.readString(outDir.resolve("report/index.html"))).isEqualTo("report of run-1");
    assertThat(Files.readString(outDir.resolve(OutputFolder.MANIFEST))).contains("run-1");
    assertThat(TableReader.read(spark(), out, Catalog.STATES).count()).isEqualTo(3);
    assertThat(outDir.resolve(CommitJournal.NAME)).doesNotExist();
  }

  @Test
  void aFolderWithAnUnfinishedCommitIsNotReadUntilItIsFinished() throws Exception {
    Path outDir = tmp.resolve("out");
    String out = outDir.toString();
    TableWriter w = new TableWriter(spark(), out, "run-1", false);
    w.write(Catalog.STATES, rows(Catalog.STATES, 3, "a"));
    w.commit();
    Files.writeString(
        outDir.resolve(CommitJournal.NAME),
        new String(
            new CommitJournal("run-0", "_staging/run-0", List.of()).toJson(),
            StandardCharsets.UTF_8));
    assertThatThrownBy(() -> TableReader.read(spark(), out, Catalog.STATES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot read table states: the output folder holds an unfinished commit ("
                + new org.apache.hadoop.fs.Path(out, CommitJournal.NAME)
                + "); open it with any marsad command (e.g. jobs/marsad report --output "
                + out
                + ") to finish the commit first");
    OutputFolder.finishCommit(spark().sparkContext().hadoopConfiguration(), out);
    assertThat(TableReader.read(spark(), out, Catalog.STATES).count()).isEqualTo(3);
  }

  private static String manifest(String runId, String... outputs) {
    return "{\"run_id\": \""
        + runId
        + "\", \"command\": \"run\", \"outputs\": [\""
        + String.join("\", \"", outputs)
        + "\"]}";
  }
}
