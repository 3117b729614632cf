package org.marsad.trends;

/**
 * The statistics of keyness, collocations, co-mentions and bursts as plain Java functions of counts
 * (the formulas are in the README): the same arithmetic on the driver and in a task.
 */
public final class TrendMath {

  private TrendMath() {}

  /** G² at p &lt; 0.001 with one degree of freedom. */
  public static final double G2_P001 = 10.83;

  /** x·ln(x/e), with 0·ln 0 = 0. */
  public static double xlogx(double x, double e) {
    return x > 0 ? x * Math.log(x / e) : 0.0;
  }

  /** log2 of {@code x}. */
  public static double log2(double x) {
    return Math.log(x) / Math.log(2.0);
  }

  /**
   * Dunning's log-likelihood of a term seen {@code a} times in {@code c} tokens and {@code b} times
   * in {@code d} tokens: 2(a ln(a/E1) + b ln(b/E2)), E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d).
   */
  public static double g2(double a, double b, double c, double d) {
    double e1 = c * (a + b) / (c + d);
    double e2 = d * (a + b) / (c + d);
    return 2.0 * (xlogx(a, e1) + xlogx(b, e2));
  }

  /** log2((a/c)/(b/d)) with 0.5 in place of a zero count. */
  public static double logRatio(double a, double c, double b, double d) {
    double ra = Math.max(a, 0.5) / c;
    double rb = Math.max(b, 0.5) / d;
    return log2(ra / rb);
  }

  /**
   * Dunning's G² of the 2×2 table (k11, k12, k21, k22): 2 Σ k ln(k/E) with E the counts expected
   * under independence.
   */
  public static double g2Table(double k11, double k12, double k21, double k22) {
    double n = k11 + k12 + k21 + k22;
    return 2.0
        * (xlogx(k11, (k11 + k12) * (k11 + k21) / n)
            + xlogx(k12, (k11 + k12) * (k12 + k22) / n)
            + xlogx(k21, (k21 + k22) * (k11 + k21) / n)
            + xlogx(k22, (k21 + k22) * (k12 + k22) / n));
  }

  /**
   * G² of units naming an item in a period ({@code a} of {@code c}) against a window ({@code b} of
   * {@code d}), as the burst tests use it.
   */
  public static double g2OfProportions(double a, double c, double b, double d) {
    double n = c + d;
    double named = a + b;
    double other = n - named;
    return 2.0
        * (xlogx(a, c * named / n)
            + xlogx(c - a, c * other / n)
            + xlogx(b, d * named / n)
            + xlogx(d - b, d * other / n));
  }
}
