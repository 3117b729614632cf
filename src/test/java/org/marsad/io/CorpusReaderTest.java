package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.cli.Cli;
import org.marsad.jobs.JobTestSupport;

/**
 * Input folders: files in plain subfolders are read (and listed) like the top ones, Hive-style
 * partition folders keep their column, hidden names are skipped as Spark skips them, the rows are
 * checked against the listed files, and text files are refused naming {@code jobs/marsad ingest}.
 */
@Tag("spark")
class CorpusReaderTest {

  @TempDir Path tmp;

  private static final StructType SCHEMA =
      new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);

  /** Writes a one-file Parquet corpus of {@code ids} as {@code file}. */
  private void parquet(Path file, String... ids) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(RowFactory.create(id, "text of " + id));
    }
    Path scratch = tmp.resolve("scratch-" + System.nanoTime());
    SharedSpark.get()
        .createDataFrame(rows, SCHEMA)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(scratch.toString());
    Files.createDirectories(file.getParent());
    try (Stream<Path> s = Files.list(scratch)) {
      Path part = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().get();
      Files.copy(part, file);
    }
  }

  private static List<String> ids(Dataset<Row> d) {
    return d.select("id").as(Encoders.STRING()).collectAsList().stream().sorted().toList();
  }

  private static List<String> names(List<String> files) {
    return files.stream().map(f -> f.substring(f.indexOf("/corpus/") + 8)).sorted().toList();
  }

  @Test
  void filesInSubfoldersAreReadListedAndCountedAndHiddenOnesSkipped() throws Exception {
    Path corpus = tmp.resolve("corpus");
    parquet(corpus.resolve("a.parquet"), "a1", "a2");
    parquet(corpus.resolve("2021/b.parquet"), "b1");
    parquet(corpus.resolve("2022/x/c.parquet"), "c1", "c2", "c3");
    parquet(corpus.resolve("_scratch/d.parquet"), "d1");
    parquet(corpus.resolve("2021/.e.parquet"), "e1");
    Files.writeString(corpus.resolve("_SUCCESS"), "");
    List<String> in = List.of(corpus.toString());
    Dataset<Row> raw = CorpusReader.read(SharedSpark.get(), in);
    assertThat(ids(raw)).containsExactly("a1", "a2", "b1", "c1", "c2", "c3");
    List<String> files = CorpusReader.listFiles(SharedSpark.get(), in);
    assertThat(names(files)).containsExactly("2021/b.parquet", "2022/x/c.parquet", "a.parquet");
    assertThat(CorpusReader.countRows(raw, files)).isEqualTo(6);
    // The check has teeth: a file left out of the listing, or listed but not read, stops the run.
    assertThatThrownBy(() -> CorpusReader.countRows(raw, files.subList(0, 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "Cannot read corpus: rows were read from files the input listing does not name (")
        .hasMessageContaining("a.parquet");
    parquet(tmp.resolve("elsewhere/f.parquet"), "f1", "f2");
    List<String> more = new ArrayList<>(files);
    more.add("file:" + tmp.resolve("elsewhere/f.parquet"));
    assertThatThrownBy(() -> CorpusReader.countRows(raw, more))
        .hasMessage(
            "Cannot read corpus: the file holds 2 rows but none were read (file:"
                + tmp.resolve("elsewhere/f.parquet")
                + ")");
  }

  @Test
  void hivePartitionFoldersKeepTheirColumnAndMixingThemWithPlainFoldersIsRefused()
      throws Exception {
    Path corpus = tmp.resolve("corpus");
    parquet(corpus.resolve("source=aljazeera/a.parquet"), "a1");
    parquet(corpus.resolve("source=bbc/b.parquet"), "b1", "b2");
    Dataset<Row> raw = CorpusReader.read(SharedSpark.get(), List.of(corpus.toString()));
    assertThat(raw.columns()).contains("source");
    assertThat(raw.filter("source = 'bbc'").count()).isEqualTo(2);
    assertThat(
            CorpusReader.countRows(
                raw, CorpusReader.listFiles(SharedSpark.get(), List.of(corpus.toString()))))
        .isEqualTo(3);
    parquet(corpus.resolve("2021/c.parquet"), "c1");
    assertThatThrownBy(() -> CorpusReader.read(SharedSpark.get(), List.of(corpus.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read corpus: the input mixes Hive-style partition folders (source=aljazeera/,"
                + " source=bbc/) with plain subfolders (2021/); give the plain subfolders as"
                + " inputs of their own, or name them key=value");
  }

  @Test
  void textJsonAndCsvFilesAreRefusedNamingIngest() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Outlet:\nbody", StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("b.jsonl"), "{\"id\": 1}\n", StandardCharsets.UTF_8);
    String in = corpus.toString();
    assertThatThrownBy(() -> CorpusReader.read(SharedSpark.get(), List.of(in)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read corpus: not Parquet files (file:"
                + corpus.resolve("a.txt")
                + ", file:"
                + corpus.resolve("b.jsonl")
                + "); Marsad reads Parquet: turn .txt, .jsonl or .csv articles into a Parquet"
                + " corpus with jobs/marsad ingest --input "
                + in
                + " --output CORPUS, then run with --input CORPUS");
    // A file without a telling name fails in Parquet's reader: the message names ingest too.
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(other.resolve("articles"), "id,text\n1,hello\n", StandardCharsets.UTF_8);
    Cli.Result r =
        Cli.run(
            "terms",
            "--master",
            "local[2]",
            "--input",
            other.toString(),
            "--output",
            tmp.resolve("o").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("Cannot read corpus: not a Parquet file (")
        .contains("articles")
        .contains("jobs/marsad ingest --input " + other + " --output CORPUS");
    assertThat(tmp.resolve("o")).as("a failed run leaves no new folder").doesNotExist();
    Path empty = Files.createDirectories(tmp.resolve("empty/_tmp"));
    assertThatThrownBy(
            () -> CorpusReader.read(SharedSpark.get(), List.of(empty.getParent().toString())))
        .hasMessage(
            "Cannot read corpus: no data files in "
                + empty.getParent()
                + " (names starting with _ or . are skipped); check --input");
  }

  @Test
  void aRunReadsEveryFileBeneathItsInputAndItsManifestListsExactlyThem() throws Exception {
    String tiny = JobTestSupport.tinyCorpus(tmp.resolve("tiny"));
    Dataset<Row> all = SharedSpark.get().read().parquet(tiny);
    Path corpus = tmp.resolve("corpus");
    List<Row> rows = all.collectAsList();
    int cut = rows.size() / 2;
    write(all.schema(), rows.subList(0, cut), corpus.resolve("2020"));
    write(all.schema(), rows.subList(cut, rows.size()), corpus.resolve("2021/late"));
    String out = tmp.resolve("out").toString();
    Cli.Result r =
        Cli.run("terms", "--master", "local[2]", "--input", corpus.toString(), "--output", out);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(Path.of(out, "_manifest.json").toFile());
    assertThat(m.path("rows").path("in").asLong()).isEqualTo(rows.size());
    List<String> listed = new ArrayList<>();
    m.path("input_files").forEach(f -> listed.add(f.asText()));
    assertThat(listed)
        .hasSize(2)
        .anyMatch(f -> f.contains("/corpus/2020/part-"))
        .anyMatch(f -> f.contains("/corpus/2021/late/part-"));
    assertThat(JobTestSupport.table(out, "documents").count()).isEqualTo(rows.size());
  }

  private static void write(StructType schema, List<Row> rows, Path dir) {
    SharedSpark.get()
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(dir.toString());
  }
}
