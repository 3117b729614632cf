package org.marsad.bench;

import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureSequence;
import cc.mallet.types.IDSorter;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.marsad.topics.Coherence;

/**
 * The reference for topic quality: MALLET 2.0.8's ParallelTopicModel (Gibbs sampling with
 * hyper-parameter optimisation) trained on exactly the documents and vocabulary-filtered terms our
 * topics stage fits on, scored by our {@link Coherence} code. Settings of issue 4: 2 threads, 1,000
 * iterations, α sum 5, β 0.01, optimisation every 10 iterations.
 */
public final class MalletTopics {

  private MalletTopics() {}

  /** What MALLET gave: top-10 lists, NPMI per topic and mean, diversity and training seconds. */
  public record Result(
      List<List<String>> tops, double[] npmi, double diversity, double seconds, int attempts) {}

  /**
   * Trains and scores MALLET on {@code docs} (rows whose first column is the list of a document's
   * terms repeated by count), keeping the terms of {@code vocab}.
   */
  public static Result train(List<Row> docs, Set<String> vocab, int k, int iterations, int seed)
      throws Exception {
    // MALLET 2.0.8's sampler can step past the last topic on floating-point drift (its issues
    // #42 and #219): the worker thread dies, the run goes on with corrupt counts and usually
    // fails later. Such a run is detected (an exception, or a stack trace on stderr) and repeated
    // with the next seed; the attempts are reported.
    for (int attempt = 0; ; attempt++) {
      java.io.ByteArrayOutputStream errs = new java.io.ByteArrayOutputStream();
      java.io.PrintStream original = System.err;
      System.setErr(new java.io.PrintStream(new TeeStream(original, errs), true));
      try {
        Result r = trainOnce(docs, vocab, k, iterations, seed + attempt);
        if (!errs.toString().contains("Exception")) {
          return new Result(r.tops(), r.npmi(), r.diversity(), r.seconds(), attempt + 1);
        }
      } catch (RuntimeException e) {
        if (attempt >= 4) {
          throw e;
        }
      } finally {
        System.setErr(original);
      }
      System.out.println("mallet_attempt_failed seed=" + (seed + attempt));
    }
  }

  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }

  private static Result trainOnce(
      List<Row> docs, Set<String> vocab, int k, int iterations, int seed) throws Exception {
    Alphabet alphabet = new Alphabet();
    InstanceList instances = new InstanceList(alphabet, null);
    List<List<String>> kept = new ArrayList<>(docs.size());
    int i = 0;
    for (Row r : docs) {
      List<String> tokens = new ArrayList<>();
      for (String t : TermBags.bag(r)) {
        if (vocab.contains(t)) {
          tokens.add(t);
        }
      }
      kept.add(tokens);
      FeatureSequence fs = new FeatureSequence(alphabet, tokens.size());
      for (String t : tokens) {
        fs.add(t);
      }
      instances.add(new Instance(fs, null, "d" + i++, null));
    }
    ParallelTopicModel model = new ParallelTopicModel(k, 5.0, 0.01);
    model.addInstances(instances);
    model.setNumThreads(2);
    model.setNumIterations(iterations);
    model.setOptimizeInterval(10);
    model.setRandomSeed(seed);
    model.printLogLikelihood = false;
    long t0 = System.nanoTime();
    model.estimate();
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<List<String>> tops = new ArrayList<>();
    for (TreeSet<IDSorter> sorted : model.getSortedWords()) {
      List<String> top = new ArrayList<>();
      Iterator<IDSorter> it = sorted.iterator();
      while (it.hasNext() && top.size() < Coherence.TOP_N) {
        top.add((String) alphabet.lookupObject(it.next().getID()));
      }
      tops.add(top);
    }
    Set<String> scored = Coherence.scoredTerms(tops);
    double[] npmi = Coherence.topicNpmi(tops, docs.size(), Coherence.count(kept, scored));
    return new Result(tops, npmi, Coherence.diversity(tops), seconds, 1);
  }

  /** Prints a result as the benchmark reads it. */
  public static void print(Result r) {
    System.out.printf(
        Locale.ROOT,
        "mallet_topics k=%d npmi=%.4f diversity=%.3f train_seconds=%.1f attempts=%d%n",
        r.tops().size(),
        Coherence.mean(r.npmi()),
        r.diversity(),
        r.seconds(),
        r.attempts());
    for (int t = 0; t < r.tops().size(); t++) {
      System.out.printf(Locale.ROOT, "mallet %2d %.3f: %s%n", t, r.npmi()[t], r.tops().get(t));
    }
  }

  static Set<String> setOf(String[] a) {
    return new HashSet<>(List.of(a));
  }
}
