package org.marsad.relations;

/** Who acts on whom in a pair (a, b), where the sentence makes it clear. */
public enum Direction {
  A_TO_B("a>b"),
  B_TO_A("b>a"),
  NONE("none");

  private final String label;

  Direction(String label) {
    this.label = label;
  }

  /** The label printed in tables: {@code a>b}, {@code b>a} or {@code none}. */
  public String label() {
    return label;
  }

  /** The direction of the same pair read the other way round. */
  public Direction flip() {
    return switch (this) {
      case A_TO_B -> B_TO_A;
      case B_TO_A -> A_TO_B;
      case NONE -> NONE;
    };
  }
}
