package org.marsad.pipeline;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A kind of partial aggregate of the statistics pass: its id (unique, one byte in the shuffle), its
 * name, how many leading key fields form its group (all rows of one group meet on one task, e.g. a
 * term's rows of every period, source and form), and how large its reduced rows can grow. Id
 * ranges: terms 10-29, states 30-49, relations 50-69, stories 70-79, core 80-89, topics 90-99.
 */
public final class Tag implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<Integer, Tag> BY_ID = new ConcurrentHashMap<>();

  /** How large a tag's reduced rows can grow. */
  public enum Size {
    /** A handful per period (totals, marginals): always collected to the driver. */
    SMALL,
    /** Bounded by states² × periods or k × terms: finished on the driver below the cap. */
    BOUNDED,
    /** Bounded by the vocabulary or the corpus: always finished distributed. */
    LARGE
  }

  private final int id;
  private final String name;
  private final int groupFields;
  private final Size size;

  private Tag(int id, String name, int groupFields, Size size) {
    this.id = id;
    this.name = name;
    this.groupFields = groupFields;
    this.size = size;
  }

  /**
   * Declares a tag.
   *
   * @param id 0 to 127, unique
   * @param name readable name
   * @param groupFields leading key fields hashed to choose the partition (0: by the whole key)
   * @param size how large its reduced rows can grow
   */
  public static Tag define(int id, String name, int groupFields, Size size) {
    if (id < 0 || id > 127) {
      throw new IllegalArgumentException("tag id out of range: " + id);
    }
    Tag t = new Tag(id, name, groupFields, size);
    Tag before = BY_ID.putIfAbsent(id, t);
    if (before != null && !before.name.equals(name)) {
      throw new IllegalArgumentException(
          "tag id " + id + " used by " + before.name + " and " + name);
    }
    return before == null ? t : before;
  }

  /** The tag of {@code id} (declared by a capability class that has been loaded). */
  public static Tag of(int id) {
    Tag t = BY_ID.get(id);
    if (t == null) {
      throw new IllegalStateException("no tag with id " + id);
    }
    return t;
  }

  /** The id. */
  public int id() {
    return id;
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** Leading key fields that form the group. */
  public int groupFields() {
    return groupFields;
  }

  /** How large its reduced rows can grow. */
  public Size size() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tag t && t.id == id;
  }

  @Override
  public int hashCode() {
    return id;
  }

  @Override
  public String toString() {
    return name;
  }

  private Object readResolve() {
    return define(id, name, groupFields, size);
  }
}
