package org.marsad.pipeline;

/**
 * Where a capability's per-document statistics go in the statistics pass: counters that sum and
 * bounded top-n lists, by {@link StatKey}. The pass folds them per task in memory (flushed when a
 * bound is reached) and one shuffle reduces them.
 */
public interface StatSink {

  /** Adds {@code values} to the counters of the key ({@code values.length} counters). */
  void add(Tag tag, String a, String b, String c, String d, long... values);

  /** Offers an evidence candidate to the top-{@code n} list of the key. */
  void offer(Tag tag, String a, String b, String c, String d, int n, Candidate candidate);
}
