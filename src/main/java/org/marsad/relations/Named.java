package org.marsad.relations;

/**
 * A state named in a field.
 *
 * @param iso2 ISO 3166-1 alpha-2 of the state
 * @param start offset of the mention in the field text (inclusive)
 * @param end offset (exclusive)
 * @param form how it is named: name, adjective, capital, city (or team: a national team in a
 *     sentence about a sports match, which relates the two states in no political way)
 */
public record Named(String iso2, int start, int end, String form) {

  /** Checks the offsets. */
  public Named {
    if (iso2 == null || iso2.isBlank()) {
      throw new IllegalArgumentException("Cannot name a state: empty iso2 (" + iso2 + ")");
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "Cannot name a state: bad offsets [" + start + ", " + end + ") for " + iso2);
    }
  }

  /** True for an adjective (the Israeli strike: the state of a noun, often its actor). */
  boolean adjective() {
    return "adjective".equals(form);
  }
}
