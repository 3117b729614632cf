package org.marsad.relations;

/**
 * The relation of one unordered pair of distinct states named in one sentence.
 *
 * @param a the first state's ISO 2 code (a &lt; b)
 * @param b the second state's ISO 2 code
 * @param relation cooperation, conflict or neutral
 * @param quad the PLOVER quad class
 * @param direction a&gt;b when a acts on b (a condemns b, a visits b), b&gt;a, or none
 * @param cueStart offset of the cue in the field text, -1 if none
 * @param cueEnd end offset (exclusive) of the cue, -1 if none
 * @param cue the cue as written, empty if none
 */
public record PairRelation(
    String a,
    String b,
    Relation relation,
    Quad quad,
    Direction direction,
    int cueStart,
    int cueEnd,
    String cue) {

  /** A neutral relation without a cue. */
  static PairRelation neutral(String a, String b) {
    return new PairRelation(a, b, Relation.NEUTRAL, Quad.NEUTRAL, Direction.NONE, -1, -1, "");
  }

  /** One TSV row: {@code a b relation quad direction cue}. */
  public String tsv() {
    return a
        + "\t"
        + b
        + "\t"
        + relation.label()
        + "\t"
        + quad.label()
        + "\t"
        + direction.label()
        + "\t"
        + cue.replace('\t', ' ').replace('\n', ' ');
  }
}
