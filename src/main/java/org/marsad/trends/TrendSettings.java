package org.marsad.trends;

/**
 * When a state or a pair of states bursts: the trailing window it is compared with and the three
 * thresholds a period must all pass.
 *
 * @param window previous calendar periods in the baseline (periods without documents included)
 * @param minDocs documents (for a pair: co-mention documents) the period needs before it can burst
 * @param minG2 Dunning's G² of the period against the window (10.83: p &lt; 0.001, one degree of
 *     freedom)
 * @param minLogRatio log2 of the period's share over the window's share (1: at least twice as
 *     often)
 */
public record TrendSettings(int window, long minDocs, double minG2, double minLogRatio)
    implements java.io.Serializable {

  /** Six periods, three documents, G² 10.83 and at least twice the window's share. */
  public static final TrendSettings DEFAULTS = new TrendSettings(6, 3, 10.83, 1.0);

  /** Validates the settings. */
  public TrendSettings {
    if (window < 1 || window > 1000) {
      throw new IllegalArgumentException(
          "Cannot compute trends: the window must be 1 to 1000 periods (" + window + ")");
    }
    if (minDocs < 1) {
      throw new IllegalArgumentException(
          "Cannot compute trends: the minimum of documents must be at least 1 (" + minDocs + ")");
    }
  }
}
