package org.marsad.states.match.core;

import java.util.List;

/**
 * A rule that reads a match in its context and says whether it names a state and which: one rule
 * family per class (English capitalisation, person names, rivers and lakes, Amman or Oman ...),
 * applied in a fixed order by the matcher until one decides.
 */
public interface EntryRule {

  /**
   * The rule's verdict on {@code m}, whose possible readings are still {@code entries} (never
   * empty; the first is the gazetteer's preferred one).
   */
  Verdict apply(Match m, List<Entry> entries);

  /**
   * The words whose presence anywhere in a document this rule reads ({@link Match#context()} holds
   * those the document has).
   */
  default java.util.Set<String> cueWords() {
    return java.util.Set.of();
  }
}
