package org.marsad.relations;

import java.util.Locale;

/** The relation between two states in one sentence: the three classes scored. */
public enum Relation {
  COOPERATION,
  CONFLICT,
  NEUTRAL;

  /** The lower-case label used in tables and TSV output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
