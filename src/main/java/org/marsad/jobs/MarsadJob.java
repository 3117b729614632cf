package org.marsad.jobs;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.marsad.corpus.Corpus;
import org.marsad.corpus.CorpusLoader;
import org.marsad.corpus.SlashDates;
import org.marsad.io.CorpusReader;
import org.marsad.io.Manifest;
import org.marsad.io.NetworkWriter;
import org.marsad.io.OutputFolder;
import org.marsad.io.TableWriter;
import org.marsad.io.postgres.PostgresSink;
import org.marsad.report.Report;
import org.marsad.states.StateStats;
import org.marsad.terms.TermStats;
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
    OutputFolder folder = // trust: the lock, and a folder that holds one run
        OutputFolder.open(hadoopConf(spark), config.output(), runId, command, config.overwrite());
    folder.keep(config.topics().model());
    TableWriter writer = new TableWriter(spark, config.output(), runId, config.csv());
    StageLog stageLog = new StageLog(writer.rows()); // trust: one log line per stage
    try {
      long t0 = System.nanoTime();
      spark.sparkContext().setJobGroup("marsad-load", "load corpus", false);
      Dataset<Row> raw = CorpusReader.read(spark, config.inputs());
      long rowsIn = raw.count();
      LOG.debug("[load] {} input rows from {}", rowsIn, config.inputs());
      if (rowsIn == 0) {
        LOG.warn("[load] the corpus is empty: every table will be empty");
      }
      SlashDates.Decision slash = SlashDates.detect(raw, config.corpus()); // trust: one aggregation
      if (slash.slashDates() > 0) {
        manifest.put("dates", slash.toManifest());
      }
      Corpus corpus =
          CorpusLoader.load(raw, config.corpus().withSlashOrder(slash.order()), config.analysis());
      Dataset<Row> documents;
      // Fill the cached classification in one pass first: otherwise the broadcast side-jobs of the
      // duplicate checks each compute it concurrently (four cleaning passes instead of one).
      spark.sparkContext().setJobDescription("clean and classify input rows");
      corpus.cached().count();
      documents = writer.intermediate("documents", corpus.documents());
      long nDocs =
          writer.stage(
              "documents",
              sorted(documents.select(cols(Corpus.DOCUMENT_COLUMNS)), "period", "doc_id"),
              "period");
      long nRejected = writer.stage("rejected", corpus.rejected().orderBy("doc_id", "reason"));
      corpus.release();
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
      for (Row r : writer.staged("rejected").groupBy("reason").count().collectAsList()) {
        byReason.put(r.getString(0), r.getLong(1));
      }
      manifest.inputs(
          config.inputs(),
          CorpusReader.listFiles(spark, config.inputs()),
          rowsIn,
          nDocs,
          nRejected);
      manifest.rejectedByReason(byReason);
      manifest.stageSeconds(
          "load", stageLog.end("load", t0, StageLog.loadNote(rowsIn, nDocs, nRejected), false));

      Dataset<Row> labels = null;
      Dataset<Row> stateMentions = null;
      if (stages.contains(Stage.TERMS)) {
        long t1 = System.nanoTime();
        spark.sparkContext().setJobGroup("marsad-terms", "term statistics", false);
        labels = TermStats.labels(documents).persist(StorageLevel.MEMORY_AND_DISK());
        long nTf =
            writer.stage(
                "term_frequencies",
                sorted(
                    TermStats.frequencies(documents, labels), "period", "source", "lang", "term"),
                "period");
        LOG.debug("[terms] term_frequencies: {} rows", nTf);
        Dataset<Row> tf = writer.staged("term_frequencies");
        long nKey =
            writer.stage(
                "term_keyness",
                sorted(TermStats.keyness(tf, config.minKeynessCount()), "period", "lang", "term"),
                "period");
        LOG.debug("[terms] term_keyness: {} rows", nKey);
        long nColl =
            writer.stage(
                "collocations",
                TermStats.collocations(documents, config.minCollocationCount())
                    .orderBy(col("lang"), col("g2").desc(), col("term")));
        LOG.debug("[terms] collocations: {} rows", nColl);
        manifest.stageSeconds("terms", stageLog.end("terms", t1, null));
      }

      if (stages.contains(Stage.STATES)) {
        long t2 = System.nanoTime();
        spark.sparkContext().setJobGroup("marsad-states", "state mentions and co-mentions", false);
        Dataset<Row> statesDim = StateStats.states(spark, config.states().gazetteer());
        writer.stage("states", statesDim.orderBy("iso2").coalesce(1));
        Dataset<Row> found =
            StateStats.find(documents, config.states()).persist(StorageLevel.MEMORY_AND_DISK());
        long nMentions =
            writer.stage(
                "state_mentions",
                sorted(StateStats.mentions(found), "period", "doc_id", "field", "start"),
                "period");
        LOG.debug("[states] state_mentions: {} rows", nMentions);
        Dataset<Row> mentions =
            writer.staged("state_mentions").filter(col("form").isin(config.forms().toArray()));
        stateMentions = mentions;
        long nCounts =
            writer.stage(
                "state_counts",
                sorted(StateStats.counts(mentions, found), "period", "source", "state"),
                "period");
        LOG.debug("[states] state_counts: {} rows", nCounts);
        long nCo =
            writer.stage(
                "state_comentions",
                sorted(
                    StateStats.comentions(
                        mentions,
                        found,
                        config.documentScope(),
                        config.sentenceScope(),
                        config.minCoDocs()),
                    "period",
                    "scope",
                    "state_a",
                    "state_b"),
                "period");
        LOG.debug("[states] state_comentions: {} rows", nCo);
        int graphs =
            NetworkWriter.write(
                spark, writer.stageDir("networks"), writer.staged("state_comentions"), statesDim);
        LOG.debug("[states] networks: {} GEXF files", graphs);
        found.unpersist();
        manifest.stageSeconds("states", stageLog.end("states", t2, graphs + " networks"));
      }

      if (stages.contains(Stage.TOPICS)) {
        long t3 = System.nanoTime();
        spark.sparkContext().setJobGroup("marsad-topics", "topics", false);
        if (labels == null) {
          labels = TermStats.labels(documents).persist(StorageLevel.MEMORY_AND_DISK());
        }
        Map<String, Object> quality =
            TopicsStage.run(spark, writer, documents, labels, stateMentions, config);
        manifest.put("topics", quality);
        manifest.stageSeconds("topics", stageLog.end("topics", t3, StageLog.topicsNote(quality)));
      }
      if (labels != null) {
        labels.unpersist();
      }

      folder.beforeCommit(writer.entries(), "report"); // trust
      writer.commit();
      folder.afterCommit(); // trust
      manifest.put("outputs", folder.outputs()); // trust
      manifest.tables(writer.rows());
      writer.writeText("_manifest.json", manifest.toJson(Instant.now()));
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
      long t9 = System.nanoTime();
      String page = Report.write(spark, config.output());
      manifest.stageSeconds("report", stageLog.end("report", t9, page));
      writer.writeText("_manifest.json", manifest.toJson(Instant.now()));
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
      folder.close(); // trust
      spark.sparkContext().clearJobGroup();
    }
  }

  private static org.apache.hadoop.conf.Configuration hadoopConf(SparkSession spark) {
    return spark.sparkContext().hadoopConfiguration();
  }

  static Dataset<Row> sorted(Dataset<Row> d, String partition, String... keys) {
    org.apache.spark.sql.Column[] order = new org.apache.spark.sql.Column[keys.length + 1];
    order[0] = col(partition);
    for (int i = 0; i < keys.length; i++) {
      order[i + 1] = col(keys[i]);
    }
    return d.repartition(col(partition)).sortWithinPartitions(order);
  }

  private static org.apache.spark.sql.Column[] cols(String[] names) {
    org.apache.spark.sql.Column[] c = new org.apache.spark.sql.Column[names.length];
    for (int i = 0; i < names.length; i++) {
      c[i] = col(names[i]);
    }
    return c;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
