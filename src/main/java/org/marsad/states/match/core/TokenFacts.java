package org.marsad.states.match.core;

import java.util.List;

/**
 * What the matcher needs to know of one token, computed once per thread, token and document
 * language (cached in the token's {@link org.marsad.text.Lexicon} slot).
 *
 * @param key the token's normal form, ’ read as '
 * @param readings the token and its clitic-stripped readings
 * @param nodes the trie node each reading starts, or null
 * @param tail the key without an apostrophe suffix (Korea's), or null: how the token may end a
 *     multi-word entry
 * @param sport 2 for a strong sport cue, 1 for a weak one, 0 for none
 * @param cues the document cue words among the readings
 * @param upper upper-case Latin letters of the surface
 * @param latin Latin letters of the surface
 * @param parts the state-naming parts of a hyphenated word, or null
 */
public record TokenFacts(
    String key,
    List<Reading> readings,
    Trie.Node[] nodes,
    String tail,
    int sport,
    List<String> cues,
    int upper,
    int latin,
    List<CompoundPart> parts) {}
