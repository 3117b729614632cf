package org.marsad.states.match.core;

/**
 * One reading a surface of the gazetteer can have.
 *
 * @param iso2 the state
 * @param form name, adjective, capital or city
 * @param lang the language of the row (ar, en, fr, fa, or a CLDR language)
 * @param surfaceTokens the row's surface as tokens, as written (capitals matter)
 * @param population a city's population (0 for other forms)
 */
public record Entry(
    String iso2, String form, String lang, String[] surfaceTokens, long population) {

  /** This reading as another state and form (a context rule's choice), same row otherwise. */
  public Entry as(String iso2, String form) {
    return new Entry(iso2, form, lang, surfaceTokens, 0);
  }

  /** Whether the form is a name or an adjective (a state's own words, not a place in it). */
  public boolean nameOrAdjective() {
    return form.equals("name") || form.equals("adjective");
  }
}
