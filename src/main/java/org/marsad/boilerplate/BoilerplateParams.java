package org.marsad.boilerplate;

import java.io.Serializable;

/**
 * When a repeated line is boilerplate: it is in at least {@code minDocs} documents of its source,
 * in at least {@code share} of them, and (for a dated corpus) in documents at least {@code minDays}
 * days apart.
 *
 * @param enabled whether lines are removed at all
 * @param minDocs fewest documents
 * @param share smallest share of the source's documents
 * @param minDays fewest days between the first and the last document holding the line
 */
public record BoilerplateParams(boolean enabled, int minDocs, double share, int minDays)
    implements Serializable {

  /** The defaults of the settings. */
  public static BoilerplateParams defaults() {
    return new BoilerplateParams(true, 10, 0.005, 2);
  }

  /** Whether a line in {@code docs} of {@code sourceDocs} documents, over {@code span} days, is. */
  public boolean isBoilerplate(long docs, long sourceDocs, Integer span) {
    return docs >= minDocs && docs >= share * sourceDocs && (span == null || span >= minDays);
  }
}
