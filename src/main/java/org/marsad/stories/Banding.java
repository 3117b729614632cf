package org.marsad.stories;

import java.io.Serializable;
import java.util.Locale;

/**
 * An LSH banding of a MinHash signature: {@code bands} bands of {@code rows} bins each; two
 * documents of Jaccard similarity s share at least one band with probability 1 − (1 −
 * s^rows)^bands.
 *
 * @param bands number of bands
 * @param rows bins per band
 */
public record Banding(int bands, int rows) implements Serializable {

  /** Probability of candidacy that {@link #choose} guarantees at the threshold itself. */
  public static final double RECALL_AT_THRESHOLD = 0.99;

  /** Validates the numbers. */
  public Banding {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException(
          "Cannot band a signature: bands and rows must be at least 1 ("
              + bands
              + "x"
              + rows
              + ")");
    }
  }

  /**
   * Picks the banding for a Jaccard {@code threshold} over a signature of {@code bins} bins: the
   * fewest bands b (each band is one row per document in the shuffle that finds candidates, the
   * main cost) such that a pair at the threshold is a candidate with probability at least {@link
   * #RECALL_AT_THRESHOLD}, with at least two rows per band: a one-row band key holds a single
   * 16-bit bin value, so unrelated documents would share it by chance in numbers growing with the
   * square of the corpus, while two rows give 32 bits (about 2,000 chance pairs per million
   * documents). Pairs above the threshold are candidates with higher probability; the candidates
   * below it are removed by verification. With too few bins for two rows, the largest banding that
   * fits.
   */
  public static Banding choose(double threshold, int bins) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "Cannot choose a banding: the threshold must be in (0, 1) (" + threshold + ")");
    }
    Banding best = null;
    for (int r = 2; r <= bins / 2; r++) {
      double p = Math.pow(threshold, r);
      // Smallest b with 1 - (1 - p)^b >= target.
      double b = Math.ceil(Math.log(1 - RECALL_AT_THRESHOLD) / Math.log1p(-p));
      if (b * r <= bins && (best == null || b < best.bands())) {
        best = new Banding((int) b, r);
      }
    }
    return best != null ? best : new Banding(Math.max(1, bins / 2), Math.min(2, bins));
  }

  /** P(candidate) for a pair of Jaccard similarity {@code s}. */
  public double probability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  /** Bins the banding reads (bands × rows). */
  public int bins() {
    return bands * rows;
  }

  /** A Markdown table of P(candidate) for s = 0.1 … 1.0. */
  public String curve() {
    StringBuilder t = new StringBuilder("| s | P(candidate) |\n|---|---|\n");
    for (int i = 1; i <= 10; i++) {
      double s = i / 10.0;
      t.append(String.format(Locale.ROOT, "| %.1f | %.4f |%n", s, probability(s)));
    }
    return t.toString();
  }

  @Override
  public String toString() {
    return bands + "x" + rows;
  }
}
