package org.marsad.stories;

import java.io.Serializable;

/**
 * Parameters of near-duplicate detection: the first six shape the per-document fingerprint (the
 * detection must use the values the fingerprints were made with, which their header records), the
 * others only the corpus-level detection.
 *
 * @param shingle tokens per shingle (word n-grams of normalised tokens)
 * @param bins bins of the one-permutation MinHash signature of the whole body
 * @param leadShingles shingles of the lead: the first ones of the body, which a truncated reprint
 *     keeps
 * @param leadBins bins of the lead's signature
 * @param sketch size k of the bottom-k sketch of shingle hashes that verifies candidates
 * @param seed hash seed
 * @param threshold Jaccard similarity of two bodies from which they are one story; also the
 *     threshold the body's banding is chosen for
 * @param leadThreshold Jaccard similarity of two leads the lead's banding is chosen for
 * @param containment share of the shorter body's shingles found in the longer one from which a
 *     shorter copy is one story with the longer text (a truncated or cut reprint)
 * @param containedMinJaccard the Jaccard similarity a pair accepted by containment must still
 *     reach, so that a short dispatch quoted inside a long digest does not join the digest (and,
 *     through it, every other dispatch it quotes)
 * @param containedMinShingles shingles the shorter body needs for the containment rule (a one-line
 *     caption is contained in many articles)
 * @param maxBucket documents of one band bucket above which the bucket is split into sub-buckets
 * @param window each document of a band bucket (sorted by node id) is paired with the next {@code
 *     window} ones, so a bucket of n documents gives at most n·window pairs, not n²/2
 * @param maxIterations bound on the rounds of the connected-components computation
 */
public record StoryParams(
    int shingle,
    int bins,
    int leadShingles,
    int leadBins,
    int sketch,
    long seed,
    double threshold,
    double leadThreshold,
    double containment,
    double containedMinJaccard,
    int containedMinShingles,
    int maxBucket,
    int window,
    int maxIterations)
    implements Serializable {

  /** Validates the ranges. */
  public StoryParams {
    require(shingle >= 1 && shingle <= 16, "shingle must be in [1, 16]", shingle);
    require(bins >= 2 && bins <= 1024, "bins must be in [2, 1024]", bins);
    require(leadShingles >= 1, "leadShingles must be at least 1", leadShingles);
    require(leadBins >= 2 && leadBins <= 1024, "leadBins must be in [2, 1024]", leadBins);
    require(sketch >= 16 && sketch <= 65536, "sketch must be in [16, 65536]", sketch);
    require(threshold > 0 && threshold < 1, "threshold must be in (0, 1)", threshold);
    require(leadThreshold > 0 && leadThreshold < 1, "leadThreshold must be in (0, 1)", threshold);
    require(containment > 0 && containment <= 1, "containment must be in (0, 1]", containment);
    require(
        containedMinJaccard >= 0 && containedMinJaccard <= 1,
        "containedMinJaccard must be in [0, 1]",
        containedMinJaccard);
    require(containedMinShingles >= 1, "containedMinShingles must be at least 1", shingle);
    require(maxBucket >= 2, "maxBucket must be at least 2", maxBucket);
    require(window >= 1, "window must be at least 1", window);
    require(maxIterations >= 1, "maxIterations must be at least 1", maxIterations);
  }

  /** The defaults (see docs/stories.md for how they were chosen). */
  public static StoryParams defaults() {
    return new StoryParams(4, 128, 64, 64, 256, 1L, 0.5, 0.6, 0.7, 0.2, 20, 500, 2, 40);
  }

  /** The same parameters with another seed. */
  public StoryParams withSeed(long s) {
    return new StoryParams(
        shingle,
        bins,
        leadShingles,
        leadBins,
        sketch,
        s,
        threshold,
        leadThreshold,
        containment,
        containedMinJaccard,
        containedMinShingles,
        maxBucket,
        window,
        maxIterations);
  }

  /** The same parameters with another Jaccard threshold. */
  public StoryParams withThreshold(double t) {
    return new StoryParams(
        shingle,
        bins,
        leadShingles,
        leadBins,
        sketch,
        seed,
        t,
        leadThreshold,
        containment,
        containedMinJaccard,
        containedMinShingles,
        maxBucket,
        window,
        maxIterations);
  }

  /** The same parameters with another bucket cap. */
  public StoryParams withMaxBucket(int m) {
    return new StoryParams(
        shingle,
        bins,
        leadShingles,
        leadBins,
        sketch,
        seed,
        threshold,
        leadThreshold,
        containment,
        containedMinJaccard,
        containedMinShingles,
        m,
        window,
        maxIterations);
  }

  /**
   * These parameters with the named ones replaced, from {@code name=value} pairs separated by
   * commas (record component names: {@code threshold=0.6,containment=0.7}).
   */
  public StoryParams with(String overrides) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (String kv : overrides.split(",")) {
      if (kv.isBlank()) {
        continue;
      }
      String[] p = kv.split("=", 2);
      if (p.length != 2) {
        throw new IllegalArgumentException(
            "Cannot use story parameters: expected name=value (" + kv + ")");
      }
      m.put(p[0].strip(), p[1].strip());
    }
    StoryParams r =
        new StoryParams(
            Integer.parseInt(m.getOrDefault("shingle", "" + shingle)),
            Integer.parseInt(m.getOrDefault("bins", "" + bins)),
            Integer.parseInt(m.getOrDefault("leadShingles", "" + leadShingles)),
            Integer.parseInt(m.getOrDefault("leadBins", "" + leadBins)),
            Integer.parseInt(m.getOrDefault("sketch", "" + sketch)),
            Long.parseLong(m.getOrDefault("seed", "" + seed)),
            Double.parseDouble(m.getOrDefault("threshold", "" + threshold)),
            Double.parseDouble(m.getOrDefault("leadThreshold", "" + leadThreshold)),
            Double.parseDouble(m.getOrDefault("containment", "" + containment)),
            Double.parseDouble(m.getOrDefault("containedMinJaccard", "" + containedMinJaccard)),
            Integer.parseInt(m.getOrDefault("containedMinShingles", "" + containedMinShingles)),
            Integer.parseInt(m.getOrDefault("maxBucket", "" + maxBucket)),
            Integer.parseInt(m.getOrDefault("window", "" + window)),
            Integer.parseInt(m.getOrDefault("maxIterations", "" + maxIterations)));
    m.keySet()
        .removeAll(
            java.util.List.of(
                "shingle",
                "bins",
                "leadShingles",
                "leadBins",
                "sketch",
                "seed",
                "threshold",
                "leadThreshold",
                "containment",
                "containedMinJaccard",
                "containedMinShingles",
                "maxBucket",
                "window",
                "maxIterations"));
    if (!m.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot use story parameters: unknown " + new java.util.TreeSet<>(m.keySet()));
    }
    return r;
  }

  /** The banding of the body's signature. */
  public Banding bodyBanding() {
    return Banding.choose(threshold, bins);
  }

  /** The banding of the lead's signature. */
  public Banding leadBanding() {
    return Banding.choose(leadThreshold, leadBins);
  }

  private static void require(boolean ok, String what, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(
          "Cannot use story parameters: " + what + " (" + value + ")");
    }
  }
}
