package org.marsad.jobs;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.marsad.io.TableWriter;
import org.marsad.io.TopicModels;
import org.marsad.topics.Coherence;
import org.marsad.topics.TopicModel;
import org.marsad.topics.TopicSettings;
import org.marsad.topics.TopicStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics stage of a run: fits (or, with {@code --model}, loads) the topic model, writes the
 * topic tables and returns the quality figures for the manifest.
 */
final class TopicsStage {

  private static final Logger LOG = LoggerFactory.getLogger(TopicsStage.class);

  /** Folder of the saved model under the output. */
  static final String MODEL_DIR = "models/topics";

  private TopicsStage() {}

  /** A fitted model with its top lists and coherence. */
  private record Fitted(
      TopicModel model, Dataset<Row> topics, List<List<String>> tops, double[] npmi) {}

  static Map<String, Object> run(
      SparkSession spark,
      TableWriter writer,
      Dataset<Row> documents,
      Dataset<Row> labels,
      Dataset<Row> stateMentions,
      JobConfig config) {
    TopicSettings s = config.topics();
    Dataset<Row> bags = TopicStats.bags(documents).persist(StorageLevel.MEMORY_AND_DISK());
    spark.sparkContext().setJobDescription("topics: documents");
    long n = bags.count();
    Map<String, Object> quality = new LinkedHashMap<>();
    quality.put("documents", n);
    try {
      Fitted chosen;
      List<Row> sweep = new ArrayList<>();
      if (s.model() != null) {
        TopicModel model = TopicModels.load(spark, s.model());
        LOG.info("[topics] inferring with the model in {} (k = {})", s.model(), model.k());
        chosen = score(model, bags, n);
        quality.put("model", s.model());
      } else {
        spark.sparkContext().setJobDescription("topics: vocabulary");
        String[] vocab = TopicStats.vocabulary(bags, n, s);
        quality.put("vocabulary", vocab.length);
        quality.put("min_df", s.minDfFor(n));
        quality.put("max_df", s.maxDf());
        LOG.debug("[topics] {} documents, vocabulary of {} terms", n, vocab.length);
        if (vocab.length < 2 || n < 2) {
          LOG.warn("[topics] too few documents or terms to fit topics: the topic tables are empty");
          writeEmpty(spark, writer, stateMentions != null);
          quality.put("k", 0);
          return quality;
        }
        List<Integer> ks = s.k() > 0 ? List.of(s.k()) : s.sweep();
        List<Fitted> fits = new ArrayList<>();
        List<Double> secs = new ArrayList<>();
        List<Double> fitSeconds = new ArrayList<>();
        for (int k : ks) {
          long t0 = System.nanoTime();
          spark.sparkContext().setJobDescription("topics: fit LDA, k = " + k);
          TopicModel model = TopicStats.fit(bags, vocab, k, s, labels);
          fitSeconds.add((System.nanoTime() - t0) / 1e9);
          Fitted f = score(model, bags, n);
          double sec = (System.nanoTime() - t0) / 1e9;
          // one line per k of a sweep; a single k is in the stage's line
          LOG.atLevel(ks.size() > 1 ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.DEBUG)
              .log(
                  "[topics] k = {}: mean NPMI {}, diversity {}, {} s",
                  k,
                  String.format(java.util.Locale.ROOT, "%.4f", Coherence.mean(f.npmi())),
                  String.format(java.util.Locale.ROOT, "%.3f", Coherence.diversity(f.tops())),
                  String.format(java.util.Locale.ROOT, "%.1f", sec));
          fits.add(f);
          secs.add(sec);
        }
        int best = choose(fits);
        chosen = fits.get(best);
        quality.put("fit_seconds", fitSeconds.get(best));
        if (s.k() == 0) {
          for (int i = 0; i < fits.size(); i++) {
            sweep.add(
                RowFactory.create(
                    ks.get(i),
                    Coherence.mean(fits.get(i).npmi()),
                    Coherence.diversity(fits.get(i).tops()),
                    secs.get(i),
                    i == best));
          }
          writer.stage("topic_sweep", spark.createDataFrame(sweep, TopicStats.SWEEP).coalesce(1));
        }
        TopicModels.save(chosen.model(), writer.stageDir(MODEL_DIR));
      }
      int k = chosen.model().k();
      writer.stage("topics", chosen.topics().coalesce(1));
      spark.sparkContext().setJobDescription("topics: document mixtures");
      Dataset<Row> inferred =
          writer.intermediate("topic_weights", TopicStats.infer(chosen.model(), bags));
      long nDt =
          writer.stage(
              "document_topics",
              MarsadJob.sorted(TopicStats.documentTopics(inferred), "period", "doc_id", "topic_id"),
              "period");
      writer.stage(
          "topic_trends",
          MarsadJob.sorted(TopicStats.trends(inferred), "period", "source", "topic_id"),
          "period");
      writer.stage(
          "topic_summary",
          TopicStats.summary(chosen.topics(), chosen.npmi(), inferred, k).coalesce(1));
      if (stateMentions != null) {
        writer.stage(
            "topic_states",
            TopicStats.states(inferred, stateMentions, config.minTopicStateDocs())
                .orderBy(col("topic_id"), col("lift").desc(), col("state"))
                .coalesce(1));
      }
      double mean = Coherence.mean(chosen.npmi());
      double diversity = Coherence.diversity(chosen.tops());
      LOG.debug(
          "[topics] k = {}: mean NPMI {}, diversity {}; document_topics: {} rows",
          k,
          String.format(java.util.Locale.ROOT, "%.4f", mean),
          String.format(java.util.Locale.ROOT, "%.3f", diversity),
          nDt);
      quality.put("k", k);
      quality.put("optimizer", s.optimizer());
      quality.put("npmi_mean", mean);
      quality.put("diversity", diversity);
      List<Double> per = new ArrayList<>();
      for (double v : chosen.npmi()) {
        per.add(Double.isNaN(v) ? null : v);
      }
      quality.put("npmi_per_topic", per);
      return quality;
    } finally {
      bags.unpersist();
    }
  }

  private static Fitted score(TopicModel model, Dataset<Row> bags, long n) {
    Dataset<Row> topics = TopicStats.topics(model).cache();
    List<List<String>> tops = TopicStats.topLists(topics, model.k());
    double[] npmi = Coherence.topicNpmi(tops, n, TopicStats.cooccurrence(bags, tops));
    return new Fitted(model, topics, tops, npmi);
  }

  /**
   * The most coherent fit whose diversity is at least 90% of the best diversity of the sweep (so
   * that coherence is not bought with the same words in every topic).
   */
  private static int choose(List<Fitted> fits) {
    double maxDiv = 0;
    for (Fitted f : fits) {
      maxDiv = Math.max(maxDiv, Coherence.diversity(f.tops()));
    }
    int best = 0;
    double bestNpmi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < fits.size(); i++) {
      double div = Coherence.diversity(fits.get(i).tops());
      double npmi = Coherence.mean(fits.get(i).npmi());
      if (div >= 0.9 * maxDiv && npmi > bestNpmi) {
        best = i;
        bestNpmi = npmi;
      }
    }
    return best;
  }

  private static void writeEmpty(SparkSession spark, TableWriter writer, boolean states) {
    StructType inferredSchema =
        new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("weights", DataTypes.createArrayType(DataTypes.DoubleType));
    Dataset<Row> inferred = spark.createDataFrame(List.of(), inferredSchema);
    Dataset<Row> topics = spark.createDataFrame(List.of(), TopicStats.TOPICS);
    writer.stage("topics", topics);
    writer.stage("document_topics", TopicStats.documentTopics(inferred), "period");
    writer.stage("topic_trends", TopicStats.trends(inferred), "period");
    writer.stage("topic_summary", TopicStats.summary(topics, new double[0], inferred, 0));
    if (states) {
      Dataset<Row> mentions =
          spark.createDataFrame(
              List.of(),
              new StructType()
                  .add("doc_id", DataTypes.StringType)
                  .add("state", DataTypes.StringType));
      writer.stage("topic_states", TopicStats.states(inferred, mentions, 1));
    }
  }
}
