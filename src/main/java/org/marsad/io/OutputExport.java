package org.marsad.io;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.catalog.Catalog;
import org.marsad.io.postgres.PostgresSink;
import org.marsad.io.postgres.PostgresTarget;
import org.marsad.pipeline.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the committed run of an existing output folder (the tables its {@code _manifest.json}
 * lists) to PostgreSQL or to CSV, without recomputing anything ({@code jobs/marsad export}). It
 * holds the folder's lock meanwhile and finishes an interrupted commit first. The PostgreSQL load
 * is the one of {@code run --jdbc-url}, under the run's own id, so exporting again changes no row;
 * the CSV copies are written as one commit into {@code <output>/csv/}, and the manifest then lists
 * {@code csv} among the run's outputs.
 */
public final class OutputExport {

  private static final Logger LOG = LoggerFactory.getLogger(OutputExport.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private OutputExport() {}

  /**
   * What an export did.
   *
   * @param runId the exported run
   * @param rows rows per table, as loaded or written
   */
  public record Result(String runId, Map<String, Long> rows) {}

  /** Loads the run's tables into {@code target}. */
  public static Result toPostgres(SparkSession spark, String output, PostgresTarget target) {
    try (OutputFolder folder =
        OutputFolder.openExisting(spark.sparkContext().hadoopConfiguration(), output, "export")) {
      Run run = committedRun(folder, output);
      Map<String, Long> rows =
          PostgresSink.loadOutput(spark, target, run.runId, output, run.tables.keySet());
      for (Map.Entry<String, Long> e : run.tables.entrySet()) {
        Long loaded = rows.get(e.getKey());
        if (loaded == null || (e.getValue() >= 0 && loaded.longValue() != e.getValue())) {
          LOG.warn(
              "[export] {}: {} rows loaded, the manifest says {}",
              e.getKey(),
              loaded,
              e.getValue());
        }
      }
      LOG.info("[export] run {} loaded into schema {}: {}", run.runId, target.schema(), rows);
      return new Result(run.runId, rows);
    }
  }

  /** Writes {@code <output>/csv/<table>.csv} of every table of the run, as one commit. */
  public static Result toCsv(SparkSession spark, String output) {
    try (OutputFolder folder =
        OutputFolder.openExisting(spark.sparkContext().hadoopConfiguration(), output, "export")) {
      Run run = committedRun(folder, output);
      FileSystem fs = folder.fs();
      Path root = folder.root();
      String id = "export-" + HadoopFiles.tag();
      String stagingRel = "_staging/" + id;
      Path staging = new Path(root, stagingRel);
      Map<String, Long> rows = new LinkedHashMap<>();
      try {
        for (String name : run.tables.keySet()) {
          spark.sparkContext().setJobDescription("export " + name + " as CSV");
          Dataset<Row> d = read(spark, root.toString(), name);
          CsvExport.write(
              fs,
              d,
              new Path(staging, "_csv_scratch/" + name),
              new Path(staging, "csv/" + name + ".csv"));
          rows.put(name, run.tables.get(name));
        }
        ObjectNode manifest = run.manifest.deepCopy();
        TreeSet<String> outputs = new TreeSet<>();
        manifest.path("outputs").forEach(o -> outputs.add(o.asText()));
        outputs.add(Catalog.CSV);
        ArrayNode list = manifest.putArray("outputs");
        outputs.forEach(list::add);
        HadoopFiles.writeAtomically(
            HadoopFiles.withoutChecksums(fs),
            new Path(staging, OutputFolder.MANIFEST),
            JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest));
        fs.delete(new Path(staging, "_csv_scratch"), true);
        List<CommitJournal.Step> steps = new ArrayList<>();
        steps.add(
            CommitJournal.Step.replace(
                Catalog.CSV,
                stagingRel + "/" + Catalog.CSV,
                CommitJournal.filesOf(fs, new Path(staging, Catalog.CSV))));
        steps.add(
            CommitJournal.Step.replace(
                OutputFolder.MANIFEST, stagingRel + "/" + OutputFolder.MANIFEST, null));
        new CommitJournal(id, stagingRel, steps).commit(fs, root);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot export " + output + " as CSV: " + e.getMessage(), e);
      } finally {
        spark.sparkContext().setJobDescription(null);
      }
      LOG.info("[export] run {} written as CSV to {}: {}", run.runId, new Path(root, "csv"), rows);
      return new Result(run.runId, rows);
    }
  }

  /** The committed run: its id, manifest and tables (name → rows, -1 when not recorded). */
  private record Run(String runId, ObjectNode manifest, Map<String, Long> tables) {}

  private static Run committedRun(OutputFolder folder, String output) {
    FileSystem fs = folder.fs();
    Path m = new Path(folder.root(), OutputFolder.MANIFEST);
    JsonNode manifest;
    try {
      byte[] content = HadoopFiles.read(fs, m);
      if (content == null) {
        throw new IllegalStateException(
            "Cannot export: no "
                + OutputFolder.MANIFEST
                + " in "
                + output
                + ", so it holds no Marsad run; give the --output folder of a run");
      }
      manifest = JSON.readTree(content);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot export: " + m + " is unreadable (" + e.getMessage() + ")", e);
    }
    if (!(manifest instanceof ObjectNode o) || !manifest.hasNonNull("run_id")) {
      throw new IllegalStateException(
          "Cannot export: " + m + " is not the manifest of a Marsad run (no run_id)");
    }
    Map<String, Long> tables = new LinkedHashMap<>();
    manifest
        .path("tables")
        .fields()
        .forEachRemaining(e -> tables.put(e.getKey(), e.getValue().asLong(-1)));
    if (tables.isEmpty()) {
      throw new IllegalStateException(
          "Cannot export: the manifest of run "
              + manifest.get("run_id").asText()
              + " lists no tables ("
              + m
              + ")");
    }
    List<String> missing = new ArrayList<>();
    try {
      for (String t : tables.keySet()) {
        if (!fs.exists(new Path(folder.root(), t))) {
          missing.add(t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot export: " + e.getMessage() + " (" + output + ")", e);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Cannot export: tables the manifest of run "
              + manifest.get("run_id").asText()
              + " lists are missing from "
              + output
              + " ("
              + String.join(", ", missing)
              + "); run the command that wrote the folder again");
    }
    return new Run(manifest.get("run_id").asText(), o, tables);
  }

  /** A table in its catalog columns (a table Marsad no longer declares: as it is). */
  private static Dataset<Row> read(SparkSession spark, String output, String name) {
    Table t = Catalog.get(name);
    if (t == null) {
      return spark.read().parquet(new Path(output, name).toString());
    }
    Dataset<Row> d = TableReader.read(spark, output, t);
    return d.select(t.columns().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
  }
}
