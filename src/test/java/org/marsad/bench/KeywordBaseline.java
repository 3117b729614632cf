package org.marsad.bench;

import java.util.Map;
import org.marsad.relations.Quad;
import org.marsad.relations.Relation;
import org.marsad.relations.RelationClassifier;

/**
 * The keyword baseline of the relation benchmark: every pair of a sentence gets the class of the
 * cue words present in it (the same lexicons as the rules, no rule), neutral when there is none;
 * when both classes have cues, the one with more cues, conflict on a tie.
 */
final class KeywordBaseline {

  private final RelationClassifier lexicons;

  KeywordBaseline(RelationClassifier lexicons) {
    this.lexicons = lexicons;
  }

  /** The one relation the baseline gives every pair of {@code sentence}. */
  Relation classify(String lang, String sentence) {
    Map<Quad, Integer> counts = lexicons.cueCounts(lang, sentence);
    int coop =
        counts.getOrDefault(Quad.VERBAL_COOPERATION, 0)
            + counts.getOrDefault(Quad.MATERIAL_COOPERATION, 0);
    int conflict =
        counts.getOrDefault(Quad.VERBAL_CONFLICT, 0)
            + counts.getOrDefault(Quad.MATERIAL_CONFLICT, 0);
    if (coop == 0 && conflict == 0) {
      return Relation.NEUTRAL;
    }
    return conflict >= coop ? Relation.CONFLICT : Relation.COOPERATION;
  }
}
