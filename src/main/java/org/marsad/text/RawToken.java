package org.marsad.text;

/**
 * A word as cut from the text by {@link Tokenizer}, before normalisation.
 *
 * @param surface the characters as written
 * @param start offset in the text (inclusive)
 * @param end offset in the text (exclusive)
 * @param sentence sentence index, from 0
 * @param position index among the raw tokens, from 0
 */
public record RawToken(String surface, int start, int end, int sentence, int position) {}
