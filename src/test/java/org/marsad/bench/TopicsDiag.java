package org.marsad.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.marsad.corpus.CorpusOptions;
import org.marsad.io.CorpusReader;
import org.marsad.jobs.MarsadJob;
import org.marsad.topics.Coherence;
import org.marsad.topics.LdaModel;
import org.marsad.topics.OnlineLda;
import scala.Tuple2;

/**
 * Diagnostic: fits our {@link OnlineLda} and MLlib's LDA (OnlineLDAOptimizer) with the same
 * settings on the same count vectors (those of a topics run: its saved vocabulary over the analysed
 * documents) and scores both by the same NPMI code. Usage: TopicsDiag CORPUS TOPICS_OUTPUT CACHE
 * MODE... where MODE is ours, ours:SEED, mllib or mllib:SEED. The vectors are cached in CACHE (a
 * binary file outside the repository) after the first run.
 */
public final class TopicsDiag {

  private TopicsDiag() {}

  record Doc(String id, int[] idx, int[] cts) {}

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
    String out = a[1];
    String[] vocab =
        LdaModel.fromFiles(
                out + "/models/topics",
                org.marsad.io.FolderFiles.read(
                    out + "/models/topics", spark.sparkContext().hadoopConfiguration(), "model"))
            .vocabulary();
    File cache = new File(a[2]);
    List<Doc> docs = cache.exists() ? read(cache) : null;
    if (docs == null) {
      docs = analyse(spark, a[0], vocab);
      write(cache, docs);
    }
    if (System.getProperty("ids") != null) {
      java.util.Set<String> keep = new java.util.HashSet<>();
      for (Row r :
          spark
              .read()
              .parquet(System.getProperty("ids"))
              .select("doc_id")
              .distinct()
              .collectAsList()) {
        keep.add(r.getString(0));
      }
      docs = new ArrayList<>(docs.stream().filter(d -> keep.contains(d.id())).toList());
    }
    System.out.printf(Locale.ROOT, "docs=%d vocabulary=%d%n", docs.size(), vocab.length);
    // The co-occurrence reference: every document's distinct vocabulary terms.
    List<List<String>> termSets = new ArrayList<>();
    for (Doc d : docs) {
      List<String> l = new ArrayList<>();
      for (int i : d.idx()) {
        l.add(vocab[i]);
      }
      termSets.add(l);
    }
    for (int m = 3; m < a.length; m++) {
      String[] mode = a[m].split(":");
      long seed = mode.length > 1 ? Long.parseLong(mode[1]) : 1L;
      int steps = mode.length > 2 ? Integer.parseInt(mode[2]) : 100;
      double tau0 = mode.length > 3 ? Double.parseDouble(mode[3]) : 64;
      double kappa = mode.length > 4 ? Double.parseDouble(mode[4]) : 0.51;
      double frac = mode.length > 5 ? Double.parseDouble(mode[5]) : 0.05;
      long t0 = System.nanoTime();
      double[][] topicTerm =
          switch (mode[0]) {
            case "ours" -> ours(docs, vocab.length, 20, seed, steps, frac, tau0, kappa, false);
            case "ck" -> {
              String nm = a[m];
              CK = (l, st) -> checkpoint(nm + "@" + st, l, vocab, termSets);
              double[][] l = ours(docs, vocab.length, 20, seed, steps, frac, tau0, kappa, false);
              CK = null;
              yield l;
            }
            case "mllib" -> mllib(spark, docs, vocab.length, 20, seed, steps, frac, tau0, kappa);
            default -> throw new IllegalArgumentException(a[m]);
          };
      double secs = (System.nanoTime() - t0) / 1e9;
      report(a[m], topicTerm, vocab, termSets, secs);
    }
    spark.stop();
  }

  static void report(
      String name, double[][] topicTerm, String[] vocab, List<List<String>> termSets, double s) {
    List<List<String>> tops = new ArrayList<>();
    for (int[] t : new LdaModel(vocab, vocab, topicTerm, new double[0], 0, 0).top(10)) {
      List<String> l = new ArrayList<>();
      for (int i : t) {
        l.add(vocab[i]);
      }
      tops.add(l);
    }
    double[] npmi =
        Coherence.topicNpmi(
            tops, termSets.size(), Coherence.count(termSets, Coherence.scoredTerms(tops)));
    for (int t = 0; t < tops.size(); t++) {
      System.out.printf(Locale.ROOT, "%s %2d %.3f: %s%n", name, t, npmi[t], tops.get(t));
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT %s npmi=%.4f diversity=%.3f seconds=%.1f%n",
        name,
        Coherence.mean(npmi),
        Coherence.diversity(tops),
        s);
  }

  static java.util.function.BiConsumer<double[][], Integer> CK;

  static void checkpoint(String name, double[][] l, String[] vocab, List<List<String>> termSets) {
    List<List<String>> tops = new ArrayList<>();
    for (int[] t : new LdaModel(vocab, vocab, l, new double[0], 0, 0).top(10)) {
      List<String> x = new ArrayList<>();
      for (int i : t) {
        x.add(vocab[i]);
      }
      tops.add(x);
    }
    double[] npmi =
        Coherence.topicNpmi(
            tops, termSets.size(), Coherence.count(termSets, Coherence.scoredTerms(tops)));
    System.out.printf(Locale.ROOT, "CK %s npmi=%.4f%n", name, Coherence.mean(npmi));
  }

  /** Our fit, the loop of TopicsStage.fit on the driver (without the stop rule). */
  static double[][] ours(
      List<Doc> docs,
      int v,
      int k,
      long seed,
      int steps,
      double fraction,
      double tau0,
      double kappa,
      boolean withReplacement) {
    OnlineLda lda = new OnlineLda(k, v, 1.0 / k, seed);
    double[][] lambda = lda.initialLambda();
    double[] alpha = new double[k];
    Arrays.fill(alpha, 1.0 / k);
    long corpus = docs.size();
    long batch = (long) Math.ceil(fraction * corpus);
    for (int step = 1; step <= steps; step++) {
      double[] e = lda.expElogBeta(lambda);
      int st = step;
      OnlineLda.Stats sum =
          java.util.stream.IntStream.range(0, 2)
              .parallel()
              .mapToObj(
                  c -> {
                    OnlineLda.Stats s = lda.zero();
                    for (int i = docs.size() * c / 2; i < docs.size() * (c + 1) / 2; i++) {
                      Doc d = docs.get(i);
                      long key = OnlineLda.key(d.id());
                      if (lda.inBatch(key, st, fraction)) {
                        lda.accumulate(s, key, st, d.idx(), d.cts(), e, alpha);
                      }
                    }
                    return s;
                  })
              .reduce(lda.zero(), OnlineLda.Stats::add);
      lda.update(lambda, alpha, sum, step, corpus, batch, tau0, kappa, true);
      if (CK != null && (step == 10 || step == 20 || step == 30 || step == 40 || step == 60)) {
        CK.accept(lambda, step);
      }
    }
    System.out.println("ours alpha=" + Arrays.toString(alpha));
    return lambda;
  }

  static double[][] mllib(
      SparkSession spark,
      List<Doc> docs,
      int v,
      int k,
      long seed,
      int steps,
      double fraction,
      double tau0,
      double kappa) {
    List<Tuple2<Long, org.apache.spark.mllib.linalg.Vector>> rows = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Doc d = docs.get(i);
      double[] val = new double[d.cts().length];
      for (int j = 0; j < val.length; j++) {
        val[j] = d.cts()[j];
      }
      rows.add(
          new Tuple2<>((long) i, org.apache.spark.mllib.linalg.Vectors.sparse(v, d.idx(), val)));
    }
    JavaPairRDD<Long, org.apache.spark.mllib.linalg.Vector> corpus =
        JavaPairRDD.fromJavaRDD(
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 8))
            .persist(StorageLevel.MEMORY_AND_DISK());
    org.apache.spark.mllib.clustering.LDA lda =
        new org.apache.spark.mllib.clustering.LDA()
            .setK(k)
            .setMaxIterations(steps)
            .setSeed(seed)
            .setOptimizer(
                new org.apache.spark.mllib.clustering.OnlineLDAOptimizer()
                    .setMiniBatchFraction(fraction)
                    .setTau0(tau0)
                    .setKappa(kappa)
                    .setOptimizeDocConcentration(true));
    org.apache.spark.mllib.clustering.LocalLDAModel m =
        (org.apache.spark.mllib.clustering.LocalLDAModel) lda.run(corpus);
    corpus.unpersist(false);
    System.out.println("mllib alpha=" + m.docConcentration());
    org.apache.spark.mllib.linalg.Matrix tm = m.topicsMatrix(); // V x k
    double[][] out = new double[k][v];
    for (int t = 0; t < k; t++) {
      for (int w = 0; w < v; w++) {
        out[t][w] = tm.apply(w, t);
      }
    }
    return out;
  }

  static List<Doc> analyse(SparkSession spark, String corpus, String[] vocab) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < vocab.length; i++) {
      index.put(vocab[i], i);
    }
    CorpusOptions o = BenchConfig.corpus("docno", "text", "time", "src");
    Dataset<Row> raw = CorpusReader.read(spark, List.of(corpus));
    Dataset<Row> counted = MarsadJob.analyse(raw, BenchConfig.of(corpus, o)).counted();
    List<Doc> out = new ArrayList<>();
    for (Row r : counted.select("doc_id", "terms").orderBy("doc_id").collectAsList()) {
      org.marsad.topics.TopicDoc t =
          org.marsad.topics.TopicDoc.of(
              r.getString(0), null, null, (byte[]) r.get(1), null, index, java.util.Set.of());
      out.add(new Doc(r.getString(0), t.idx(), t.cts()));
    }
    return out;
  }

  static void write(File f, List<Doc> docs) throws Exception {
    try (DataOutputStream o =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(f)))) {
      o.writeInt(docs.size());
      for (Doc d : docs) {
        o.writeUTF(d.id());
        o.writeInt(d.idx().length);
        for (int j = 0; j < d.idx().length; j++) {
          o.writeInt(d.idx()[j]);
          o.writeInt(d.cts()[j]);
        }
      }
    }
  }

  static List<Doc> read(File f) throws Exception {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(new FileInputStream(f)))) {
      int n = in.readInt();
      List<Doc> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = in.readUTF();
        int m = in.readInt();
        int[] idx = new int[m];
        int[] cts = new int[m];
        for (int j = 0; j < m; j++) {
          idx[j] = in.readInt();
          cts[j] = in.readInt();
        }
        out.add(new Doc(id, idx, cts));
      }
      return out;
    }
  }
}
