package org.marsad.stories;

/**
 * The similarity of two bodies as estimated from their fingerprints' bottom-k sketches (exact when
 * both bodies have at most k distinct shingles).
 *
 * @param jaccard |A ∩ B| / |A ∪ B| of the two shingle sets
 * @param containment |S ∩ L| / |S|: the share of the shorter body's shingles S found in the longer
 *     one's L
 * @param shorter distinct shingles of the shorter body
 * @param exact true when the two cleaned texts are identical (equal text hashes)
 */
public record Similarity(double jaccard, double containment, int shorter, boolean exact) {

  /**
   * True when the two documents are one story: identical texts, Jaccard at least the threshold, or
   * the shorter one contained in the longer one (at least {@code containment} of its shingles, with
   * at least {@code containedMinShingles} of them, and Jaccard at least {@code
   * containedMinJaccard}).
   */
  public boolean sameStory(StoryParams p) {
    if (exact) {
      return true;
    }
    if (shorter == 0) {
      return false;
    }
    if (jaccard >= p.threshold()) {
      return true;
    }
    return containment >= p.containment()
        && shorter >= p.containedMinShingles()
        && jaccard >= p.containedMinJaccard();
  }
}
