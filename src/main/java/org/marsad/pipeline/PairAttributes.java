package org.marsad.pipeline;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers one capability gives to the pairs of states of a period for another to show without
 * importing it: the relations capability puts each pair's tone and its cooperation and conflict
 * sentences here, and the states capability writes them as edge attributes of its networks. Bounded
 * (states² × periods); filled on the driver before the stages that read it.
 */
public final class PairAttributes {

  private final Set<String> names = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Map<String, Map<String, Double>> values = new ConcurrentHashMap<>();

  /** Sets attribute {@code name} of pair (a, b), a &lt; b, in {@code period}. */
  public void put(String period, String a, String b, String name, double value) {
    names.add(name);
    values.computeIfAbsent(key(period, a, b), k -> new TreeMap<>()).put(name, value);
  }

  /** The attribute names set so far, in the order first set. */
  public Set<String> names() {
    synchronized (names) {
      return new LinkedHashSet<>(names);
    }
  }

  /** The attributes of pair (a, b) in {@code period}: name → value (empty when none). */
  public Map<String, Double> of(String period, String a, String b) {
    return values.getOrDefault(key(period, a, b), Map.of());
  }

  private static String key(String period, String a, String b) {
    return period + "\t" + a + "\t" + b;
  }
}
