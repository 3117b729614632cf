package org.marsad.bench;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.corpus.CorpusOptions;
import org.marsad.io.CorpusReader;
import org.marsad.jobs.MarsadJob;
import org.marsad.topics.Coherence;

/**
 * Benchmark: MALLET trained on exactly the documents and terms of a Marsad topics run, and both
 * models scored by the same coherence code. Usage: TopicsBench CORPUS ID_COL SOURCE_COL DATE_COL
 * TOPICS_OUTPUT K ITERATIONS. The documents are loaded and analysed as the job does; the vocabulary
 * is the saved model's ({@code TOPICS_OUTPUT/models/topics/vocabulary}).
 */
public final class TopicsBench {

  private TopicsBench() {}

  /** Entry point. */
  public static void main(String[] a) throws Exception {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    CorpusOptions o = BenchConfig.corpus(a[1], "text", a[3], a[2]);
    Dataset<Row> raw = CorpusReader.read(spark, List.of(a[0]));
    Dataset<Row> counted = MarsadJob.analyse(raw, BenchConfig.of(a[0], o)).counted();
    List<Row> bags = TermBags.collect(counted);
    String out = a[4];
    String[] vocab =
        org.marsad.topics.LdaModel.fromFiles(
                out + "/models/topics",
                org.marsad.io.FolderFiles.read(
                    out + "/models/topics", spark.sparkContext().hadoopConfiguration(), "model"))
            .vocabulary();
    int k = Integer.parseInt(a[5]);
    int iterations = Integer.parseInt(a[6]);
    List<List<String>> docsTerms = new ArrayList<>(bags.size());
    for (Row r : bags) {
      docsTerms.add(TermBags.bag(r));
    }
    // Our topics, re-scored here in memory by the same code as MALLET's.
    List<List<String>> ours = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      ours.add(new ArrayList<>());
    }
    for (Row r :
        spark
            .read()
            .parquet(out + "/topics")
            .orderBy("topic_id", "rank")
            .select("topic_id", "term")
            .collectAsList()) {
      ours.get(r.getInt(0)).add(r.getString(1));
    }
    double[] ourNpmi =
        Coherence.topicNpmi(
            ours, docsTerms.size(), Coherence.count(docsTerms, Coherence.scoredTerms(ours)));
    List<Row> labels =
        spark
            .read()
            .parquet(out + "/topics")
            .filter(col("rank").leq(Coherence.TOP_N))
            .orderBy("topic_id", "rank")
            .select("topic_id", "label")
            .collectAsList();
    spark.stop();
    for (int t = 0; t < k; t++) {
      StringBuilder sb = new StringBuilder();
      for (Row r : labels) {
        if (r.getInt(0) == t) {
          sb.append(sb.length() == 0 ? "" : " ").append(r.getString(1));
        }
      }
      System.out.printf(Locale.ROOT, "ours %2d %.3f: %s%n", t, ourNpmi[t], sb);
    }
    System.out.printf(
        Locale.ROOT,
        "ours_topics docs=%d vocabulary=%d npmi=%.4f diversity=%.3f%n",
        docsTerms.size(),
        vocab.length,
        Coherence.mean(ourNpmi),
        Coherence.diversity(ours));
    MalletTopics.Result r = MalletTopics.train(bags, Set.of(vocab), k, iterations, 1);
    MalletTopics.print(r);
  }
}
