package org.marsad.bench;

/** Precision, recall and F1 from true positives, false positives and false negatives. */
final class Prf {

  private Prf() {}

  /** tp / (tp + fp), 1 when nothing was found. */
  static double precision(int tp, int fp) {
    return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
  }

  /** tp / (tp + fn), 1 when there was nothing to find. */
  static double recall(int tp, int fn) {
    return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
  }

  /** The harmonic mean of precision and recall, 0 when both are 0. */
  static double f1(int tp, int fp, int fn) {
    double p = precision(tp, fp);
    double r = recall(tp, fn);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
