package org.marsad.pipeline;

/**
 * A state named in a document, as the states capability found it in the analysis pass and hands it
 * to the extractors after it (relations, stories): plain values, no matcher types.
 *
 * @param iso2 ISO 3166-1 alpha-2 code
 * @param form name, adjective, capital, city or team
 * @param surface the text as written
 * @param field 0 for the title, 1 for the body
 * @param start offset in the field's cleaned text (inclusive)
 * @param end offset (exclusive)
 * @param sentence sentence index within its field
 */
public record NamedState(
    String iso2, String form, String surface, int field, int start, int end, int sentence) {}
