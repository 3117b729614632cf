package org.marsad.text;

import java.util.HashMap;

/**
 * A bounded memo for per-token results (normalisation, analysis): a map that is emptied when it
 * reaches its capacity, so memory stays bounded on any corpus while frequent words stay cached. Not
 * thread-safe: keep one per thread.
 *
 * @param <K> key type
 * @param <V> value type (never null)
 */
public final class Memo<K, V> {

  private final int capacity;
  private final HashMap<K, V> map;

  /** A memo of at most {@code capacity} entries. */
  public Memo(int capacity) {
    this.capacity = capacity;
    this.map = new HashMap<>(Math.min(capacity, 1 << 12) * 2);
  }

  /** The value of {@code key}, or null. */
  public V get(K key) {
    return map.get(key);
  }

  /** Stores {@code value} for {@code key}. */
  public void put(K key, V value) {
    if (map.size() >= capacity) {
      map.clear();
    }
    map.put(key, value);
  }
}
