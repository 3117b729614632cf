package org.marsad.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.marsad.analysis.AnalysisPass;
import org.marsad.analysis.PassSettings;
import org.marsad.catalog.Catalog;
import org.marsad.corpus.Corpus;
import org.marsad.corpus.CorpusLoader;
import org.marsad.corpus.SlashDates;
import org.marsad.io.CorpusReader;
import org.marsad.io.Manifest;
import org.marsad.io.OutputFolder;
import org.marsad.io.TableWriter;
import org.marsad.io.postgres.PostgresSink;
import org.marsad.report.Report;
import org.marsad.stories.DedupMode;
import org.marsad.stories.Stories;
import org.marsad.stories.StoryParams;
import org.marsad.stories.StoryTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Marsad batch job: reads a corpus, loads and analyses it, runs the requested stages and writes
 * their tables (whole or not at all) with a manifest.
 */
public final class MarsadJob {

  /** Version written into manifests. */
  public static final String VERSION = "0.1.0";

  private static final Logger LOG = LoggerFactory.getLogger(MarsadJob.class);

  /** The capability stages a run can include. */
  public enum Stage {
    TERMS,
    STATES,
    TOPICS
  }

  /** All stages built so far, as {@code run} executes them. */
  public static final Set<Stage> ALL = EnumSet.allOf(Stage.class);

  private MarsadJob() {}

  /** The stage implementations, in the order a run executes them. */
  private static final Map<Stage, org.marsad.jobs.Stage> STAGES =
      Map.of(
          Stage.TERMS, new TermsStage(),
          Stage.STATES, new StatesStage(),
          Stage.TOPICS, new TopicsStage());

  /** Runs {@code stages} on the corpus of {@code config}. */
  public static JobResult run(
      SparkSession spark, JobConfig config, Set<Stage> stages, String command) {
    Instant started = Instant.now();
    String runId =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    LOG.info("Marsad {} run {} ({}); config: {}", VERSION, runId, command, config.resolved());
    Manifest manifest = new Manifest(VERSION, runId, command, started);
    manifest.config(config.resolved());
    // The lock, and a folder that holds one run (OutputFolder).
    OutputFolder folder =
        OutputFolder.open(
            spark.sparkContext().hadoopConfiguration(),
            config.output(),
            runId,
            command,
            config.overwrite());
    folder.keep(config.topics().model());
    TableWriter writer = new TableWriter(spark, config.output(), runId, config.csv());
    StageLog stageLog = new StageLog(writer.rows());
    List<Dataset<Row>> cached = new ArrayList<>();
    Corpus corpus = null;
    StoryTables storyTables = null;
    try {
      long t0 = System.nanoTime();
      spark.sparkContext().setJobGroup("marsad-load", "load corpus", false);
      Dataset<Row> raw = CorpusReader.read(spark, config.inputs());
      CorpusLoader.checkColumns(raw.schema(), config.corpus());
      // The files read, counted per file: exactly the files the manifest lists.
      List<String> inputFiles = CorpusReader.listFiles(spark, config.inputs());
      long rowsIn = CorpusReader.countRows(raw, inputFiles);
      LOG.debug("[load] {} input rows from {}", rowsIn, config.inputs());
      if (rowsIn == 0) {
        LOG.warn("[load] the corpus is empty: every table will be empty");
      }
      // Day or month first: one aggregation over the date column only.
      SlashDates.Decision slash = SlashDates.detect(raw, config.corpus());
      if (slash.slashDates() > 0) {
        manifest.put("dates", slash.toManifest());
      }
      StoryParams storyParams = StoryParams.defaults();
      PassSettings pass =
          PassSettings.of(
                  config.corpus().withSlashOrder(slash.order()),
                  config.analysis(),
                  config.states(),
                  config.forms())
              .withStories(config.dedup() == DedupMode.NONE ? null : storyParams);
      Dataset<Row> analysed = writer.intermediate("pass", AnalysisPass.run(raw, pass), null);
      corpus = CorpusLoader.load(analysed);
      // Stories: what counts as one unit in every statistic (--dedup).
      long ts = System.nanoTime();
      spark.sparkContext().setJobGroup("marsad-stories", "stories", false);
      StoryTables stories = Stories.compute(corpus.storyInput(), config.dedup(), storyParams);
      storyTables = stories;
      corpus = corpus.withStories(stories.documents());
      long nStories = writer.write(Catalog.STORIES, stories.stories());
      writer.write(Catalog.STORY_AMPLIFICATION, stories.amplification());
      double storySeconds = seconds(ts);
      spark.sparkContext().setJobGroup("marsad-load", "load corpus", false);
      long nDocs = writer.write(Catalog.DOCUMENTS, corpus.documentsTable());
      Dataset<Row> keys = corpus.rejectedKeys().persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(keys);
      List<String> files = keys.select("file").distinct().as(Encoders.STRING()).collectAsList();
      long nRejected =
          writer.write(
              Catalog.REJECTED, Corpus.rejected(raw, keys, files).orderBy("doc_id", "reason"));
      LOG.debug("[load] {} documents accepted, {} rows rejected", nDocs, nRejected);
      if (nDocs + nRejected != rowsIn) {
        throw new IllegalStateException(
            "Cannot finish run: rows in ("
                + rowsIn
                + ") != documents ("
                + nDocs
                + ") + rejected ("
                + nRejected
                + "); nothing was committed");
      }
      Map<String, Long> byReason = new LinkedHashMap<>();
      for (Row r : keys.groupBy("reason").count().collectAsList()) {
        byReason.put(r.getString(0), r.getLong(1));
      }
      manifest.inputs(config.inputs(), inputFiles, rowsIn, nDocs, nRejected);
      manifest.rejectedByReason(byReason);
      Map<String, Object> dedupInfo = new LinkedHashMap<>();
      dedupInfo.put("mode", config.dedup().option());
      dedupInfo.put("documents", nDocs);
      dedupInfo.put("stories", nStories);
      dedupInfo.put("folded", nDocs - nStories);
      manifest.put("dedup", dedupInfo);
      manifest.stageSeconds("stories", storySeconds);
      manifest.stageSeconds(
          "load", stageLog.end("load", t0, StageLog.loadNote(rowsIn, nDocs, nRejected), false));

      Dataset<Row> documents =
          corpus
              .documents()
              .select(
                  "doc_id",
                  "source",
                  "published_at",
                  "period",
                  "lang",
                  "n_tokens",
                  "n_sentences",
                  "terms",
                  "mentions",
                  "file",
                  "row",
                  "story_id",
                  "counted")
              .persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(documents);
      Dataset<Row> counted = documents.filter(functions.col("counted"));
      Map<String, Dataset<Row>> shared = new LinkedHashMap<>();
      org.marsad.jobs.Stage.Context ctx =
          new org.marsad.jobs.Stage.Context(spark, raw, corpus, documents, counted, config, shared);
      for (Stage s : Stage.values()) {
        if (!stages.contains(s)) {
          continue;
        }
        org.marsad.jobs.Stage stage = STAGES.get(s);
        long t = System.nanoTime();
        spark.sparkContext().setJobGroup("marsad-" + stage.name(), stage.name(), false);
        org.marsad.jobs.Stage.Result result = stage.run(ctx);
        cached.addAll(result.cached);
        shared.putAll(result.shared);
        for (var e : result.tables.entrySet()) {
          long n = writer.write(e.getKey(), e.getValue());
          LOG.debug("[{}] {}: {} rows", stage.name(), e.getKey().name(), n);
        }
        result.files.forEach(writer::writeFiles);
        result.folders.forEach((dir, w) -> w.accept(writer.stageDir(dir)));
        if (!result.figures.isEmpty()) {
          manifest.put(stage.name(), result.figures);
        }
        manifest.stageSeconds(stage.name(), stageLog.end(stage.name(), t, result.note));
      }

      // The manifest and the report are staged and committed with the tables (one commit).
      folder.beforeCommit(writer.entries(), Catalog.REPORT);
      manifest.put("outputs", folder.outputs());
      manifest.tables(writer.rows());
      writer.stageFile(Catalog.MANIFEST, manifest.toJson(Instant.now()));
      long t9 = System.nanoTime();
      writer.stageFile(
          Catalog.REPORT + "/index.html",
          Report.render(spark, writer.stagingPath(), config.output()));
      String page = new org.apache.hadoop.fs.Path(config.output(), "report/index.html").toString();
      manifest.stageSeconds("report", stageLog.end("report", t9, page));
      writer.stageFile(Catalog.MANIFEST, manifest.toJson(Instant.now()));
      folder.commit(writer);
      if (config.postgres() != null) { // after the Parquet commit; the manifest is rewritten
        long tp = System.nanoTime();
        Map<String, Long> loaded =
            PostgresSink.loadOutput(
                spark, config.postgres(), runId, config.output(), writer.rows().keySet());
        LOG.info("[postgres] loaded into schema {}: {}", config.postgres().schema(), loaded);
        manifest.stageSeconds("postgres", seconds(tp));
        writer.writeText("_manifest.json", manifest.toJson(Instant.now()));
      }
      LOG.debug("[done] tables written to {}: {}", config.output(), writer.rows());
      return new JobResult(rowsIn, nDocs, nRejected, writer.rows(), config.output());
    } catch (Exception e) { // Spark throws SparkException undeclared
      writer.abort();
      if (String.valueOf(e.getMessage()).startsWith("Cannot")) {
        throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
      }
      if (CorpusReader.isReadFailure(e)) {
        throw CorpusReader.readFailure(config.inputs(), e);
      }
      throw e instanceof RuntimeException re
          ? re
          : new IllegalStateException("Run failed: " + e, e);
    } finally {
      folder.close();
      for (Dataset<Row> d : cached) {
        d.unpersist();
      }
      if (corpus != null) {
        corpus.release();
      }
      if (storyTables != null) {
        storyTables.release();
      }
      spark.sparkContext().clearJobGroup();
    }
  }

  /**
   * The analysed corpus of {@code raw} (as {@link CorpusReader#read} gives it) under {@code
   * config}, with the pass's intermediate cached in memory instead of written: for tools and tests
   * that look at the analysis without a run.
   */
  public static Corpus analyse(Dataset<Row> raw, JobConfig config) {
    CorpusLoader.checkColumns(raw.schema(), config.corpus());
    PassSettings pass =
        PassSettings.of(config.corpus(), config.analysis(), config.states(), config.forms());
    // Tools and tests that look at the analysis count exact duplicates once, as without stories.
    return CorpusLoader.load(AnalysisPass.run(raw, pass).persist(StorageLevel.MEMORY_AND_DISK()));
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
