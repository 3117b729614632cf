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
import org.apache.spark.storage.StorageLevel;
import org.marsad.analysis.AnalysisPass;
import org.marsad.analysis.PassSettings;
import org.marsad.analysis.StatsPass;
import org.marsad.catalog.Catalog;
import org.marsad.corpus.Corpus;
import org.marsad.corpus.CorpusLoader;
import org.marsad.io.CorpusReader;
import org.marsad.io.Manifest;
import org.marsad.io.OutputFolder;
import org.marsad.io.TableWriter;
import org.marsad.io.postgres.PostgresSink;
import org.marsad.pipeline.CorePartials;
import org.marsad.pipeline.DocStats;
import org.marsad.pipeline.MarsadException;
import org.marsad.pipeline.StageContext;
import org.marsad.pipeline.StageResult;
import org.marsad.pipeline.StatsResult;
import org.marsad.report.Report;
import org.marsad.states.StatePartials;
import org.marsad.stories.StoryParams;
import org.marsad.terms.TermPartials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Marsad batch job: loads and analyses the corpus once (the analysis pass), groups it into
 * stories, runs one statistics pass over the intermediate for every capability the run includes,
 * and lets each capability finish its tables from the reduced partials (bounded ones on the driver,
 * below the driver cap); every table is written whole or not at all with a manifest.
 */
public final class MarsadJob {

  /** Version written into manifests. */
  public static final String VERSION = "0.1.0";

  private static final Logger LOG = LoggerFactory.getLogger(MarsadJob.class);

  /** The capability stages a run can include. */
  public enum Stage {
    TERMS,
    RELATIONS, // before STATES: its pairs' tone goes into the networks
    STATES,
    TOPICS
  }

  /** All stages built so far, as {@code run} executes them. */
  public static final Set<Stage> ALL = EnumSet.allOf(Stage.class);

  private MarsadJob() {}

  /** Runs {@code stages} on the corpus of {@code config}. */
  public static JobResult run(
      SparkSession spark, JobConfig config, Set<Stage> stages, String command) {
    return run(spark, config, stages, command, null);
  }

  /**
   * Adds the new articles of {@code plan} to the run in its output folder ({@link Update}): only
   * they are read and analysed; every table is finished again from the pass rows of the run and its
   * updates.
   */
  public static JobResult update(SparkSession spark, Update.Plan plan) {
    return run(spark, plan.config(), plan.stages(), "update", plan.prior());
  }

  private static JobResult run(
      SparkSession spark, JobConfig config, Set<Stage> stages, String command, Update.Prior prior) {
    Instant started = Instant.now();
    String runId =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    LOG.info(
        "Marsad {} run {} ({}); settings other than the defaults: {}",
        VERSION,
        runId,
        command,
        shownSettings(config));
    Manifest manifest = new Manifest(VERSION, runId, command, started);
    manifest.config(config.resolved());
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
    List<Runnable> releases = new ArrayList<>();
    // What the run is doing, for the message of a failure.
    String[] stageNow = {"load"};
    long[] rowsSeen = {0};
    int steps = 3 + stages.size();
    Progress progress =
        new Progress(spark.sparkContext(), inputBytes(spark, config.inputs()), Progress.wanted());
    releases.add(progress::close);
    Map<String, Object> updateRecord = null;
    ConcurrentWrites writes = new ConcurrentWrites(spark.sparkContext(), config.writers());
    releases.add(writes::close);
    try {
      long t0 = System.nanoTime();
      spark.sparkContext().setJobGroup("marsad-load", "load corpus", false);
      StoryParams storyParams = StoryParams.defaults();
      // The pass's rows are kept for updates: a run replaces the whole state, an update adds a
      // batch to it.
      String batchDir =
          prior == null
              ? writer.stageDir(RunState.ENTRY) + "/pass/" + runId
              : writer.stageDir(RunState.PASS + "/" + runId);
      Load.Loaded loaded = Load.run(spark, config, batchDir, storyParams, stages, prior);
      org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      if (prior == null) {
        RunState.writeDecisions(
            hadoop,
            new org.apache.hadoop.fs.Path(writer.stagingPath(), RunState.DECISIONS),
            new RunState.Decisions(loaded.slash(), loaded.boilerplate()));
      }
      releases.add(loaded.stories()::release);
      if (loaded.corpus() != null) {
        releases.add(loaded.corpus()::release);
      }
      int partitions = statsPartitions(spark, loaded.passBytes());
      writer.rebalance(partitions > 8);
      long rowsIn = loaded.rowsIn();
      // The files read: exactly the files the manifest lists, their footers' rows all read.
      List<String> inputFiles =
          prior == null ? CorpusReader.listFiles(spark, config.inputs()) : prior.newFiles();
      long newRows = prior == null ? rowsIn : rowsIn - prior.rowsIn();
      CorpusReader.checkRows(hadoop, inputFiles, newRows);
      RunState.writeFiles(
          hadoop, new org.apache.hadoop.fs.Path(batchDir), RunState.statusOf(hadoop, inputFiles));
      rowsSeen[0] = rowsIn;
      if (rowsIn == 0) {
        LOG.warn("[load] the corpus is empty: every table will be empty");
      }
      if (loaded.slash().slashDates() > 0) {
        manifest.put("dates", loaded.slash().toManifest());
      }
      manifest.put(
          "boilerplate",
          org.marsad.boilerplate.BoilerplateScan.toManifest(
              loaded.boilerplate(), config.boilerplate()));
      // The stories, the documents and the rejected rows are written at once (--writers).
      long[] written = new long[3]; // stories, documents, rejected
      double[] storySecondsOf = new double[1];
      writes.submit(
          "marsad-stories",
          "stories",
          () -> {
            long ts = System.nanoTime();
            written[0] = writer.write(Catalog.STORIES, loaded.stories().stories());
            writer.write(Catalog.STORY_AMPLIFICATION, loaded.stories().amplification());
            storySecondsOf[0] = seconds(ts);
          });
      Dataset<Row> documents = loaded.documents();
      writes.submit(
          "marsad-load",
          "load corpus",
          () ->
              written[1] =
                  writer.write(Catalog.DOCUMENTS, documents.select(cols(Corpus.DOCUMENT_COLUMNS))));
      writes.submit(
          "marsad-load",
          "load corpus",
          () -> written[2] = writeRejected(spark, loaded, writer, config.driverCap()));
      writes.await();
      long nStories = written[0];
      long nDocs = written[1];
      long nRejected = written[2];
      double storySeconds = storySecondsOf[0];
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
      Map<String, Long> byReason = new LinkedHashMap<>(loaded.passRejected());
      long duplicateIds = nRejected - byReason.values().stream().mapToLong(Long::longValue).sum();
      if (duplicateIds > 0) {
        byReason.put("duplicate_id", duplicateIds);
      }
      if (prior == null) {
        manifest.inputs(config.inputs(), inputFiles, rowsIn, nDocs, nRejected);
      } else {
        manifest.inputs(
            Update.allInputs(prior, config.inputs()),
            Update.allFiles(prior),
            rowsIn,
            nDocs,
            nRejected);
        manifest.put("base_command", Update.baseCommand(prior));
        manifest.put("first_run", Update.firstRun(prior));
        updateRecord =
            Update.record(
                runId, started, config.inputs(), prior, newRows, nDocs, nRejected, loaded);
      }
      manifest.rejectedByReason(byReason);
      Map<String, Object> dedupInfo = new LinkedHashMap<>();
      dedupInfo.put("mode", config.dedup().option());
      dedupInfo.put("documents", nDocs);
      dedupInfo.put("stories", nStories);
      dedupInfo.put("folded", nDocs - nStories);
      manifest.put("dedup", dedupInfo);
      manifest.stageSeconds("stories", storySeconds);
      progress.clear();
      manifest.stageSeconds(
          "load", stageLog.end("load", t0, StageLog.loadNote(rowsIn, nDocs, nRejected), false));
      progress.stage("statistics pass", 2, steps);

      // The statistics pass: every capability's partials, one shuffle, persisted once.
      long tStats = System.nanoTime();
      stageNow[0] = "statistics pass";
      spark.sparkContext().setJobGroup("marsad-stats", "statistics pass", false);
      List<DocStats> emitters = new ArrayList<>();
      emitters.add(new CorePartials());
      // Topic labels are the terms' surface forms: the topics read the terms' partials too.
      if (stages.contains(Stage.TERMS) || stages.contains(Stage.TOPICS)) {
        emitters.add(new TermPartials());
      }
      if (stages.contains(Stage.TOPICS)) {
        emitters.add(new org.marsad.topics.TopicPartials());
      }
      if (stages.contains(Stage.RELATIONS) && config.relations()) {
        emitters.add(new org.marsad.relations.RelationPartials());
      }
      if (stages.contains(Stage.STATES)) {
        emitters.add(
            new StatePartials(config.forms(), config.documentScope(), config.sentenceScope()));
      }
      StatsResult stats =
          StatsPass.collect(StatsPass.run(documents, emitters, partitions), config.driverCap());
      releases.add(stats::release);
      LOG.debug(
          "[stats] {} partitions, rows per tag {}, bounded on the driver: {}",
          partitions,
          stats.rowsPerTag(),
          stats.onDriver());
      manifest.stageSeconds("stats", seconds(tStats));
      StageContext ctx =
          new StageContext(
              spark,
              config.values(),
              new StageContext.TextColumns(config.corpus().textCol(), config.corpus().titleCol()),
              config.analysis(),
              loaded.raw(),
              documents,
              stats,
              config.forms(),
              config.driverCap(),
              org.marsad.terms.TermsStage.labels(stats),
              new org.marsad.pipeline.PairAttributes());
      int step = 2;
      for (Stage s : Stage.values()) {
        if (!stages.contains(s) || (s == Stage.RELATIONS && !config.relations())) {
          continue;
        }
        progress.stage(s.name().toLowerCase(java.util.Locale.ROOT), ++step, steps);
        org.marsad.pipeline.Stage stage = stage(s, config);
        long t = System.nanoTime();
        stageNow[0] = stage.name();
        spark.sparkContext().setJobGroup("marsad-" + stage.name(), stage.name(), false);
        StageResult result = stage.run(ctx);
        releases.add(result::release);
        String group = "marsad-" + stage.name();
        for (var e : result.tables().entrySet()) {
          writes.submit(group, stage.name(), () -> writer.write(e.getKey(), e.getValue()));
        }
        for (var e : result.rows().entrySet()) {
          writes.submit(group, stage.name(), () -> writer.write(e.getKey(), e.getValue()));
        }
        result.files().forEach(writer::writeFiles);
        result.folders().forEach((dir, w) -> w.accept(writer.stageDir(dir)));
        result
            .binaryFiles()
            .forEach(
                (dir, files) ->
                    org.marsad.io.FolderFiles.write(
                        writer.stageDir(dir), files, spark.sparkContext().hadoopConfiguration()));
        writes.await();
        if (!result.figures().isEmpty()) {
          manifest.put(stage.name(), result.figures());
        }
        progress.clear();
        manifest.stageSeconds(stage.name(), stageLog.end(stage.name(), t, result.note()));
      }

      stageNow[0] = "commit";
      progress.stage("report and commit", steps, steps);
      if (prior != null) {
        manifest.put("updates", Update.updates(prior, updateRecord));
      }
      // The manifest and the report are staged and committed with the tables (one commit).
      folder.beforeCommit(writer.entries(), Catalog.REPORT);
      manifest.put("outputs", folder.outputs());
      manifest.tables(StageLog.inCatalogOrder(writer.rows()));
      writer.stageFile(Catalog.MANIFEST, manifest.toJson(Instant.now()));
      long t9 = System.nanoTime();
      writer.stageFile(
          Catalog.REPORT + "/index.html",
          Report.render(spark, writer.stagingPath(), config.output(), config.reportLang()));
      String page = new org.apache.hadoop.fs.Path(config.output(), "report/index.html").toString();
      manifest.stageSeconds("report", stageLog.end("report", t9, page));
      if (updateRecord != null) {
        updateRecord.put("seconds", Math.round(seconds(t0) * 10) / 10.0);
      }
      writer.stageFile(Catalog.MANIFEST, manifest.toJson(Instant.now()));
      folder.commit(writer);
      if (config.postgres() != null) { // after the Parquet commit; the manifest is rewritten
        long tp = System.nanoTime();
        Map<String, Long> loadedRows =
            PostgresSink.loadOutput(
                spark, config.postgres(), runId, config.output(), writer.rows().keySet());
        LOG.info("[postgres] loaded into schema {}: {}", config.postgres().schema(), loadedRows);
        manifest.stageSeconds("postgres", seconds(tp));
        writer.writeText("_manifest.json", manifest.toJson(Instant.now()));
      }
      progress.clear();
      return new JobResult(
          rowsIn, nDocs, nRejected, StageLog.inCatalogOrder(writer.rows()), config.output(), page);
    } catch (Throwable e) { // Spark throws SparkException undeclared; OutOfMemoryError is an Error
      writes.close(); // no write is left running while the staging folder is removed
      try {
        writer.abort();
      } catch (RuntimeException | Error ignored) {
        // the staging folder is ignored by readers and replaced by the next run
      }
      if (e instanceof MarsadException m) {
        throw m;
      }
      MarsadException explained =
          Failures.explain(e, new Failures.Where(stageNow[0], rowsSeen[0], 0), spark);
      if (explained != null) {
        throw explained;
      }
      if (e instanceof Error err) {
        throw err;
      }
      if (e instanceof MarsadException
          || e instanceof IllegalArgumentException
          || e instanceof IllegalStateException
          || e instanceof java.io.UncheckedIOException) {
        throw (RuntimeException) e;
      }
      if (CorpusReader.isReadFailure(e)) {
        throw CorpusReader.readFailure(config.inputs(), e);
      }
      throw e instanceof RuntimeException re
          ? re
          : new IllegalStateException("Run failed: " + e, e);
    } finally {
      folder.close();
      for (Runnable r : releases) {
        try {
          r.run();
        } catch (RuntimeException ex) {
          LOG.debug("release failed", ex);
        }
      }
      spark.sparkContext().clearJobGroup();
    }
  }

  /**
   * The rejected table: the rows the pass rejected and the repeated ids, each with its input row as
   * JSON, read again only from the files that hold one. Below the driver cap the keys and rows are
   * collected (few jobs, written by one task); above it, joins.
   */
  private static long writeRejected(
      SparkSession spark, Load.Loaded loaded, TableWriter writer, long cap) {
    Dataset<Row> keys = loaded.rejectedKeys(spark);
    List<Row> local = org.marsad.pipeline.BoundedCollect.rows(keys, cap);
    if (local == null) {
      Dataset<Row> cached = keys.persist(StorageLevel.MEMORY_AND_DISK());
      try {
        List<String> files = cached.select("file").distinct().as(Encoders.STRING()).collectAsList();
        return writer.write(
            Catalog.REJECTED,
            Corpus.rejected(loaded.raw(), cached, files).orderBy("doc_id", "reason"));
      } finally {
        cached.unpersist();
      }
    }
    if (local.isEmpty()) {
      return writer.write(Catalog.REJECTED, List.of());
    }
    List<String> files = local.stream().map(r -> r.getString(3)).distinct().toList();
    Dataset<Row> keysDf = spark.createDataFrame(local, keys.schema());
    List<Row> rows =
        new java.util.ArrayList<>(Corpus.rejected(loaded.raw(), keysDf, files).collectAsList());
    // Sorted by doc_id (nulls first, as orderBy sorts them), then reason.
    rows.sort(
        java.util.Comparator.comparing(
                (Row r) -> r.getString(0), java.util.Comparator.nullsFirst(String::compareTo))
            .thenComparing(r -> r.getString(1)));
    return writer.write(Catalog.REJECTED, rows);
  }

  /**
   * The settings other than the defaults, for the log: a PostgreSQL password from the environment
   * is named, never shown.
   */
  static Map<String, String> shownSettings(JobConfig config) {
    Map<String, String> shown = new java.util.TreeMap<>(config.values().changed());
    if (config.postgres() != null && System.getenv("MARSAD_JDBC_PASSWORD") != null) {
      shown.put("jdbc-password", "(redacted, from MARSAD_JDBC_PASSWORD)");
    }
    return shown;
  }

  private static org.marsad.pipeline.Stage stage(Stage s, JobConfig config) {
    return switch (s) {
      case TERMS -> new org.marsad.terms.TermsStage();
      case STATES -> new org.marsad.states.StatesStage(config.states());
      case RELATIONS -> new org.marsad.relations.RelationsStage();
      case TOPICS ->
          new org.marsad.topics.TopicsStage(
              config.topics().model() == null
                  ? null
                  : org.marsad.io.FolderFiles.read(
                      config.topics().model(),
                      org.apache.spark.sql.SparkSession.active()
                          .sparkContext()
                          .hadoopConfiguration(),
                      "--model"));
    };
  }

  /**
   * Partitions of the statistics pass's reduced result: one per 64 MB of intermediate, at least 2
   * and at most 8 per core of the cluster (so a small corpus is not spread over hundreds of tiny
   * tasks and files, and a large one keeps each task's share bounded).
   */
  static int statsPartitions(SparkSession spark, long bytes) {
    int cores = spark.sparkContext().defaultParallelism();
    long parts = (bytes + (64L << 20) - 1) / (64L << 20);
    return (int) Math.max(2, Math.min(Math.max(2, 8L * cores), parts));
  }

  private static org.apache.spark.sql.Column[] cols(String[] names) {
    org.apache.spark.sql.Column[] c = new org.apache.spark.sql.Column[names.length];
    for (int i = 0; i < names.length; i++) {
      c[i] = org.apache.spark.sql.functions.col(names[i]);
    }
    return c;
  }

  /**
   * The analysed corpus of {@code raw} (as {@link CorpusReader#read} gives it) under {@code
   * config}, with the pass's intermediate cached in memory instead of written: for tools and tests
   * that look at the analysis without a run.
   */
  public static Corpus analyse(Dataset<Row> raw, JobConfig config) {
    CorpusLoader.checkColumns(raw.schema(), config.corpus());
    PassSettings pass =
        PassSettings.of(
            config.corpus(), config.analysis(), Load.extractors(config, StoryParams.defaults()));
    // Tools and tests that look at the analysis count exact duplicates once, as without stories.
    return CorpusLoader.load(AnalysisPass.run(raw, pass).persist(StorageLevel.MEMORY_AND_DISK()));
  }

  /** Bytes of the input paths (for the progress of the pass; 0 when they cannot be listed). */
  private static long inputBytes(SparkSession spark, List<String> inputs) {
    long total = 0;
    try {
      for (String in : inputs) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(in);
        org.apache.hadoop.fs.FileSystem fs =
            p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        org.apache.hadoop.fs.FileStatus[] found = fs.globStatus(p);
        if (found != null) {
          for (org.apache.hadoop.fs.FileStatus f : found) {
            total += fs.getContentSummary(f.getPath()).getLength();
          }
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
    return total;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
