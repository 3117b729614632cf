package org.marsad.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.mllib.clustering.DistributedLDAModel;
import org.apache.spark.mllib.clustering.EMLDAOptimizer;
import org.apache.spark.mllib.clustering.OnlineLDAOptimizer;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.marsad.pipeline.TermsBlob;
import scala.Tuple2;

/**
 * The topics stage: LDA (Spark MLlib) on the analysed terms of each document — the same keys as
 * {@code term_frequencies} — and the topic tables built from it.
 */
public final class TopicStats {

  /** Input column name recorded in the saved vocabulary model (kept for saved models). */
  public static final String TOKENS = "tokens";

  private static final String FEATURES = "features";
  private static final String DISTRIBUTION = "topic_distribution";

  /** Schema of the {@code topics} table. */
  public static final StructType TOPICS =
      new StructType()
          .add("topic_id", DataTypes.IntegerType, false)
          .add("rank", DataTypes.IntegerType, false)
          .add("term", DataTypes.StringType, false)
          .add("label", DataTypes.StringType, false)
          .add("weight", DataTypes.DoubleType, false);

  /** Schema of the {@code topic_sweep} table. */
  public static final StructType SWEEP =
      new StructType()
          .add("k", DataTypes.IntegerType, false)
          .add("npmi", DataTypes.DoubleType, false)
          .add("diversity", DataTypes.DoubleType, false)
          .add("seconds", DataTypes.DoubleType, false)
          .add("chosen", DataTypes.BooleanType, false);

  /**
   * Online LDA's learning offset τ0: the step of iteration t is (τ0 + t)^−κ. Spark's default 1024
   * suits millions of documents; on a news corpus of 30,000, 64 reached a higher NPMI in a third of
   * the iterations (README, Topics).
   */
  static final double LEARNING_OFFSET = 64;

  /** Online LDA's learning decay κ (Spark's default). */
  static final double LEARNING_DECAY = 0.51;

  private TopicStats() {}

  /**
   * The vocabulary: terms in at least {@code minDf} documents and at most {@code maxDf} of them,
   * the {@code vocabSize} most document-frequent (ties by term), in that order. {@code counts} are
   * the term counts per period, source and language (with doc_count), over the {@code nDocs}
   * documents the topics are fitted on: a term's document frequency is the sum of its doc_count.
   */
  public static String[] vocabulary(Dataset<Row> counts, long nDocs, TopicSettings s) {
    long maxDocs = (long) Math.floor(s.maxDf() * nDocs);
    List<Row> rows =
        counts
            .groupBy("term")
            .agg(sum("doc_count").as("df"))
            .filter(col("df").geq(s.minDfFor(nDocs)).and(col("df").leq(maxDocs)))
            .orderBy(col("df").desc(), col("term"))
            .limit(s.vocabSize())
            .collectAsList();
    String[] vocab = new String[rows.size()];
    for (int i = 0; i < vocab.length; i++) {
      vocab[i] = rows.get(i).getString(0);
    }
    return vocab;
  }

  /**
   * The count vector of each document over {@code vocab}, built from its term counts with the
   * vocabulary broadcast: doc_id, period, source, features. Deterministic in content and order
   * whatever the input layout or master: documents are hash-partitioned by doc_id into a number of
   * partitions that depends on the corpus only, and sorted by doc_id within them (so a seed gives
   * the same model in local mode and on a cluster).
   */
  public static Dataset<Row> vectors(Dataset<Row> counted, String[] vocab, long nDocs) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < vocab.length; i++) {
      index.put(vocab[i], i);
    }
    int size = vocab.length;
    Broadcast<Map<String, Integer>> b =
        JavaSparkContext.fromSparkContext(counted.sparkSession().sparkContext()).broadcast(index);
    MapFunction<Row, Row> toVector =
        r -> {
          Map<String, Integer> ix = b.value();
          TreeMap<Integer, Double> v = new TreeMap<>();
          TermsBlob.readTerms(
              (byte[]) r.get(3),
              (term, n) -> {
                Integer i = ix.get(term);
                if (i != null) {
                  v.merge(i, (double) n, Double::sum);
                }
              });
          int[] idx = new int[v.size()];
          double[] val = new double[v.size()];
          int k = 0;
          for (Map.Entry<Integer, Double> e : v.entrySet()) {
            idx[k] = e.getKey();
            val[k++] = e.getValue();
          }
          return RowFactory.create(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              new org.apache.spark.ml.linalg.SparseVector(size, idx, val));
        };
    long perPart =
        Long.parseLong(
            counted
                .sparkSession()
                .conf()
                .get(DOCS_PER_PARTITION_CONF, Long.toString(DOCS_PER_PARTITION)));
    int parts = (int) Math.max(1, Math.min(1000, (nDocs + perPart - 1) / perPart));
    return counted
        .select("doc_id", "period", "source", "terms")
        .map(toVector, Encoders.row(VECTORS))
        .repartition(parts, col("doc_id"))
        .sortWithinPartitions("doc_id");
  }

  /** Documents per partition of the fitted corpus (fixed, so partitioning depends on data only). */
  // 4,000: on ANT (31,525 articles, k = 20) 8 partitions gave mean NPMI 0.2933 where 2 partitions
  // (20,000 per partition) gave 0.2783, for a fit of 36 s instead of 30 s (one run each,
  // 2026-12-01).
  static final long DOCS_PER_PARTITION = 4_000;

  /**
   * Spark setting that replaces {@link #DOCS_PER_PARTITION} (for tests that need several partitions
   * on a small corpus): like the seed, part of what a run is reproducible for.
   */
  public static final String DOCS_PER_PARTITION_CONF = "spark.marsad.topics.docsPerPartition";

  private static final StructType VECTORS =
      new StructType()
          .add("doc_id", DataTypes.StringType, false)
          .add("period", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add(FEATURES, SQLDataTypes.VectorType(), false);

  /**
   * Fits LDA with {@code k} topics on the document vectors over {@code vocab}; {@code labels}
   * (lang, term, label) gives the readable forms of the vocabulary.
   */
  public static TopicModel fit(
      Dataset<Row> vectors, String[] vocab, int k, TopicSettings s, Dataset<Row> labels) {
    CountVectorizerModel cv =
        new CountVectorizerModel(vocab).setInputCol(TOKENS).setOutputCol(FEATURES);
    // MLlib's RDD API on a cached RDD of count vectors: spark.ml's LDA.fit converts its input
    // Dataset to an uncached RDD, which every iteration then recomputes (measured about 2.5 times
    // slower).
    // Reproducibility: each mini-batch is RDD.sample of this RDD, seeded per partition index, and
    // zipWithIndex numbers the documents in partition order, so both depend only on the partitions
    // of `vectors` (their count a function of the corpus size, each sorted by doc_id), never on the
    // input files, spark.sql.shuffle.partitions or the master. The one order-dependent step is
    // MLlib's: OnlineLDAOptimizer sums the mini-batch statistics of the partitions with
    // treeAggregate, whose last step folds them in one task in the order their shuffle blocks are
    // read (map order in local mode and on a single executor; with several executors, local blocks
    // first, then remote ones as they arrive). With one or two partitions (up to 8,000 documents)
    // that is one commutative addition, exact in any order; with three or more on several
    // executors the sums can differ in the last bits from run to run, and the fit carries that on:
    // StandaloneClusterIT (3 partitions, 2 executors) measures topic weights within 3e-16 and
    // document weights within 2e-13 (relative) of local mode, where TopicDeterminismIT finds
    // local[1]
    // and local[2] bit for bit equal. Exact sums on any cluster would need either at most two
    // partitions (an E-step on two cores) or a mini-batch step of our own that adds the partitions'
    // statistics in partition order.
    JavaPairRDD<Long, org.apache.spark.mllib.linalg.Vector> corpus =
        vectors
            .select(FEATURES)
            .javaRDD()
            .zipWithIndex()
            .mapToPair(t -> new Tuple2<>(t._2(), Vectors.fromML(t._1().<Vector>getAs(0))))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      org.apache.spark.mllib.clustering.LDA lda =
          new org.apache.spark.mllib.clustering.LDA()
              .setK(k)
              .setMaxIterations(s.maxIter())
              .setSeed(s.seed());
      org.apache.spark.mllib.clustering.LocalLDAModel fitted;
      if (s.optimizer().equals("online")) {
        lda.setOptimizer(
            new OnlineLDAOptimizer()
                .setMiniBatchFraction(s.subsampling())
                .setTau0(LEARNING_OFFSET)
                .setKappa(LEARNING_DECAY)
                .setOptimizeDocConcentration(true));
        fitted = (org.apache.spark.mllib.clustering.LocalLDAModel) lda.run(corpus);
      } else {
        lda.setOptimizer(new EMLDAOptimizer());
        fitted = ((DistributedLDAModel) lda.run(corpus)).toLocal();
      }
      LocalLDAModel local =
          new LocalLDAModel(
              "lda_" + k + "_" + s.seed(), vocab.length, fitted, vectors.sparkSession());
      local.set(local.k(), (Object) k);
      local.set(local.seed(), (Object) s.seed());
      local.setFeaturesCol(FEATURES);
      local.setTopicDistributionCol(DISTRIBUTION);
      Dataset<Row> vocabLabels =
          labels.join(
              vectors
                  .sparkSession()
                  .createDataset(java.util.Arrays.asList(vocab), Encoders.STRING())
                  .toDF("term"),
              "term");
      return new TopicModel(cv, local, vocabLabels);
    } finally {
      corpus.unpersist(false);
    }
  }

  /** The per-document topic weights: doc_id, period, source, weights (one per topic). */
  public static Dataset<Row> infer(TopicModel model, Dataset<Row> vectors) {
    LocalLDAModel lda = model.lda();
    lda.setFeaturesCol(FEATURES);
    lda.setTopicDistributionCol(DISTRIBUTION);
    return lda.transform(vectors)
        .select(
            col("doc_id"),
            col("period"),
            col("source"),
            functions.vector_to_array(col(DISTRIBUTION), "float64").as("weights"));
  }

  /**
   * The {@code topics} table: each topic's {@link TopicSettings#TOP_TERMS} most probable terms with
   * their readable labels (the term itself where no label is known) and weights P(term | topic).
   */
  public static Dataset<Row> topics(TopicModel model) {
    SparkSession spark = model.labels().sparkSession();
    String[] vocab = model.vocabulary().vocabulary();
    Map<String, String> labelOf = new HashMap<>();
    for (Row r : model.labels().select("term", "label").collectAsList()) {
      labelOf.merge(r.getString(0), r.getString(1), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    List<Row> rows = new ArrayList<>();
    for (Row r :
        model.lda().describeTopics(TopicSettings.TOP_TERMS).orderBy("topic").collectAsList()) {
      int topic = r.getInt(0);
      List<Integer> idx = r.getList(1);
      List<Double> w = r.getList(2);
      for (int i = 0; i < idx.size(); i++) {
        String term = vocab[idx.get(i)];
        String label = labelOf.get(term);
        rows.add(RowFactory.create(topic, i + 1, term, label == null ? term : label, w.get(i)));
      }
    }
    return spark.createDataFrame(rows, TOPICS);
  }

  /** Each topic's top terms (keys), in rank order, from a {@code topics} table. */
  public static List<List<String>> topLists(Dataset<Row> topics, int k) {
    List<List<String>> lists = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      lists.add(new ArrayList<>());
    }
    for (Row r : topics.orderBy("topic_id", "rank").select("topic_id", "term").collectAsList()) {
      lists.get(r.getInt(0)).add(r.getString(1));
    }
    return lists;
  }

  /**
   * Document frequencies, over the counted documents, of every term of the top lists and of every
   * pair of them (keys of {@link Coherence#keysOf}).
   */
  public static Map<String, Long> cooccurrence(Dataset<Row> counted, List<List<String>> topLists) {
    Set<String> scored = Coherence.scoredTerms(topLists);
    Broadcast<Set<String>> b =
        JavaSparkContext.fromSparkContext(counted.sparkSession().sparkContext())
            .broadcast(new HashSet<>(scored));
    FlatMapFunction<Row, String> keys =
        row -> {
          List<String> terms = new ArrayList<>();
          TermsBlob.readTerms((byte[]) row.get(0), (term, n) -> terms.add(term));
          return Coherence.keysOf(terms, b.value()).iterator();
        };
    Map<String, Long> df = new HashMap<>();
    for (Row r :
        counted
            .select("terms")
            .flatMap(keys, Encoders.STRING())
            .groupBy("value")
            .count()
            .collectAsList()) {
      df.put(r.getString(0), r.getLong(1));
    }
    b.destroy();
    return df;
  }

  /**
   * {@code document_topics}: doc_id, period, source, topic_id, weight, for weights of at least
   * {@link TopicSettings#MIN_WEIGHT}.
   */
  public static Dataset<Row> documentTopics(Dataset<Row> inferred) {
    return inferred
        .select(col("doc_id"), col("period"), col("source"), posexplode(col("weights")))
        .filter(col("col").geq(TopicSettings.MIN_WEIGHT))
        .select(
            col("doc_id"),
            col("period"),
            col("source"),
            col("pos").as("topic_id"),
            col("col").as("weight"));
  }

  /**
   * {@code topic_trends}: per period, source and topic, the documents that count where the topic
   * has at least {@link TopicSettings#MIN_WEIGHT}, the sum of its weights and its share of all
   * topic weight of that period and source; and docs_raw: every document (reprints included, each
   * with its story's mixture, counted in its own period and source) where the topic weighs that
   * much, how loud the topic was.
   *
   * @param inferred the mixtures of the documents that count (doc_id, period, source, weights)
   * @param members every document: doc_id, story_id (null: its own story), period, source
   */
  public static Dataset<Row> trends(Dataset<Row> inferred, Dataset<Row> members) {
    Dataset<Row> agg =
        inferred
            .select(col("period"), col("source"), posexplode(col("weights")))
            .groupBy(col("period"), col("source"), col("pos").as("topic_id"))
            .agg(
                count(when(col("col").geq(TopicSettings.MIN_WEIGHT), true)).as("docs"),
                sum("col").as("weight_sum"));
    Column total = sum("weight_sum").over(Window.partitionBy("period", "source"));
    Dataset<Row> counted =
        agg.withColumn(
                "share", when(total.gt(0), col("weight_sum").divide(total)).otherwise(lit(0.0)))
            .filter(col("weight_sum").gt(0));
    Dataset<Row> raw =
        members
            .select(
                coalesce(col("story_id"), col("doc_id")).as("m_story"),
                col("period").as("m_period"),
                col("source").as("m_source"))
            .join(
                inferred.select(col("doc_id"), col("weights")),
                col("m_story").equalTo(col("doc_id")))
            .select(col("m_period"), col("m_source"), posexplode(col("weights")))
            .filter(col("col").geq(TopicSettings.MIN_WEIGHT))
            .groupBy(col("m_period"), col("m_source"), col("pos").as("m_topic"))
            .agg(count(lit(1)).as("docs_raw"));
    return counted
        .join(
            raw,
            col("period")
                .equalTo(col("m_period"))
                .and(col("source").equalTo(col("m_source")))
                .and(col("topic_id").equalTo(col("m_topic"))),
            "full_outer")
        .select(
            coalesce(col("period"), col("m_period")).as("period"),
            coalesce(col("source"), col("m_source")).as("source"),
            coalesce(col("topic_id"), col("m_topic")).as("topic_id"),
            coalesce(col("docs"), lit(0L)).as("docs"),
            coalesce(col("weight_sum"), lit(0.0)).as("weight_sum"),
            coalesce(col("share"), lit(0.0)).as("share"),
            coalesce(col("docs_raw"), lit(0L)).as("docs_raw"));
  }

  private static final java.util.Comparator<Object[]> TOP_ORDER =
      (a, b) -> {
        int c = Double.compare((Double) b[0], (Double) a[0]);
        return c != 0 ? c : ((String) a[1]).compareTo((String) b[1]);
      };

  private static final StructType TOP_DOC =
      new StructType()
          .add("topic_id", DataTypes.IntegerType, false)
          .add("w", DataTypes.DoubleType, false)
          .add("doc_id", DataTypes.StringType, false);

  /**
   * {@code topic_summary}: topic_id, label (its three top labels), npmi (coherence of its top
   * terms), weak (npmi below 0: its top terms co-occur less than chance), prevalence (share of all
   * topic weight) and top_doc_ids (the documents where it weighs most).
   */
  public static Dataset<Row> summary(
      Dataset<Row> topics, double[] npmi, Dataset<Row> inferred, int k) {
    SparkSession spark = topics.sparkSession();
    List<Row> q = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      q.add(RowFactory.create(t, Double.isNaN(npmi[t]) ? null : npmi[t]));
    }
    Dataset<Row> quality =
        spark.createDataFrame(
            q,
            new StructType()
                .add("topic_id", DataTypes.IntegerType, false)
                .add("npmi", DataTypes.DoubleType, true));
    Dataset<Row> label =
        topics
            .filter(col("rank").leq(3))
            .groupBy("topic_id")
            .agg(
                expr("array_join(transform(array_sort(collect_list(struct(rank, label))), x ->"
                        + " x.label), ' · ')")
                    .as("label"));
    Dataset<Row> weights =
        inferred
            .select(posexplode(col("weights")))
            .toDF("topic_id", "w")
            .groupBy("topic_id")
            .agg(sum("w").as("w"));
    Dataset<Row> prevalence =
        weights
            .crossJoin(broadcast(weights.agg(sum("w").as("total"))))
            .withColumn("prevalence", col("w").divide(col("total")))
            .select("topic_id", "prevalence");
    // The top documents of each topic: a per-partition top list, merged per topic (at most
    // TOP_DOCS rows per topic and partition reach the merge, never a whole topic).
    MapPartitionsFunction<Row, Row> topPerPartition =
        rows -> {
          Map<Integer, List<Object[]>> best = new HashMap<>();
          while (rows.hasNext()) {
            Row r = rows.next();
            String doc = r.getString(0);
            List<Double> w = r.getList(1);
            for (int t = 0; t < w.size(); t++) {
              double x = w.get(t);
              if (x > 0) {
                List<Object[]> l = best.computeIfAbsent(t, z -> new ArrayList<>());
                l.add(new Object[] {x, doc});
                if (l.size() > 4 * TopicSettings.TOP_DOCS) {
                  l.sort(TOP_ORDER);
                  l.subList(TopicSettings.TOP_DOCS, l.size()).clear();
                }
              }
            }
          }
          List<Row> out = new ArrayList<>();
          best.forEach(
              (t, l) -> {
                l.sort(TOP_ORDER);
                for (Object[] o : l.subList(0, Math.min(TopicSettings.TOP_DOCS, l.size()))) {
                  out.add(RowFactory.create(t, (Double) o[0], (String) o[1]));
                }
              });
          return out.iterator();
        };
    Dataset<Row> topDocs =
        inferred
            .select("doc_id", "weights")
            .mapPartitions(topPerPartition, Encoders.row(TOP_DOC))
            .groupBy("topic_id")
            .agg(
                expr("slice(transform(array_sort(collect_list(struct(-w AS nw, doc_id))), x ->"
                        + " x.doc_id), 1, "
                        + TopicSettings.TOP_DOCS
                        + ")")
                    .as("top_doc_ids"));
    return label
        .join(quality, "topic_id")
        .join(prevalence, new String[] {"topic_id"}, "left")
        .join(topDocs, new String[] {"topic_id"}, "left")
        .withColumn("weak", col("npmi").lt(0))
        .select("topic_id", "label", "npmi", "weak", "prevalence", "top_doc_ids")
        .orderBy("topic_id");
  }

  /**
   * {@code topic_states}: for each topic and state named in at least {@code minStateDocs}
   * documents, the documents naming the state where the topic has at least {@link
   * TopicSettings#MIN_WEIGHT} (docs), the sum of the topic's weight over the documents naming the
   * state (weight_sum), the number of documents naming the state (state_docs) and lift: the topic's
   * mean weight in documents naming the state divided by its mean weight in all documents.
   *
   * @param mentions state mentions (doc_id, state) of the forms counted
   */
  public static Dataset<Row> states(
      Dataset<Row> inferred, Dataset<Row> mentions, long minStateDocs) {
    Dataset<Row> named = mentions.select("doc_id", "state").distinct();
    Dataset<Row> exploded =
        inferred.select(col("doc_id"), posexplode(col("weights"))).toDF("doc_id", "topic_id", "w");
    Dataset<Row> overall =
        exploded.groupBy("topic_id").agg(sum("w").as("w_all"), count(lit(1)).as("n_all"));
    Dataset<Row> perState =
        named.join(inferred.select("doc_id"), "doc_id").groupBy("state").count();
    return exploded
        .join(named, "doc_id")
        .groupBy("topic_id", "state")
        .agg(
            count(when(col("w").geq(TopicSettings.MIN_WEIGHT), true)).as("docs"),
            sum("w").as("weight_sum"))
        .join(perState.withColumnRenamed("count", "state_docs"), "state")
        .filter(col("state_docs").geq(minStateDocs))
        .join(overall, "topic_id")
        .withColumn(
            "lift",
            when(
                col("w_all").gt(0),
                col("weight_sum")
                    .divide(col("state_docs"))
                    .divide(col("w_all").divide(col("n_all")))))
        .select("topic_id", "state", "docs", "weight_sum", "lift", "state_docs");
  }
}
