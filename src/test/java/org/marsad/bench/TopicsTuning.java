package org.marsad.bench;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.Period;
import org.marsad.jobs.MarsadJob;
import org.marsad.terms.TermStats;
import org.marsad.topics.Coherence;
import org.marsad.topics.TopicModel;
import org.marsad.topics.TopicSettings;
import org.marsad.topics.TopicStats;

/**
 * Development tool for choosing the topic defaults: {@code prepare CORPUS DIR} analyses ANT once
 * into DIR; {@code fit DIR k vocab minDf maxDf optimizer iter subsampling} fits and prints
 * coherence, diversity, seconds and the topics' labels.
 */
public final class TopicsTuning {

  private TopicsTuning() {}

  private static TopicModel tunedFit(
      Dataset<Row> bags, String[] vocab, TopicSettings s, Dataset<Row> labels) {
    org.apache.spark.ml.feature.CountVectorizerModel cv =
        new org.apache.spark.ml.feature.CountVectorizerModel(vocab)
            .setInputCol(TopicStats.TOKENS)
            .setOutputCol("features");
    Dataset<Row> vectors = bags.select("features").coalesce(2).cache();
    vectors.count();
    if (System.getProperty("mllib") != null) {
      org.apache.spark.api.java.JavaPairRDD<Long, org.apache.spark.mllib.linalg.Vector> rdd =
          vectors
              .javaRDD()
              .zipWithIndex()
              .mapToPair(
                  t ->
                      new scala.Tuple2<>(
                          t._2(),
                          org.apache.spark.mllib.linalg.Vectors.fromML(
                              t._1().<org.apache.spark.ml.linalg.Vector>getAs(0))))
              .cache();
      rdd.count();
      long t0 = System.nanoTime();
      org.apache.spark.mllib.clustering.OnlineLDAOptimizer opt =
          new org.apache.spark.mllib.clustering.OnlineLDAOptimizer()
              .setMiniBatchFraction(s.subsampling())
              .setTau0(Double.parseDouble(System.getProperty("tau0")))
              .setKappa(Double.parseDouble(System.getProperty("kappa", "0.51")))
              .setOptimizeDocConcentration(true);
      org.apache.spark.mllib.clustering.LDA mlda =
          new org.apache.spark.mllib.clustering.LDA()
              .setK(s.k())
              .setMaxIterations(s.maxIter())
              .setSeed(s.seed())
              .setOptimizer(opt);
      if (System.getProperty("eta") != null) {
        mlda.setTopicConcentration(Double.parseDouble(System.getProperty("eta")));
      }
      org.apache.spark.mllib.clustering.LocalLDAModel old =
          (org.apache.spark.mllib.clustering.LocalLDAModel) mlda.run(rdd);
      System.out.printf("mllib fit %.1f s%n", (System.nanoTime() - t0) / 1e9);
      org.apache.spark.ml.clustering.LocalLDAModel local =
          new org.apache.spark.ml.clustering.LocalLDAModel(
              "lda", vocab.length, old, bags.sparkSession());
      local.set(local.k(), (Object) s.k());
      return new TopicModel(cv, local, labels);
    }
    org.apache.spark.ml.clustering.LDA lda =
        new org.apache.spark.ml.clustering.LDA()
            .setK(s.k())
            .setMaxIter(s.maxIter())
            .setSeed(s.seed())
            .setOptimizer(s.optimizer())
            .setLearningOffset(Double.parseDouble(System.getProperty("tau0")))
            .setLearningDecay(Double.parseDouble(System.getProperty("kappa", "0.51")))
            .setSubsamplingRate(s.subsampling())
            .setOptimizeDocConcentration(true);
    if (System.getProperty("eta") != null) {
      lda.setTopicConcentration(Double.parseDouble(System.getProperty("eta")));
    }
    if (System.getProperty("alpha") != null) {
      lda.setDocConcentration(Double.parseDouble(System.getProperty("alpha")));
    }
    org.apache.spark.ml.clustering.LDAModel m = lda.fit(vectors);
    org.apache.spark.ml.clustering.LocalLDAModel local =
        m instanceof org.apache.spark.ml.clustering.DistributedLDAModel d
            ? d.toLocal()
            : (org.apache.spark.ml.clustering.LocalLDAModel) m;
    return new TopicModel(cv, local, labels);
  }

  /** Entry point. */
  public static void main(String[] a) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", System.getProperty("parts", "4"))
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    if (a[0].equals("prepare")) {
      CorpusOptions o =
          new CorpusOptions(
              "docno",
              "text",
              "title",
              "time",
              "src",
              "lang",
              "url",
              true,
              true,
              true,
              false,
              false,
              List.of(),
              Period.MONTH,
              org.marsad.corpus.SlashOrder.DAY_FIRST);
      Dataset<Row> docs =
          MarsadJob.analyse(
                  org.marsad.io.CorpusReader.read(spark, List.of(a[1])), BenchConfig.of(a[1], o))
              .counted();
      docs.select("doc_id", "period", "source", "lang", "terms")
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(a[2]);
      return;
    }
    Dataset<Row> docs = spark.read().parquet(a[1]);
    TopicSettings s =
        new TopicSettings(
            Integer.parseInt(a[2]),
            List.of(10, 20, 30, 40),
            Integer.parseInt(a[3]),
            Long.parseLong(a[4]),
            Double.parseDouble(a[5]),
            a[6],
            Integer.parseInt(a[7]),
            Long.getLong("seed", 1L),
            Double.parseDouble(a[8]),
            null);
    Dataset<Row> labels = TermStats.labels(docs).persist(StorageLevel.MEMORY_AND_DISK());
    long n = docs.count();
    labels.count();
    long t0 = System.nanoTime();
    String[] vocab = TopicStats.vocabulary(TermStats.counts(docs), n, s);
    Dataset<Row> bags = TopicStats.vectors(docs, vocab, n).persist(StorageLevel.MEMORY_AND_DISK());
    if (a.length > 9 && a[9].equals("mallet")) {
      List<Row> docsTokens = TermBags.collect(docs);
      try {
        MalletTopics.print(
            MalletTopics.train(
                docsTokens, MalletTopics.setOf(vocab), s.k(), Integer.parseInt(a[7]), 1));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    TopicModel m =
        System.getProperty("tau0") == null
            ? TopicStats.fit(bags, vocab, s.k(), s, labels)
            : tunedFit(bags, vocab, s, labels);
    double fit = (System.nanoTime() - t0) / 1e9;
    Dataset<Row> topics = TopicStats.topics(m).persist();
    List<List<String>> tops = TopicStats.topLists(topics, s.k());
    double[] npmi = Coherence.topicNpmi(tops, n, TopicStats.cooccurrence(docs, tops));
    System.out.printf(
        Locale.ROOT,
        "RESULT k=%d vocab=%d minDf=%d maxDf=%.2f opt=%s iter=%d sub=%.2f fit_s=%.1f npmi=%.4f"
            + " diversity=%.3f%n",
        s.k(),
        vocab.length,
        s.minDf(),
        s.maxDf(),
        s.optimizer(),
        s.maxIter(),
        s.subsampling(),
        fit,
        Coherence.mean(npmi),
        Coherence.diversity(tops));
    List<Row> rows = topics.orderBy("topic_id", "rank").collectAsList();
    StringBuilder sb = new StringBuilder();
    for (Row r : rows) {
      if (r.getInt(1) == 1) {
        sb.append(String.format(Locale.ROOT, "%n%2d %.3f:", r.getInt(0), npmi[r.getInt(0)]));
      }
      if (r.getInt(1) <= 10) {
        sb.append(' ').append(r.getString(3));
      }
    }
    System.out.println(sb);
  }
}
