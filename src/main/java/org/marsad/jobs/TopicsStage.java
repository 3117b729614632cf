package org.marsad.jobs;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.catalog.Catalog;
import org.marsad.topics.Coherence;
import org.marsad.topics.TopicModel;
import org.marsad.topics.TopicModels;
import org.marsad.topics.TopicSettings;
import org.marsad.topics.TopicStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics stage: fits (or, with {@code --model}, loads) the topic model on the count vectors of
 * the counted documents, built from their term counts with the vocabulary broadcast, and returns
 * the topic tables, the saved model and the quality figures for the manifest.
 */
final class TopicsStage implements Stage {

  private static final Logger LOG = LoggerFactory.getLogger(TopicsStage.class);

  /** A fitted model with its top lists and coherence. */
  private record Fitted(
      TopicModel model, Dataset<Row> topics, List<List<String>> tops, double[] npmi) {}

  @Override
  public String name() {
    return "topics";
  }

  @Override
  public Result run(Context ctx) {
    SparkSession spark = ctx.spark();
    JobConfig config = ctx.config();
    Result r = new Result();
    Dataset<Row> counted = ctx.counted();
    spark.sparkContext().setJobDescription("topics: documents");
    long n = counted.count();
    // k, iterations and mini-batch share scale with the corpus unless given.
    TopicSettings s = config.topics().resolvedFor(n);
    r.figure("documents", n);
    Dataset<Row> labels = TermsStage.labels(ctx, r);
    Fitted chosen;
    Dataset<Row> vectors;
    if (s.model() != null) {
      TopicModel model = TopicModels.load(spark, s.model());
      LOG.info("[topics] inferring with the model in {} (k = {})", s.model(), model.k());
      vectors = r.cache(TopicStats.vectors(counted, model.vocabulary().vocabulary(), n));
      chosen = score(model, counted, n);
      r.figure("model", s.model());
    } else {
      spark.sparkContext().setJobDescription("topics: vocabulary");
      String[] vocab = TopicStats.vocabulary(TermsStage.counts(ctx, r), n, s);
      r.figure("vocabulary", vocab.length);
      r.figure("min_df", s.minDfFor(n));
      r.figure("max_df", s.maxDf());
      LOG.debug("[topics] {} documents, vocabulary of {} terms", n, vocab.length);
      if (vocab.length < 2 || n < 2) {
        LOG.warn("[topics] too few documents or terms to fit topics: the topic tables are empty");
        empty(spark, r, ctx.shared().containsKey(StatesStage.NAMED));
        r.figure("k", 0);
        return r.note(StageLog.topicsNote(r.figures));
      }
      vectors = r.cache(TopicStats.vectors(counted, vocab, n));
      // The fit's partitions decide its mini-batches: recorded so runs can be compared.
      r.figure("partitions", vectors.rdd().getNumPartitions());
      List<Integer> ks = s.k() > 0 ? List.of(s.k()) : s.sweep();
      List<Fitted> fits = new ArrayList<>();
      List<Double> secs = new ArrayList<>();
      List<Double> fitSeconds = new ArrayList<>();
      for (int k : ks) {
        long t0 = System.nanoTime();
        spark.sparkContext().setJobDescription("topics: fit LDA, k = " + k);
        TopicModel model = TopicStats.fit(vectors, vocab, k, s, labels);
        fitSeconds.add((System.nanoTime() - t0) / 1e9);
        Fitted f = score(model, counted, n);
        double sec = (System.nanoTime() - t0) / 1e9;
        LOG.atLevel(ks.size() > 1 ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.DEBUG)
            .log(
                "[topics] k = {}: mean NPMI {}, diversity {}, {} s",
                k,
                String.format(Locale.ROOT, "%.4f", Coherence.mean(f.npmi())),
                String.format(Locale.ROOT, "%.3f", Coherence.diversity(f.tops())),
                String.format(Locale.ROOT, "%.1f", sec));
        fits.add(f);
        secs.add(sec);
      }
      int best = choose(fits);
      chosen = fits.get(best);
      r.figure("fit_seconds", fitSeconds.get(best));
      if (s.k() == 0) {
        List<Row> sweep = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++) {
          sweep.add(
              RowFactory.create(
                  ks.get(i),
                  Coherence.mean(fits.get(i).npmi()),
                  Coherence.diversity(fits.get(i).tops()),
                  secs.get(i),
                  i == best));
        }
        r.table(
            Catalog.TOPIC_SWEEP,
            spark.createDataFrame(sweep, Catalog.TOPIC_SWEEP.schema()).coalesce(1));
      }
      TopicModel m = chosen.model();
      r.folder(Catalog.TOPIC_MODEL, dir -> TopicModels.save(m, dir));
    }
    int k = chosen.model().k();
    spark.sparkContext().setJobDescription("topics: document mixtures");
    Dataset<Row> inferred = r.cache(TopicStats.infer(chosen.model(), vectors));
    r.table(Catalog.TOPICS, chosen.topics().coalesce(1))
        .table(Catalog.DOCUMENT_TOPICS, TopicStats.documentTopics(inferred))
        .table(
            Catalog.TOPIC_TRENDS,
            TopicStats.trends(
                inferred, ctx.documents().select("doc_id", "story_id", "period", "source")))
        .table(
            Catalog.TOPIC_SUMMARY,
            TopicStats.summary(chosen.topics(), chosen.npmi(), inferred, k).coalesce(1));
    Dataset<Row> named = ctx.shared().get(StatesStage.NAMED);
    if (named != null) {
      r.table(
          Catalog.TOPIC_STATES,
          TopicStats.states(inferred, named, config.minTopicStateDocs())
              .orderBy(col("topic_id"), col("lift").desc(), col("state"))
              .coalesce(1));
    }
    double mean = Coherence.mean(chosen.npmi());
    double diversity = Coherence.diversity(chosen.tops());
    LOG.debug(
        "[topics] k = {}: mean NPMI {}, diversity {}",
        k,
        String.format(Locale.ROOT, "%.4f", mean),
        String.format(Locale.ROOT, "%.3f", diversity));
    r.figure("k", k);
    r.figure("optimizer", s.optimizer());
    r.figure("max_iter", s.maxIter());
    r.figure("subsampling", s.subsampling());
    r.figure("npmi_mean", mean);
    r.figure("diversity", diversity);
    List<Double> per = new ArrayList<>();
    for (double v : chosen.npmi()) {
      per.add(Double.isNaN(v) ? null : v);
    }
    r.figure("npmi_per_topic", per);
    return r.note(StageLog.topicsNote(r.figures));
  }

  private static Fitted score(TopicModel model, Dataset<Row> counted, long n) {
    Dataset<Row> topics = TopicStats.topics(model).cache();
    List<List<String>> tops = TopicStats.topLists(topics, model.k());
    double[] npmi = Coherence.topicNpmi(tops, n, TopicStats.cooccurrence(counted, tops));
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

  private static void empty(SparkSession spark, Result r, boolean states) {
    StructType inferredSchema =
        new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("weights", DataTypes.createArrayType(DataTypes.DoubleType));
    Dataset<Row> inferred = spark.createDataFrame(List.of(), inferredSchema);
    Dataset<Row> topics = spark.createDataFrame(List.of(), Catalog.TOPICS.schema());
    r.table(Catalog.TOPICS, topics)
        .table(Catalog.DOCUMENT_TOPICS, TopicStats.documentTopics(inferred))
        .table(
            Catalog.TOPIC_TRENDS,
            TopicStats.trends(
                inferred,
                inferred.withColumn(
                    "story_id", org.apache.spark.sql.functions.lit(null).cast("string"))))
        .table(Catalog.TOPIC_SUMMARY, TopicStats.summary(topics, new double[0], inferred, 0));
    if (states) {
      Dataset<Row> named =
          spark.createDataFrame(
              List.of(),
              new StructType()
                  .add("doc_id", DataTypes.StringType)
                  .add("state", DataTypes.StringType));
      r.table(Catalog.TOPIC_STATES, TopicStats.states(inferred, named, 1));
    }
  }
}
