package org.marsad.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.marsad.trends.TrendMath;

/**
 * What the topic tables need from every document's mixture, as sums bounded by periods × sources ×
 * k, k × states and k × top documents: made per task (or on the driver) and merged, in plain Java.
 * Also the co-occurrence of the top terms that coherence scores.
 */
final class TopicAggregates implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int k;
  private final double minWeight;
  private final int topDocs;
  private final Map<String, double[]> weightSums = new HashMap<>(); // period \t source
  private final Map<String, long[]> docs = new HashMap<>();
  private final Map<String, long[]> docsRaw = new HashMap<>();
  private final double[] weightAll;
  private final long[] topicDocs;
  private long n;
  private final Map<String, long[]> stateTopicDocs = new HashMap<>();
  private final Map<String, double[]> stateWeights = new HashMap<>();
  private final Map<String, Long> stateDocs = new HashMap<>();
  private final List<List<Object[]>> best = new ArrayList<>();
  private final int[] scored;
  private final Map<Long, Long> df = new HashMap<>();

  /**
   * Empty aggregates of {@code k} topics.
   *
   * @param scored the vocabulary indices whose document frequencies (and pairs') coherence needs
   */
  TopicAggregates(int k, double minWeight, int topDocs, int[] scored) {
    this.k = k;
    this.minWeight = minWeight;
    this.topDocs = topDocs;
    this.weightAll = new double[k];
    this.topicDocs = new long[k];
    this.scored = scored.clone();
    java.util.Arrays.sort(this.scored);
    for (int t = 0; t < k; t++) {
      best.add(new ArrayList<>());
    }
  }

  /**
   * Adds a document that counts with its mixture; {@code reprintsAt} lists where its story's
   * reprints were published (period \t source, one entry per reprint), which count in docs_raw.
   */
  void add(TopicDoc d, double[] w, List<String> reprintsAt) {
    n++;
    String ps = d.period() + "\t" + d.source();
    double[] ws = weightSums.computeIfAbsent(ps, x -> new double[k]);
    long[] dc = docs.computeIfAbsent(ps, x -> new long[k]);
    for (int t = 0; t < k; t++) {
      ws[t] += w[t];
      weightAll[t] += w[t];
      if (w[t] >= minWeight) {
        dc[t]++;
        topicDocs[t]++;
      }
      if (w[t] > 0) {
        List<Object[]> l = best.get(t);
        l.add(new Object[] {w[t], d.docId()});
        if (l.size() > 4 * topDocs) {
          trim(l);
        }
      }
    }
    raw(ps, w);
    if (reprintsAt != null) {
      for (String at : reprintsAt) {
        raw(at, w);
      }
    }
    for (String s : d.states()) {
      stateDocs.merge(s, 1L, Long::sum);
      double[] sw = stateWeights.computeIfAbsent(s, x -> new double[k]);
      long[] sd = stateTopicDocs.computeIfAbsent(s, x -> new long[k]);
      for (int t = 0; t < k; t++) {
        sw[t] += w[t];
        if (w[t] >= minWeight) {
          sd[t]++;
        }
      }
    }
    cooccurrence(d.idx());
  }

  /** Adds docs_raw of a reprint of a story whose first document has mixture {@code w}. */
  void raw(String periodSource, double[] w) {
    long[] r = docsRaw.computeIfAbsent(periodSource, x -> new long[k]);
    for (int t = 0; t < k; t++) {
      if (w[t] >= minWeight) {
        r[t]++;
      }
    }
  }

  /** Adds {@code n} to docs_raw of topic {@code t} in {@code periodSource}. */
  void rawCount(String periodSource, int t, long n) {
    docsRaw.computeIfAbsent(periodSource, x -> new long[k])[t] += n;
  }

  private void cooccurrence(int[] idx) {
    List<Integer> present = new ArrayList<>();
    for (int i : idx) {
      if (java.util.Arrays.binarySearch(scored, i) >= 0) {
        present.add(i);
      }
    }
    for (int a = 0; a < present.size(); a++) {
      df.merge(pair(present.get(a), present.get(a)), 1L, Long::sum);
      for (int b = a + 1; b < present.size(); b++) {
        df.merge(pair(present.get(a), present.get(b)), 1L, Long::sum);
      }
    }
  }

  private static long pair(int a, int b) {
    return a <= b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  private static final Comparator<Object[]> ORDER =
      Comparator.comparingDouble((Object[] o) -> -(Double) o[0]).thenComparing(o -> (String) o[1]);

  private void trim(List<Object[]> l) {
    l.sort(ORDER);
    if (l.size() > topDocs) {
      l.subList(topDocs, l.size()).clear();
    }
  }

  /** Merges {@code o} into this and returns this. */
  TopicAggregates merge(TopicAggregates o) {
    n += o.n;
    o.weightSums.forEach((key, v) -> add(weightSums.computeIfAbsent(key, x -> new double[k]), v));
    o.docs.forEach((key, v) -> add(docs.computeIfAbsent(key, x -> new long[k]), v));
    o.docsRaw.forEach((key, v) -> add(docsRaw.computeIfAbsent(key, x -> new long[k]), v));
    add(weightAll, o.weightAll);
    add(topicDocs, o.topicDocs);
    o.stateDocs.forEach((s, v) -> stateDocs.merge(s, v, Long::sum));
    o.stateWeights.forEach((s, v) -> add(stateWeights.computeIfAbsent(s, x -> new double[k]), v));
    o.stateTopicDocs.forEach((s, v) -> add(stateTopicDocs.computeIfAbsent(s, x -> new long[k]), v));
    for (int t = 0; t < k; t++) {
      best.get(t).addAll(o.best.get(t));
      trim(best.get(t));
    }
    o.df.forEach((p, v) -> df.merge(p, v, Long::sum));
    return this;
  }

  private static void add(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
  }

  private static void add(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
  }

  /** Documents added. */
  long documents() {
    return n;
  }

  /** The document frequency of a scored term ({@code a == b}) or of a pair of them. */
  long df(int a, int b) {
    return df.getOrDefault(pair(a, b), 0L);
  }

  /**
   * topic_trends: per period, source and topic, the documents that count where the topic weighs at
   * least the minimum, the sum of its weights, its share of the topic weight of that period and
   * source, and docs_raw (every document, reprints with their story's mixture).
   */
  List<Row> trends() {
    List<Row> out = new ArrayList<>();
    java.util.Set<String> keys = new java.util.TreeSet<>(weightSums.keySet());
    keys.addAll(docsRaw.keySet());
    for (String ps : keys) {
      String[] p = ps.split("\t", 2);
      double[] ws = weightSums.get(ps);
      long[] dc = docs.get(ps);
      long[] raw = docsRaw.get(ps);
      double total = 0;
      if (ws != null) {
        for (double x : ws) {
          total += x;
        }
      }
      for (int t = 0; t < k; t++) {
        boolean counted = ws != null && ws[t] > 0;
        long r = raw == null ? 0 : raw[t];
        if (!counted && r == 0) {
          continue;
        }
        double w = counted ? ws[t] : 0.0;
        out.add(
            RowFactory.create(
                p[0], p[1], t, counted ? dc[t] : 0L, w, counted && total > 0 ? w / total : 0.0, r));
      }
    }
    return out;
  }

  /** The share of all topic weight of each topic. */
  double[] prevalence() {
    double total = 0;
    for (double x : weightAll) {
      total += x;
    }
    double[] out = new double[k];
    for (int t = 0; t < k; t++) {
      out[t] = total > 0 ? weightAll[t] / total : 0;
    }
    return out;
  }

  /** The documents where each topic weighs most (ties by doc_id). */
  List<List<String>> topDocuments() {
    List<List<String>> out = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      trim(best.get(t));
      List<String> ids = new ArrayList<>();
      for (Object[] o : best.get(t)) {
        ids.add((String) o[1]);
      }
      out.add(ids);
    }
    return out;
  }

  /**
   * topic_states: per topic and state named in at least {@code minStateDocs} documents: docs,
   * weight_sum, lift, state_docs, and llr (Dunning's G² of the documents where the topic weighs at
   * least the minimum, among those naming the state against the others).
   */
  List<Row> states(long minStateDocs) {
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : new TreeMap<>(stateDocs).entrySet()) {
      long sd = e.getValue();
      if (sd < minStateDocs) {
        continue;
      }
      double[] sw = stateWeights.get(e.getKey());
      long[] st = stateTopicDocs.get(e.getKey());
      for (int t = 0; t < k; t++) {
        Double lift = weightAll[t] > 0 ? (sw[t] / sd) / (weightAll[t] / n) : null;
        double k11 = st[t];
        double k12 = sd - st[t];
        double k21 = topicDocs[t] - st[t];
        double k22 = n - sd - topicDocs[t] + st[t];
        double llr = TrendMath.g2Table(k11, k12, k21, k22);
        out.add(RowFactory.create(t, e.getKey(), st[t], sw[t], lift, sd, llr));
      }
    }
    return out;
  }
}
