package org.marsad.pipeline;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The value of one partial: counters that sum, or a bounded list of evidence candidates (the first
 * {@code n} from distinct stories, earliest first) that merges by keeping the first {@code n} of
 * both. Mutable while a task folds its documents; merged by the reduce.
 */
public final class StatValue implements Externalizable {

  private static final long serialVersionUID = 1L;

  private long[] counts;
  private List<Candidate> top;
  private int n;

  /** For deserialization only. */
  public StatValue() {}

  /** Counters of {@code width} longs. */
  public static StatValue counts(int width) {
    StatValue v = new StatValue();
    v.counts = new long[width];
    return v;
  }

  /** A top-{@code n} list of candidates. */
  public static StatValue top(int n) {
    StatValue v = new StatValue();
    v.top = new ArrayList<>(2);
    v.n = n;
    return v;
  }

  /** Adds {@code x} to counter {@code i}. */
  public void add(int i, long x) {
    counts[i] += x;
  }

  /** Counter {@code i}. */
  public long count(int i) {
    return counts[i];
  }

  /** The counters (do not change them). */
  public long[] counts() {
    return counts;
  }

  /** The kept candidates in order (after {@link #trim()}). */
  public List<Candidate> candidates() {
    return top;
  }

  /** Offers a candidate; the list is trimmed when it grows past a few times {@code n}. */
  public void offer(Candidate c) {
    top.add(c);
    if (top.size() > 8 * n) {
      trim();
    }
  }

  /** Keeps the first {@code n} candidates of distinct stories, in order. */
  public StatValue trim() {
    if (top == null) {
      return this;
    }
    top.sort(Candidate.ORDER);
    Set<String> stories = new HashSet<>();
    List<Candidate> kept = new ArrayList<>(Math.min(n, top.size()));
    for (Candidate c : top) {
      if (stories.add(c.story())) {
        kept.add(c);
        if (kept.size() == n) {
          break;
        }
      }
    }
    top = kept;
    return this;
  }

  /** Merges {@code o} into this value and returns it (the reduce function). */
  public StatValue merge(StatValue o) {
    if (counts != null) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += o.counts[i];
      }
    } else {
      top.addAll(o.top);
      trim();
    }
    return this;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    if (counts != null) {
      out.writeByte(0);
      out.writeByte(counts.length);
      for (long c : counts) {
        out.writeLong(c);
      }
    } else {
      trim();
      out.writeByte(1);
      out.writeShort(n);
      out.writeShort(top.size());
      for (Candidate c : top) {
        c.writeExternal(out);
      }
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    if (in.readByte() == 0) {
      counts = new long[in.readByte()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = in.readLong();
      }
    } else {
      n = in.readShort();
      int size = in.readShort();
      top = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        Candidate c = new Candidate();
        c.readExternal(in);
        top.add(c);
      }
    }
  }
}
