package org.marsad.topics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * Online variational Bayes for LDA (Hoffman, Blei and Bach 2010), the algorithm of Spark MLlib's
 * {@code OnlineLDAOptimizer} with the same updates, written so that one step is one pass over a
 * mini-batch and its statistics add up exactly in any order: each document's expected counts are
 * rounded to fixed point ({@link #SCALE}) before they are summed, so the driver, one task or a
 * hundred executors give bit-identical topics. A document's mini-batch membership and its
 * variational start depend only on the seed, the step and the document's key, never on the
 * partitioning.
 */
public final class OnlineLda implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Fixed-point scale of the summed statistics (2^30). */
  static final double SCALE = 1L << 30;

  /** Shape of the Gamma start of a document's variational parameters (MLlib's). */
  static final double GAMMA_SHAPE = 100;

  /** Convergence of a document's E-step (mean absolute change of gamma, MLlib's). */
  static final double GAMMA_TOL = 1e-3;

  /** Most E-step iterations of one document (MLlib has no bound; a bound keeps a task finite). */
  static final int MAX_E_STEPS = 200;

  private final int k;
  private final int vocab;
  private final double eta;
  private final long seed;

  /** A model of {@code k} topics over {@code vocab} terms. */
  public OnlineLda(int k, int vocab, double eta, long seed) {
    this.k = k;
    this.vocab = vocab;
    this.eta = eta;
    this.seed = seed;
  }

  /** Topics. */
  public int k() {
    return k;
  }

  /** The topic-term prior η. */
  public double eta() {
    return eta;
  }

  /** Vocabulary size. */
  public int vocab() {
    return vocab;
  }

  /** The random start of λ (k × V, Gamma(100, 1/100)), from the seed alone. */
  public double[][] initialLambda() {
    SplittableRandom r = new SplittableRandom(mix(seed, 0x6c616d626461L));
    double[][] lambda = new double[k][vocab];
    for (int t = 0; t < k; t++) {
      for (int w = 0; w < vocab; w++) {
        lambda[t][w] = gamma(r, GAMMA_SHAPE) / GAMMA_SHAPE;
      }
    }
    return lambda;
  }

  /** exp(E[log β]) of λ, laid out term-major: {@code [w * k + t]}. */
  public double[] expElogBeta(double[][] lambda) {
    double[] out = new double[vocab * k];
    for (int t = 0; t < k; t++) {
      double sum = 0;
      for (int w = 0; w < vocab; w++) {
        sum += lambda[t][w];
      }
      double dsum = Gamma.digamma(sum);
      for (int w = 0; w < vocab; w++) {
        out[w * k + t] = Math.exp(Gamma.digamma(lambda[t][w]) - dsum);
      }
    }
    return out;
  }

  /** True when the document of {@code key} is in the mini-batch of {@code step}. */
  public boolean inBatch(long key, int step, double fraction) {
    if (fraction >= 1) {
      return true;
    }
    long h = mix(mix(seed, step), key);
    return (h >>> 11) * 0x1.0p-53 < fraction;
  }

  /**
   * The statistics of one step, summed in fixed point: expected counts per topic and term ({@code
   * [t * V + w]}), E[log θ] per topic summed over documents, and the documents.
   */
  public static final class Stats implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[] counts;
    final long[] logTheta;
    long docs;

    Stats(int k, int vocab) {
      counts = new long[k * vocab];
      logTheta = new long[k];
    }

    /** Adds {@code o} into this (exact, in any order) and returns this. */
    public Stats add(Stats o) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += o.counts[i];
      }
      for (int i = 0; i < logTheta.length; i++) {
        logTheta[i] += o.logTheta[i];
      }
      docs += o.docs;
      return this;
    }
  }

  /** Empty statistics. */
  public Stats zero() {
    return new Stats(k, vocab);
  }

  /**
   * Adds one document (term indices and counts) to {@code stats}: its E-step against {@code
   * expElogBeta} with prior {@code alpha}, started from a Gamma draw seeded by {@code key} and the
   * step.
   */
  public void accumulate(
      Stats stats, long key, int step, int[] idx, int[] cts, double[] expElogBeta, double[] alpha) {
    if (idx.length == 0) {
      return;
    }
    double[] gamma = new double[k];
    double[] expElogTheta = new double[k];
    double[] phiNorm = new double[idx.length];
    eStep(mix(mix(seed, step), key), idx, cts, expElogBeta, alpha, gamma, expElogTheta, phiNorm);
    for (int j = 0; j < idx.length; j++) {
      int w = idx[j];
      double c = cts[j] / phiNorm[j];
      for (int t = 0; t < k; t++) {
        double phi = expElogTheta[t] * expElogBeta[w * k + t] * c;
        stats.counts[t * vocab + w] += Math.round(phi * SCALE);
      }
    }
    double dsum = Gamma.digamma(sum(gamma));
    for (int t = 0; t < k; t++) {
      stats.logTheta[t] += Math.round((Gamma.digamma(gamma[t]) - dsum) * SCALE);
    }
    stats.docs++;
  }

  /**
   * The document's topic mixture (normalised gamma) under the final model, its E-step started from
   * a Gamma draw seeded by the key alone; zeros for a document without vocabulary terms.
   */
  public double[] mixture(long key, int[] idx, int[] cts, double[] expElogBeta, double[] alpha) {
    double[] gamma = new double[k];
    if (idx.length == 0) {
      return gamma;
    }
    double[] expElogTheta = new double[k];
    double[] phiNorm = new double[idx.length];
    eStep(mix(seed, key), idx, cts, expElogBeta, alpha, gamma, expElogTheta, phiNorm);
    double s = sum(gamma);
    for (int t = 0; t < k; t++) {
      gamma[t] /= s;
    }
    return gamma;
  }

  private void eStep(
      long rngSeed,
      int[] idx,
      int[] cts,
      double[] expElogBeta,
      double[] alpha,
      double[] gamma,
      double[] expElogTheta,
      double[] phiNorm) {
    SplittableRandom r = new SplittableRandom(rngSeed);
    for (int t = 0; t < k; t++) {
      gamma[t] = gamma(r, GAMMA_SHAPE) / GAMMA_SHAPE;
    }
    expDirichlet(gamma, expElogTheta);
    norm(idx, expElogBeta, expElogTheta, phiNorm);
    double[] last = new double[k];
    double[] acc = new double[k];
    for (int it = 0; it < MAX_E_STEPS; it++) {
      System.arraycopy(gamma, 0, last, 0, k);
      Arrays.fill(acc, 0);
      for (int j = 0; j < idx.length; j++) {
        double c = cts[j] / phiNorm[j];
        int base = idx[j] * k;
        for (int t = 0; t < k; t++) {
          acc[t] += expElogBeta[base + t] * c;
        }
      }
      double change = 0;
      for (int t = 0; t < k; t++) {
        gamma[t] = expElogTheta[t] * acc[t] + alpha[t];
        change += Math.abs(gamma[t] - last[t]);
      }
      expDirichlet(gamma, expElogTheta);
      norm(idx, expElogBeta, expElogTheta, phiNorm);
      if (change / k <= GAMMA_TOL) {
        break;
      }
    }
  }

  private void norm(int[] idx, double[] expElogBeta, double[] expElogTheta, double[] phiNorm) {
    for (int j = 0; j < idx.length; j++) {
      int base = idx[j] * k;
      double s = 1e-100;
      for (int t = 0; t < k; t++) {
        s += expElogBeta[base + t] * expElogTheta[t];
      }
      phiNorm[j] = s;
    }
  }

  private static void expDirichlet(double[] v, double[] out) {
    double dsum = Gamma.digamma(sum(v));
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.exp(Gamma.digamma(v[i]) - dsum);
    }
  }

  /**
   * The M-step: λ ← (1 − ρ)λ + ρ(η + D/B · counts) with ρ = (τ0 + step)^−κ (as MLlib's {@code
   * updateLambda}), and, when {@code alpha} is optimised, one Newton step on α from the mean E[log
   * θ] (MLlib's {@code updateAlpha}). Returns the relative L1 change of λ.
   *
   * @param corpusSize documents the model is fitted on (D)
   * @param batchSize the mini-batch size the scaling assumes (B = ⌈fraction · D⌉, as MLlib)
   */
  public double update(
      double[][] lambda,
      double[] alpha,
      Stats stats,
      int step,
      long corpusSize,
      long batchSize,
      double tau0,
      double kappa,
      boolean optimizeAlpha) {
    if (stats.docs == 0) {
      return 0;
    }
    double rho = Math.pow(tau0 + step, -kappa);
    double scale = (double) corpusSize / batchSize;
    double changed = 0;
    double total = 0;
    for (int t = 0; t < k; t++) {
      for (int w = 0; w < vocab; w++) {
        double before = lambda[t][w];
        double after =
            (1 - rho) * before + rho * (stats.counts[t * vocab + w] / SCALE * scale + eta);
        lambda[t][w] = after;
        changed += Math.abs(after - before);
        total += before;
      }
    }
    if (optimizeAlpha) {
      double n = stats.docs;
      double[] logphat = new double[k];
      for (int t = 0; t < k; t++) {
        logphat[t] = stats.logTheta[t] / SCALE / n;
      }
      double asum = sum(alpha);
      double dsum = Gamma.digamma(asum);
      double[] gradf = new double[k];
      double[] q = new double[k];
      double c = n * Gamma.trigamma(asum);
      double sgq = 0;
      double siq = 0;
      for (int t = 0; t < k; t++) {
        gradf[t] = n * (-(Gamma.digamma(alpha[t]) - dsum) + logphat[t]);
        q[t] = -n * Gamma.trigamma(alpha[t]);
        sgq += gradf[t] / q[t];
        siq += 1.0 / q[t];
      }
      double b = sgq / (1.0 / c + siq);
      double[] next = new double[k];
      boolean positive = true;
      for (int t = 0; t < k; t++) {
        next[t] = alpha[t] + rho * (-(gradf[t] - b) / q[t]);
        positive &= next[t] > 0;
      }
      if (positive) {
        System.arraycopy(next, 0, alpha, 0, k);
      }
    }
    return total == 0 ? 0 : changed / total;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  /** A Gamma(shape, 1) draw (Marsaglia and Tsang; shape ≥ 1). */
  static double gamma(SplittableRandom r, double shape) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = r.nextGaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = r.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** A 64-bit mix of two values (splitmix64 finaliser). */
  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The 64-bit key of a document id (stable across runs and JVMs). */
  public static long key(String docId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < docId.length(); i++) {
      h ^= docId.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h, docId.length());
  }
}
