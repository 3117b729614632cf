package org.marsad.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.apache.spark.sql.Row;

/**
 * Per-partition partial aggregation in plain Java: a task folds its documents into a hash map of
 * counters and emits one row per key, which one shuffle (a groupBy with sums) then merges. The map
 * is bounded: when it holds {@link #MAX_KEYS} keys it is emitted and emptied, so a task's memory
 * stays flat whatever its partition holds (the merge sums the repeated keys).
 *
 * @param <K> key type (a record)
 */
public final class Partials<K> {

  /** Keys held before the map is flushed. */
  static final int MAX_KEYS = 400_000;

  private final int width;
  private final HashMap<K, long[]> map = new HashMap<>(1 << 12);

  /** Counters of {@code width} longs per key. */
  public Partials(int width) {
    this.width = width;
  }

  /** Adds {@code v} to counter {@code slot} of {@code key}. */
  public void add(K key, int slot, long v) {
    long[] c = map.get(key);
    if (c == null) {
      c = new long[width];
      map.put(key, c);
    }
    c[slot] += v;
  }

  /** Adds {@code v0} and {@code v1} to the first two counters of {@code key}. */
  public void add2(K key, long v0, long v1) {
    long[] c = map.get(key);
    if (c == null) {
      c = new long[width];
      map.put(key, c);
    }
    c[0] += v0;
    c[1] += v1;
  }

  /** True when the map should be emitted before more documents are folded in. */
  public boolean full() {
    return map.size() >= MAX_KEYS;
  }

  /** Moves the current counters out as rows (made by {@code row}) and empties the map. */
  public List<Row> drain(BiFunction<K, long[], Row> row) {
    List<Row> out = new ArrayList<>(map.size());
    for (Map.Entry<K, long[]> e : map.entrySet()) {
      out.add(row.apply(e.getKey(), e.getValue()));
    }
    map.clear();
    return out;
  }

  /**
   * An iterator over the rows of a partition's partial aggregates: {@code fold} adds one input row
   * into the counters; whenever they are full, and at the end, they are emitted with {@code row}.
   */
  public static <K> Iterator<Row> fold(
      Iterator<Row> in,
      int width,
      BiConsumer<Row, Partials<K>> fold,
      BiFunction<K, long[], Row> row) {
    Partials<K> p = new Partials<>(width);
    return new Iterator<>() {
      private Iterator<Row> batch = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!batch.hasNext()) {
          if (!in.hasNext()) {
            if (p.map.isEmpty()) {
              return false;
            }
          } else {
            while (in.hasNext() && !p.full()) {
              fold.accept(in.next(), p);
            }
          }
          batch = p.drain(row).iterator();
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return batch.next();
      }
    };
  }
}
