package org.marsad.topics;

import java.io.Serializable;
import java.util.List;

/**
 * Settings of the topics stage.
 *
 * @param k number of topics; 0 means {@code auto}: fit every k of {@code sweep} and keep the most
 *     coherent one whose diversity has not collapsed; {@link #K_BY_SIZE} (the default): chosen from
 *     the number of documents ({@link #kFor})
 * @param sweep the k values tried by {@code --k auto}
 * @param vocabSize largest vocabulary (most document-frequent terms that pass the DF bounds)
 * @param minDf a term must occur in at least this many documents ({@link #AUTO_MIN_DF}: scaled with
 *     the corpus)
 * @param maxDf a term may occur in at most this share of documents
 * @param optimizer {@code online} (variational Bayes on mini-batches) or {@code em}
 * @param maxIter iterations of the optimizer; {@link #AUTO} (the default): {@link #maxIterFor}
 * @param seed random seed: same seed and input give the same tables
 * @param subsampling share of documents per mini-batch of the online optimizer; {@link #AUTO} (the
 *     default): {@link #subsamplingFor}
 * @param model a saved model to infer topic mixtures with, instead of fitting one (or null)
 */
public record TopicSettings(
    int k,
    List<Integer> sweep,
    int vocabSize,
    long minDf,
    double maxDf,
    String optimizer,
    int maxIter,
    long seed,
    double subsampling,
    String model)
    implements Serializable {

  /** {@code k} value meaning: choose k from the number of documents (see {@link #kFor}). */
  public static final int K_BY_SIZE = -1;

  /** {@code maxIter} and {@code subsampling} value meaning: scale with the corpus. */
  public static final int AUTO = 0;

  /**
   * The number of topics for {@code nDocs} documents: the setting, or by size one topic per 50
   * documents, at least 3 and at most 20 (a 300-article corpus gets 6 topics, not 20 of which a
   * quarter would be empty; 1,000 documents and more get 20). 0 stays 0 ({@code --k auto}).
   */
  public int kFor(long nDocs) {
    return k != K_BY_SIZE ? k : (int) Math.max(3, Math.min(20, Math.round(nDocs / 50.0)));
  }

  /**
   * The share of documents per online mini-batch for {@code nDocs} documents: the setting, or about
   * 1,000 documents a batch, at least 5% and at most all (ANT's 30,000 documents: 5%; the
   * 300-document sample: every document in each batch).
   */
  public double subsamplingFor(long nDocs) {
    return subsampling > 0
        ? subsampling
        : Math.min(1.0, Math.max(0.05, 1000.0 / Math.max(1, nDocs)));
  }

  /**
   * The iterations for {@code nDocs} documents: the setting, or 100 mini-batches of 5% (five passes
   * over the corpus, the default measured on ANT), and for larger batches the same five passes but
   * at least 30 iterations.
   */
  public int maxIterFor(long nDocs) {
    return maxIter > 0
        ? maxIter
        : (int) Math.max(30, Math.round(100 * 0.05 / subsamplingFor(nDocs)));
  }

  /** These settings with k, iterations and mini-batch share fixed for {@code nDocs} documents. */
  public TopicSettings resolvedFor(long nDocs) {
    return new TopicSettings(
        kFor(nDocs),
        sweep,
        vocabSize,
        minDf,
        maxDf,
        optimizer,
        maxIterFor(nDocs),
        seed,
        subsamplingFor(nDocs),
        model);
  }

  /** {@code minDf} value meaning: scale with the corpus (see {@link #minDfFor}). */
  public static final long AUTO_MIN_DF = 0;

  /**
   * The minimum document frequency in force for a corpus of {@code nDocs} documents: the setting,
   * or when it is {@link #AUTO_MIN_DF} one document in 1,500, at least 2 and at most 20.
   */
  public long minDfFor(long nDocs) {
    return minDf != AUTO_MIN_DF ? minDf : Math.max(2, Math.min(20, Math.round(nDocs / 1500.0)));
  }

  /** Document-topic weights below this are not written to {@code document_topics}. */
  public static final double MIN_WEIGHT = 0.05;

  /** Terms kept per topic in the {@code topics} table. */
  public static final int TOP_TERMS = 20;

  /** Documents listed per topic in {@code topic_summary.top_doc_ids}. */
  public static final int TOP_DOCS = 5;

  /** The defaults (chosen by coherence per second on ANT; see the README). */
  public static TopicSettings defaults() {
    return new TopicSettings(
        K_BY_SIZE,
        List.of(10, 20, 30, 40),
        10000,
        AUTO_MIN_DF,
        0.1,
        "online",
        AUTO,
        1L,
        AUTO,
        null);
  }

  /** Validates the values a user can get wrong. */
  public TopicSettings {
    sweep = List.copyOf(sweep);
    if (k < K_BY_SIZE || k == 1) {
      throw new IllegalArgumentException(
          "Cannot use --k: " + k + " topics; use at least 2, or auto");
    }
    if (k == 0 && (sweep.isEmpty() || sweep.stream().anyMatch(v -> v < 2))) {
      throw new IllegalArgumentException(
          "Cannot use --k-sweep: " + sweep + "; list k values of at least 2, e.g. 10,20,30,40");
    }
    if (vocabSize < 2) {
      throw new IllegalArgumentException("Cannot use --vocab-size: must be at least 2");
    }
    if (minDf < 0) {
      throw new IllegalArgumentException("Cannot use --min-df: must be at least 1, or auto");
    }
    if (!(maxDf > 0 && maxDf <= 1)) {
      throw new IllegalArgumentException(
          "Cannot use --max-df: " + maxDf + "; give a share of documents in (0, 1], e.g. 0.5");
    }
    if (!optimizer.equals("online") && !optimizer.equals("em")) {
      throw new IllegalArgumentException(
          "Cannot use --optimizer: unknown optimizer (" + optimizer + "); use online or em");
    }
    if (maxIter < AUTO) {
      throw new IllegalArgumentException("Cannot use --max-iter: must be at least 1");
    }
    if (!(subsampling >= AUTO && subsampling <= 1)) {
      throw new IllegalArgumentException("Cannot use --subsampling: give a share in (0, 1]");
    }
  }
}
