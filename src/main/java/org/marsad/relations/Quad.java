package org.marsad.relations;

import java.util.Locale;

/**
 * The PLOVER quad class of a relation: verbal or material cooperation or conflict, or neutral.
 * Verbal: statements, meetings, visits, calls, agreements in principle, praise, condemnation,
 * accusation, threat, demand, rejection (and any cue under future or modality); material: aid,
 * deals carried out, joint exercises, releases, attacks, strikes, sanctions, expulsions, seizures.
 */
public enum Quad {
  VERBAL_COOPERATION(Relation.COOPERATION, true),
  MATERIAL_COOPERATION(Relation.COOPERATION, false),
  VERBAL_CONFLICT(Relation.CONFLICT, true),
  MATERIAL_CONFLICT(Relation.CONFLICT, false),
  NEUTRAL(Relation.NEUTRAL, false);

  private final Relation relation;
  private final boolean verbal;

  Quad(Relation relation, boolean verbal) {
    this.relation = relation;
    this.verbal = verbal;
  }

  /** The three-way relation of this class. */
  public Relation relation() {
    return relation;
  }

  /** True for the two verbal classes. */
  public boolean verbal() {
    return verbal;
  }

  /** The lower-case label used in tables, TSV output and the lexicon files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The verbal class of the same relation (a threat or plan of an attack is verbal conflict). */
  public Quad asVerbal() {
    return switch (this) {
      case MATERIAL_COOPERATION -> VERBAL_COOPERATION;
      case MATERIAL_CONFLICT -> VERBAL_CONFLICT;
      default -> this;
    };
  }

  /** The cooperation class of the same mode (joint action of two states against a third). */
  public Quad asCooperation() {
    return switch (this) {
      case VERBAL_CONFLICT -> VERBAL_COOPERATION;
      case MATERIAL_CONFLICT -> MATERIAL_COOPERATION;
      default -> this;
    };
  }

  /** The class of a label ({@code verbal_conflict}), or null. */
  public static Quad ofLabel(String label) {
    for (Quad q : values()) {
      if (q.label().equals(label)) {
        return q;
      }
    }
    return null;
  }
}
