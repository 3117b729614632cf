package org.marsad.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topic quality, plain Java so that our topics and a reference model (MALLET in the benchmark) are
 * scored by the same code.
 *
 * <p>Coherence is the NPMI of every pair of a topic's top terms with document-level co-occurrence
 * over the corpus itself: with N documents, P(a) = df(a)/N and P(a,b) = df(a,b)/N, NPMI(a,b) =
 * log(P(a,b)/(P(a)P(b))) / −log P(a,b); a pair that never co-occurs scores −1 and a pair that
 * occurs in every document scores 1. A topic's coherence is the mean over its pairs; the model's is
 * the mean over topics. Diversity is the number of distinct terms among all top lists divided by
 * their total length.
 */
public final class Coherence {

  /** How many top terms of each topic are scored. */
  public static final int TOP_N = 10;

  private Coherence() {}

  /** NPMI of a pair from document frequencies (see the class comment). */
  public static double npmi(long n, long dfA, long dfB, long dfAb) {
    if (dfAb <= 0 || n <= 0) {
      return -1.0;
    }
    double pab = (double) dfAb / n;
    if (pab >= 1.0) {
      return 1.0;
    }
    double pa = (double) dfA / n;
    double pb = (double) dfB / n;
    return Math.log(pab / (pa * pb)) / -Math.log(pab);
  }

  /** The key under which the co-occurrence of two terms is counted (order-free). */
  public static String pairKey(String a, String b) {
    return a.compareTo(b) <= 0 ? a + '\t' + b : b + '\t' + a;
  }

  /**
   * The counting keys one document contributes: each distinct scored term it contains, and each
   * pair of them. {@code scored} is the union of all top lists.
   */
  public static List<String> keysOf(Collection<String> documentTerms, Set<String> scored) {
    List<String> present = new ArrayList<>();
    for (String t : new HashSet<>(documentTerms)) {
      if (scored.contains(t)) {
        present.add(t);
      }
    }
    present.sort(null);
    List<String> keys = new ArrayList<>(present.size() * (present.size() + 1) / 2);
    keys.addAll(present);
    for (int i = 0; i < present.size(); i++) {
      for (int j = i + 1; j < present.size(); j++) {
        keys.add(present.get(i) + '\t' + present.get(j));
      }
    }
    return keys;
  }

  /** The terms of every top list (each cut to {@link #TOP_N}). */
  public static Set<String> scoredTerms(List<List<String>> topLists) {
    Set<String> s = new HashSet<>();
    for (List<String> l : topLists) {
      s.addAll(top(l));
    }
    return s;
  }

  /** Counts document frequencies of the scored terms and their pairs over documents in memory. */
  public static Map<String, Long> count(
      Iterable<? extends Collection<String>> documents, Set<String> scored) {
    Map<String, Long> df = new HashMap<>();
    for (Collection<String> d : documents) {
      for (String k : keysOf(d, scored)) {
        df.merge(k, 1L, Long::sum);
      }
    }
    return df;
  }

  /**
   * The coherence of each top list, given the document count {@code n} and the counts of {@link
   * #count} (or the same counts computed on Spark).
   */
  public static double[] topicNpmi(List<List<String>> topLists, long n, Map<String, Long> df) {
    double[] out = new double[topLists.size()];
    for (int t = 0; t < topLists.size(); t++) {
      List<String> top = top(topLists.get(t));
      double sum = 0;
      int pairs = 0;
      for (int i = 0; i < top.size(); i++) {
        for (int j = i + 1; j < top.size(); j++) {
          String a = top.get(i);
          String b = top.get(j);
          sum +=
              npmi(
                  n,
                  df.getOrDefault(a, 0L),
                  df.getOrDefault(b, 0L),
                  df.getOrDefault(pairKey(a, b), 0L));
          pairs++;
        }
      }
      out[t] = pairs == 0 ? Double.NaN : sum / pairs;
    }
    return out;
  }

  /** The mean of per-topic coherences (NaN entries, topics of fewer than two terms, skipped). */
  public static double mean(double[] values) {
    double s = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** Distinct terms among all top lists divided by their total length. */
  public static double diversity(List<List<String>> topLists) {
    Set<String> distinct = new HashSet<>();
    int total = 0;
    for (List<String> l : topLists) {
      List<String> top = top(l);
      distinct.addAll(top);
      total += top.size();
    }
    return total == 0 ? Double.NaN : (double) distinct.size() / total;
  }

  private static List<String> top(List<String> l) {
    return l.size() <= TOP_N ? l : l.subList(0, TOP_N);
  }
}
