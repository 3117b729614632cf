package org.marsad.topics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.marsad.pipeline.CorePartials;
import org.marsad.pipeline.Stage;
import org.marsad.pipeline.StageContext;
import org.marsad.pipeline.StageResult;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import org.marsad.pipeline.StatsResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The topics stage: the vocabulary from the statistics pass's document frequencies, the documents'
 * count vectors built once, an online variational LDA of our own ({@link OnlineLda}: on the driver
 * in plain Java when the vectors are small enough, else one Spark job per step) that stops when the
 * topics' top terms no longer change, and one inference pass that gives document_topics and the
 * sums behind topic_trends, topic_summary, topic_states and coherence.
 */
public final class TopicsStage implements Stage {

  private static final Logger LOG = LoggerFactory.getLogger(TopicsStage.class);

  /** Online LDA's learning offset τ0 (see the README's Topics for how it was chosen). */
  static final double LEARNING_OFFSET = 64;

  /** Online LDA's learning decay κ (MLlib's default). */
  static final double LEARNING_DECAY = 0.51;

  /** Consecutive steps with the same top terms after which the fit stops. */
  static final int PATIENCE = 10;

  /** Steps a fit runs at least. */
  static final int MIN_STEPS = 20;

  /** Top terms watched by the stop rule. */
  static final int WATCHED = 10;

  /** Threads of a fit on the driver. */
  static final int DRIVER_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private final Map<String, byte[]> savedModel;

  /**
   * A stage that fits a model, or, given the files of a saved one ({@code --model}), infers with
   * it.
   */
  public TopicsStage(Map<String, byte[]> savedModel) {
    this.savedModel = savedModel;
  }

  @Override
  public String name() {
    return "topics";
  }

  /** A fitted model and what scoring it gave. */
  private record Fitted(
      LdaModel model, int steps, double seconds, double[] npmi, List<List<String>> tops) {}

  @Override
  public StageResult run(StageContext ctx) {
    SparkSession spark = ctx.spark();
    StageResult r = new StageResult();
    TopicSettings settings = TopicsSettings.of(ctx.settings());
    long minTopicStateDocs = ctx.settings().get(TopicsSettings.MIN_TOPIC_STATE_DOCS);
    long n = 0;
    for (Tuple2<StatKey, StatValue> e : ctx.stats().small(CorePartials.DOCS)) {
      n += e._2().count(0);
    }
    TopicSettings s = settings.resolvedFor(n);
    r.figure("documents", n);
    LdaModel model = null;
    String[] vocab;
    // Non-zero entries of the count vectors: the sum of the vocabulary terms' frequencies.
    long[] nonZeros = {Long.MAX_VALUE};
    if (s.model() != null) {
      model = LdaModel.fromFiles(s.model(), savedModel);
      vocab = model.vocabulary();
      LOG.info("[topics] inferring with the model in {} (k = {})", s.model(), model.k());
      r.figure("model", s.model());
    } else {
      spark.sparkContext().setJobDescription("topics: vocabulary");
      nonZeros[0] = 0;
      vocab = vocabulary(ctx.stats(), n, s, nonZeros);
      r.figure("vocabulary", vocab.length);
      r.figure("min_df", s.minDfFor(n));
      r.figure("max_df", s.maxDf());
      if (vocab.length < 2 || n < 2) {
        LOG.warn("[topics] too few documents or terms to fit topics: the topic tables are empty");
        r.rows(TopicsCatalog.TOPICS, List.of())
            .rows(TopicsCatalog.DOCUMENT_TOPICS, List.of())
            .rows(TopicsCatalog.TOPIC_TRENDS, List.of())
            .rows(TopicsCatalog.TOPIC_SUMMARY, List.of())
            .rows(TopicsCatalog.TOPIC_STATES, List.of());
        r.figure("k", 0);
        return r.note(note(r.figures()));
      }
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < vocab.length; i++) {
      index.put(vocab[i], i);
    }
    Set<String> forms = ctx.countedForms();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Map<String, Integer>> bIndex = jsc.broadcast(index);
    JavaRDD<TopicDoc> vectors =
        ctx.counted()
            .select("doc_id", "period", "source", TopicPartials.TERMS, "mentions")
            .javaRDD()
            .map(
                row ->
                    TopicDoc.of(
                        row.getString(0),
                        row.getString(1),
                        row.getString(2),
                        (byte[]) row.get(3),
                        (byte[]) row.get(4),
                        bIndex.value(),
                        forms));
    // With a saved model the vectors' size is not known before they are made: its inference runs
    // on the cluster, a fit below the cap on the driver.
    boolean onDriver = nonZeros[0] <= ctx.settings().get(TopicsSettings.DRIVER_FIT_MAX);
    List<TopicDoc> local = null;
    if (onDriver) {
      spark.sparkContext().setJobDescription("topics: count vectors");
      local = new ArrayList<>(vectors.collect());
      local.sort(java.util.Comparator.comparing(TopicDoc::docId));
      vectors = null;
    } else {
      vectors = vectors.persist(StorageLevel.MEMORY_AND_DISK());
      JavaRDD<TopicDoc> v = vectors;
      r.onRelease(() -> v.unpersist(false));
    }
    r.figure("fit_on", onDriver ? "driver" : "cluster");
    Fitted chosen;
    if (model != null) {
      chosen = score(model, 0, 0, local, vectors, n);
    } else {
      String[] labels = labels(ctx, vocab);
      List<Integer> ks = s.k() > 0 ? List.of(s.k()) : s.sweep();
      List<Fitted> fits = new ArrayList<>();
      for (int k : ks) {
        long t0 = System.nanoTime();
        spark.sparkContext().setJobDescription("topics: fit, k = " + k);
        Fitted f = fit(jsc, vocab, labels, k, s, local, vectors, n);
        fits.add(f);
        LOG.atLevel(ks.size() > 1 ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.DEBUG)
            .log(
                "[topics] k = {}: {} steps, mean NPMI {}, diversity {}, {} s",
                k,
                f.steps(),
                String.format(Locale.ROOT, "%.4f", Coherence.mean(f.npmi())),
                String.format(Locale.ROOT, "%.3f", Coherence.diversity(f.tops())),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
      }
      int best = choose(fits);
      chosen = fits.get(best);
      r.figure("fit_seconds", chosen.seconds());
      r.figure("steps", chosen.steps());
      if (s.k() == 0) {
        List<Row> sweep = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++) {
          sweep.add(
              RowFactory.create(
                  ks.get(i),
                  Coherence.mean(fits.get(i).npmi()),
                  Coherence.diversity(fits.get(i).tops()),
                  fits.get(i).seconds(),
                  i == best));
        }
        r.rows(TopicsCatalog.TOPIC_SWEEP, sweep);
      }
      LdaModel m = chosen.model();
      r.binaryFiles(TopicsCatalog.TOPIC_MODEL, m.files());
    }
    // One inference pass: document_topics and the sums of the other tables.
    LdaModel m = chosen.model();
    int k = m.k();
    Map<String, List<String>> reprints = reprints(ctx.stats());
    int[] scored = scoredIndices(m);
    TopicAggregates agg;
    spark.sparkContext().setJobDescription("topics: document mixtures");
    if (local != null) {
      agg = new TopicAggregates(k, TopicSettings.MIN_WEIGHT, TopicSettings.TOP_DOCS, scored);
      List<Row> docTopics = new ArrayList<>();
      for (TopicDoc d : local) {
        double[] w = m.mixture(d.key(), d.idx(), d.cts());
        agg.add(d, w, reprints == null ? null : reprints.get(d.docId()));
        documentTopics(d, w, docTopics);
      }
      r.rows(TopicsCatalog.DOCUMENT_TOPICS, docTopics);
    } else {
      Broadcast<LdaModel> bm = jsc.broadcast(m);
      JavaRDD<Tuple2<TopicDoc, double[]>> mixtures =
          vectors
              .map(d -> new Tuple2<>(d, bm.value().mixture(d.key(), d.idx(), d.cts())))
              .persist(StorageLevel.MEMORY_AND_DISK());
      r.onRelease(() -> mixtures.unpersist(false));
      Broadcast<Map<String, List<String>>> br = reprints == null ? null : jsc.broadcast(reprints);
      agg =
          mixtures
              .mapPartitions(
                  (FlatMapFunction<Iterator<Tuple2<TopicDoc, double[]>>, TopicAggregates>)
                      it -> {
                        TopicAggregates a =
                            new TopicAggregates(
                                k, TopicSettings.MIN_WEIGHT, TopicSettings.TOP_DOCS, scored);
                        while (it.hasNext()) {
                          Tuple2<TopicDoc, double[]> x = it.next();
                          a.add(x._1(), x._2(), br == null ? null : br.value().get(x._1().docId()));
                        }
                        return Collections.singletonList(a).iterator();
                      })
              .treeReduce(TopicAggregates::merge);
      if (reprints == null) {
        rawFromReprints(ctx.stats(), mixtures, agg);
      }
      r.table(
          TopicsCatalog.DOCUMENT_TOPICS,
          spark.createDataFrame(
              mixtures.flatMap(
                  x -> {
                    List<Row> out = new ArrayList<>();
                    documentTopics(x._1(), x._2(), out);
                    return out.iterator();
                  }),
              TopicsCatalog.DOCUMENT_TOPICS.schema()));
    }
    double[] npmi = chosen.npmi() != null ? chosen.npmi() : npmi(m, agg);
    List<List<String>> tops = chosen.tops() != null ? chosen.tops() : topLists(m);
    r.rows(TopicsCatalog.TOPICS, topics(m))
        .rows(TopicsCatalog.TOPIC_TRENDS, agg.trends())
        .rows(TopicsCatalog.TOPIC_SUMMARY, summary(m, npmi, agg))
        .rows(TopicsCatalog.TOPIC_STATES, agg.states(minTopicStateDocs));
    double mean = Coherence.mean(npmi);
    double diversity = Coherence.diversity(tops);
    r.figure("k", k);
    r.figure("optimizer", s.optimizer());
    r.figure("max_iter", s.maxIter());
    r.figure("subsampling", s.subsampling());
    r.figure("npmi_mean", mean);
    r.figure("diversity", diversity);
    List<Double> per = new ArrayList<>();
    for (double v : npmi) {
      per.add(Double.isNaN(v) ? null : v);
    }
    r.figure("npmi_per_topic", per);
    return r.note(note(r.figures()));
  }

  /**
   * The vocabulary: terms in at least min-df documents and at most max-df of them, the vocab-size
   * most document-frequent (ties by term), from the reduced document frequencies: each partition
   * offers its best, the driver keeps the best of those (one job).
   */
  static String[] vocabulary(StatsResult stats, long nDocs, TopicSettings s, long[] nnz) {
    long minDf = s.minDfFor(nDocs);
    long maxDocs = (long) Math.floor(s.maxDf() * nDocs);
    int size = s.vocabSize();
    java.util.Comparator<Tuple2<String, Long>> order = vocabularyOrder();
    List<Tuple2<String, Long>> got =
        stats
            .reduced()
            .mapPartitions(
                (FlatMapFunction<Iterator<Tuple2<StatKey, StatValue>>, Tuple2<String, Long>>)
                    it -> {
                      java.util.PriorityQueue<Tuple2<String, Long>> q =
                          new java.util.PriorityQueue<>(vocabularyOrder().reversed());
                      while (it.hasNext()) {
                        Tuple2<StatKey, StatValue> e = it.next();
                        if (!e._1().is(TopicPartials.DF)) {
                          continue;
                        }
                        long df = e._2().count(0);
                        if (df >= minDf && df <= maxDocs) {
                          q.add(new Tuple2<>(e._1().a(), df));
                          if (q.size() > size) {
                            q.poll();
                          }
                        }
                      }
                      return new ArrayList<>(q).iterator();
                    })
            .collect();
    List<Tuple2<String, Long>> all = new ArrayList<>(got);
    all.sort(order);
    String[] vocab = new String[Math.min(size, all.size())];
    for (int i = 0; i < vocab.length; i++) {
      vocab[i] = all.get(i)._1();
      nnz[0] += all.get(i)._2();
    }
    return vocab;
  }

  /** Most document-frequent first, ties by term. */
  private static java.util.Comparator<Tuple2<String, Long>> vocabularyOrder() {
    return java.util.Comparator.comparingLong((Tuple2<String, Long> t) -> -t._2())
        .thenComparing(Tuple2::_1);
  }

  private static String[] labels(StageContext ctx, String[] vocab) {
    Map<String, String> l = ctx.labels().of(java.util.Arrays.asList(vocab));
    String[] out = new String[vocab.length];
    for (int i = 0; i < vocab.length; i++) {
      out[i] = l.getOrDefault(vocab[i], vocab[i]);
    }
    return out;
  }

  /**
   * Fits k topics, on the driver over {@code local} or on the cluster over {@code vectors}: {@link
   * #STARTS} starts (seeds {@code seed}, {@code seed + 1}, ...) each run one pass over the corpus
   * ({@link #trialSteps}), the one whose top terms are the most coherent goes on to {@code
   * --max-iter} (or the stop rule). One random start decides which topics an online fit merges or
   * duplicates (measured on ANT, k = 20: mean NPMI from 0.2465 to 0.2828 by seed alone, MLlib's
   * optimizer alike); a pass shows it.
   */
  private static Fitted fit(
      JavaSparkContext jsc,
      String[] vocab,
      String[] labels,
      int k,
      TopicSettings s,
      List<TopicDoc> local,
      JavaRDD<TopicDoc> vectors,
      long corpusSize) {
    long t0 = System.nanoTime();
    int trial = trialSteps(s);
    java.util.concurrent.ExecutorService pool =
        local == null ? null : java.util.concurrent.Executors.newFixedThreadPool(DRIVER_THREADS);
    try {
      Run best = null;
      double bestNpmi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < STARTS; i++) {
        Run run = new Run(k, vocab.length, s.seed() + i);
        run.advance(trial, s, pool, jsc, local, vectors, corpusSize);
        if (STARTS == 1) {
          best = run;
          break;
        }
        LdaModel m = new LdaModel(vocab, labels, run.lambda, run.alpha, run.lda.eta(), run.seed);
        double q = Coherence.mean(score(m, 0, 0, local, vectors, corpusSize).npmi());
        LOG.debug(
            "[topics] k = {}, start {} (seed {}): mean NPMI {} after {} steps",
            k,
            i,
            run.seed,
            String.format(Locale.ROOT, "%.4f", q),
            run.step);
        if (best == null || q > bestNpmi) {
          best = run;
          bestNpmi = q;
        }
      }
      best.advance(s.maxIter(), s, pool, jsc, local, vectors, corpusSize);
      LdaModel model =
          new LdaModel(vocab, labels, best.lambda, best.alpha, best.lda.eta(), best.seed);
      return score(model, best.step, (System.nanoTime() - t0) / 1e9, local, vectors, corpusSize);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Starts of a fit, of which the most coherent after {@link #trialSteps} goes on. */
  static final int STARTS = 3;

  /** Steps of a start before the starts are compared: one pass over the corpus, at least 5. */
  static int trialSteps(TopicSettings s) {
    return Math.min(s.maxIter(), Math.max(5, (int) Math.ceil(1 / s.subsampling())));
  }

  /** One start of a fit: its model so far, its step and its stop rule's state. */
  private static final class Run {
    final long seed;
    final OnlineLda lda;
    final double[][] lambda;
    final double[] alpha;
    int step;
    int[][] lastTop;
    int stable;
    boolean stopped;

    Run(int k, int vocab, long seed) {
      this.seed = seed;
      this.lda = new OnlineLda(k, vocab, 1.0 / k, seed);
      this.lambda = lda.initialLambda();
      this.alpha = new double[k];
      java.util.Arrays.fill(alpha, 1.0 / k);
    }

    /** Steps until {@code until} or until the top terms have been stable long enough. */
    void advance(
        int until,
        TopicSettings s,
        java.util.concurrent.ExecutorService pool,
        JavaSparkContext jsc,
        List<TopicDoc> local,
        JavaRDD<TopicDoc> vectors,
        long corpusSize) {
      double fraction = s.subsampling();
      long batchSize = (long) Math.ceil(fraction * corpusSize);
      while (!stopped && step < until) {
        step++;
        double[] expElogBeta = lda.expElogBeta(lambda);
        OnlineLda.Stats stats =
            local != null
                ? stepOnDriver(pool, lda, local, step, fraction, expElogBeta, alpha)
                : stepOnCluster(jsc, lda, vectors, step, fraction, expElogBeta, alpha);
        lda.update(
            lambda,
            alpha,
            stats,
            step,
            corpusSize,
            batchSize,
            LEARNING_OFFSET,
            LEARNING_DECAY,
            true);
        int[][] top = LdaModel.top(lambda, WATCHED);
        stable = java.util.Arrays.deepEquals(top, lastTop) ? stable + 1 : 0;
        lastTop = top;
        stopped = stable >= PATIENCE && step >= MIN_STEPS;
      }
    }
  }

  private static OnlineLda.Stats stepOnDriver(
      java.util.concurrent.ExecutorService pool,
      OnlineLda lda,
      List<TopicDoc> docs,
      int step,
      double fraction,
      double[] expElogBeta,
      double[] alpha) {
    List<java.util.concurrent.Future<OnlineLda.Stats>> parts = new ArrayList<>();
    int chunks = DRIVER_THREADS;
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) docs.size() * c / chunks);
      int to = (int) ((long) docs.size() * (c + 1) / chunks);
      parts.add(
          pool.submit(
              () -> {
                OnlineLda.Stats st = lda.zero();
                for (int i = from; i < to; i++) {
                  TopicDoc d = docs.get(i);
                  if (lda.inBatch(d.key(), step, fraction)) {
                    lda.accumulate(st, d.key(), step, d.idx(), d.cts(), expElogBeta, alpha);
                  }
                }
                return st;
              }));
    }
    OnlineLda.Stats sum = lda.zero();
    try {
      for (var f : parts) {
        sum.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot fit topics: interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Cannot fit topics: " + e.getCause(), e.getCause());
    }
    return sum;
  }

  private static OnlineLda.Stats stepOnCluster(
      JavaSparkContext jsc,
      OnlineLda lda,
      JavaRDD<TopicDoc> vectors,
      int step,
      double fraction,
      double[] expElogBeta,
      double[] alpha) {
    Broadcast<double[]> b = jsc.broadcast(expElogBeta);
    double[] a = alpha.clone();
    try {
      return vectors
          .mapPartitions(
              (FlatMapFunction<Iterator<TopicDoc>, OnlineLda.Stats>)
                  it -> {
                    OnlineLda.Stats st = lda.zero();
                    double[] e = b.value();
                    while (it.hasNext()) {
                      TopicDoc d = it.next();
                      if (lda.inBatch(d.key(), step, fraction)) {
                        lda.accumulate(st, d.key(), step, d.idx(), d.cts(), e, a);
                      }
                    }
                    return Collections.singletonList(st).iterator();
                  })
          .treeReduce(OnlineLda.Stats::add);
    } finally {
      b.destroy();
    }
  }

  /** The coherence of a model's top terms over the documents (on the driver, or one job). */
  private static Fitted score(
      LdaModel m,
      int steps,
      double seconds,
      List<TopicDoc> local,
      JavaRDD<TopicDoc> vectors,
      long n) {
    if (local == null && vectors == null) {
      return new Fitted(m, steps, seconds, null, null);
    }
    int[] scored = scoredIndices(m);
    TopicAggregates co;
    if (local != null) {
      co = new TopicAggregates(m.k(), 1, 1, scored);
      for (TopicDoc d : local) {
        co.add(d, new double[m.k()], null);
      }
    } else {
      int k = m.k();
      co =
          vectors
              .mapPartitions(
                  (FlatMapFunction<Iterator<TopicDoc>, TopicAggregates>)
                      it -> {
                        TopicAggregates a = new TopicAggregates(k, 1, 1, scored);
                        while (it.hasNext()) {
                          a.add(it.next(), new double[k], null);
                        }
                        return Collections.singletonList(a).iterator();
                      })
              .treeReduce(TopicAggregates::merge);
    }
    return new Fitted(m, steps, seconds, npmi(m, co), topLists(m));
  }

  private static int[] scoredIndices(LdaModel m) {
    java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
    for (int[] t : m.top(Coherence.TOP_N)) {
      for (int i : t) {
        s.add(i);
      }
    }
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  /** NPMI of each topic's top terms from the co-occurrence counts of {@code co}. */
  private static double[] npmi(LdaModel m, TopicAggregates co) {
    int[][] top = m.top(Coherence.TOP_N);
    long n = co.documents();
    double[] out = new double[top.length];
    for (int t = 0; t < top.length; t++) {
      double sum = 0;
      int pairs = 0;
      for (int i = 0; i < top[t].length; i++) {
        for (int j = i + 1; j < top[t].length; j++) {
          int a = top[t][i];
          int b = top[t][j];
          sum += Coherence.npmi(n, co.df(a, a), co.df(b, b), co.df(a, b));
          pairs++;
        }
      }
      out[t] = pairs == 0 ? Double.NaN : sum / pairs;
    }
    return out;
  }

  private static List<List<String>> topLists(LdaModel m) {
    List<List<String>> out = new ArrayList<>();
    for (int[] t : m.top(TopicSettings.TOP_TERMS)) {
      List<String> l = new ArrayList<>();
      for (int i : t) {
        l.add(m.vocabulary()[i]);
      }
      out.add(l);
    }
    return out;
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

  /** The topics table: each topic's top terms with labels and P(term | topic). */
  static List<Row> topics(LdaModel m) {
    double[][] p = m.topicTerms();
    int[][] top = m.top(TopicSettings.TOP_TERMS);
    List<Row> rows = new ArrayList<>();
    for (int t = 0; t < top.length; t++) {
      for (int i = 0; i < top[t].length; i++) {
        int w = top[t][i];
        rows.add(RowFactory.create(t, i + 1, m.vocabulary()[w], m.labels()[w], p[t][w]));
      }
    }
    return rows;
  }

  private static List<Row> summary(LdaModel m, double[] npmi, TopicAggregates agg) {
    int[][] top = m.top(3);
    double[] prevalence = agg.prevalence();
    List<List<String>> docs = agg.topDocuments();
    List<Row> rows = new ArrayList<>();
    for (int t = 0; t < m.k(); t++) {
      List<String> labels = new ArrayList<>();
      for (int w : top[t]) {
        labels.add(m.labels()[w]);
      }
      Double q = Double.isNaN(npmi[t]) ? null : npmi[t];
      rows.add(
          RowFactory.create(
              t,
              String.join(" · ", labels),
              q,
              q == null ? null : q < 0,
              prevalence[t],
              scala.jdk.javaapi.CollectionConverters.asScala(docs.get(t)).toSeq()));
    }
    return rows;
  }

  private static void documentTopics(TopicDoc d, double[] w, List<Row> out) {
    for (int t = 0; t < w.length; t++) {
      if (w[t] >= TopicSettings.MIN_WEIGHT) {
        out.add(RowFactory.create(d.docId(), d.period(), d.source(), t, w[t]));
      }
    }
  }

  /**
   * Where each story's reprints were published (first document → period \t source per reprint),
   * from the statistics pass's reprint partials when they are on the driver, else null.
   */
  private static Map<String, List<String>> reprints(StatsResult stats) {
    if (!stats.onDriver()) {
      return null;
    }
    Map<String, List<String>> out = new HashMap<>();
    for (Tuple2<StatKey, StatValue> e : stats.bounded(CorePartials.REPRINTS)) {
      List<String> l = out.computeIfAbsent(e._1().a(), x -> new ArrayList<>());
      for (long i = 0; i < e._2().count(0); i++) {
        l.add(e._1().b() + "\t" + e._1().c());
      }
    }
    return out;
  }

  /** docs_raw of the reprints when they are above the driver cap: one distributed join. */
  private static void rawFromReprints(
      StatsResult stats, JavaRDD<Tuple2<TopicDoc, double[]>> mixtures, TopicAggregates agg) {
    JavaPairRDD<String, Tuple2<String, Long>> where =
        stats
            .reduced()
            .filter(e -> e._1().is(CorePartials.REPRINTS))
            .mapToPair(
                e ->
                    new Tuple2<>(
                        e._1().a(), new Tuple2<>(e._1().b() + "\t" + e._1().c(), e._2().count(0))));
    JavaPairRDD<String, double[]> mix =
        mixtures.mapToPair(x -> new Tuple2<>(x._1().docId(), x._2()));
    List<Tuple2<Tuple2<String, Integer>, Long>> counts =
        where
            .join(mix)
            .flatMapToPair(
                j -> {
                  List<Tuple2<Tuple2<String, Integer>, Long>> out = new ArrayList<>();
                  double[] w = j._2()._2();
                  for (int t = 0; t < w.length; t++) {
                    if (w[t] >= TopicSettings.MIN_WEIGHT) {
                      out.add(new Tuple2<>(new Tuple2<>(j._2()._1()._1(), t), j._2()._1()._2()));
                    }
                  }
                  return out.iterator();
                })
            .reduceByKey(Long::sum)
            .collect();
    for (Tuple2<Tuple2<String, Integer>, Long> c : counts) {
      agg.rawCount(c._1()._1(), c._1()._2(), c._2());
    }
  }

  /** The note of the topics stage's log line: k, mean NPMI, diversity (or why none). */
  static String note(Map<String, Object> figures) {
    Object k = figures.get("k");
    if (k == null || Integer.valueOf(0).equals(k)) {
      return "no topics (too few documents or terms)";
    }
    StringBuilder b = new StringBuilder("k = ").append(k);
    if (figures.get("npmi_mean") instanceof Double npmi) {
      b.append(String.format(Locale.ROOT, ", mean NPMI %.4f", npmi));
    }
    if (figures.get("diversity") instanceof Double d) {
      b.append(String.format(Locale.ROOT, ", diversity %.3f", d));
    }
    if (figures.get("steps") != null) {
      b.append(", ").append(figures.get("steps")).append(" steps on the ");
      b.append(figures.get("fit_on"));
    }
    if (figures.get("model") != null) {
      b.append(", model ").append(figures.get("model"));
    }
    return b.toString();
  }
}
