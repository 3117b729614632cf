package org.marsad.text;

/**
 * One kept token of an analysed text.
 *
 * @param surface the token exactly as written in the text
 * @param display the surface without conjunction/preposition clitics, used to pick readable labels
 * @param term the normalised, stemmed key that counts are grouped by
 * @param start character offset of the token in the analysed text (inclusive)
 * @param end character offset (exclusive)
 * @param sentence index of the sentence the token is in, from 0
 * @param position index of the token among all raw tokens (stop words included), for adjacency
 */
public record Token(
    String surface, String display, String term, int start, int end, int sentence, int position) {}
