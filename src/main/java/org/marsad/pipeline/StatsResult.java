package org.marsad.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/**
 * The reduced partials of a run's statistics pass, persisted once, from which every capability
 * finishes its tables: the distributed result, the small partials (totals and marginals) always on
 * the driver, and the bounded partials on the driver too when they were below the driver cap.
 */
public final class StatsResult {

  private final JavaPairRDD<StatKey, StatValue> reduced;
  private final List<Tuple2<StatKey, StatValue>> small;
  private final List<Tuple2<StatKey, StatValue>> bounded;
  private final Map<Integer, Long> rowsPerTag;

  /**
   * A result.
   *
   * @param reduced the persisted reduced partials
   * @param small every partial of a {@link Tag.Size#SMALL} tag
   * @param bounded every partial of a {@link Tag.Size#BOUNDED} tag, or null when above the cap
   * @param rowsPerTag reduced rows per tag id
   */
  public StatsResult(
      JavaPairRDD<StatKey, StatValue> reduced,
      List<Tuple2<StatKey, StatValue>> small,
      List<Tuple2<StatKey, StatValue>> bounded,
      Map<Integer, Long> rowsPerTag) {
    this.reduced = reduced;
    this.small = small;
    this.bounded = bounded;
    this.rowsPerTag = Map.copyOf(rowsPerTag);
  }

  /** The persisted reduced partials (for distributed finishing). */
  public JavaPairRDD<StatKey, StatValue> reduced() {
    return reduced;
  }

  /** True when the bounded partials are on the driver. */
  public boolean onDriver() {
    return bounded != null;
  }

  /** The small partials of {@code tags}. */
  public List<Tuple2<StatKey, StatValue>> small(Tag... tags) {
    return select(small, tags);
  }

  /** The bounded partials of {@code tags} (only when {@link #onDriver()}). */
  public List<Tuple2<StatKey, StatValue>> bounded(Tag... tags) {
    if (bounded == null) {
      throw new IllegalStateException("the bounded partials are above the driver cap");
    }
    return select(bounded, tags);
  }

  /** Reduced rows of {@code t}. */
  public long rows(Tag t) {
    return rowsPerTag.getOrDefault(t.id(), 0L);
  }

  /** Reduced rows per tag id. */
  public Map<Integer, Long> rowsPerTag() {
    return rowsPerTag;
  }

  private static List<Tuple2<StatKey, StatValue>> select(
      List<Tuple2<StatKey, StatValue>> from, Tag... tags) {
    List<Tuple2<StatKey, StatValue>> out = new ArrayList<>();
    for (Tuple2<StatKey, StatValue> e : from) {
      for (Tag t : tags) {
        if (e._1().is(t)) {
          out.add(e);
          break;
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The entries of {@code it} whose tag is one of {@code tags}. */
  public static Iterator<Tuple2<StatKey, StatValue>> only(
      Iterator<Tuple2<StatKey, StatValue>> it, Tag... tags) {
    List<Tuple2<StatKey, StatValue>> out = new ArrayList<>();
    while (it.hasNext()) {
      Tuple2<StatKey, StatValue> e = it.next();
      for (Tag t : tags) {
        if (e._1().is(t)) {
          out.add(e);
          break;
        }
      }
    }
    return out.iterator();
  }

  /** Frees the persisted partials. */
  public void release() {
    reduced.unpersist(false);
  }
}
