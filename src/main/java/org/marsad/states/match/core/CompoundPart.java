package org.marsad.states.match.core;

/**
 * A part of a hyphenated Latin word that names a state (israélo-palestinien, Franco-German,
 * Saudi-led): its characters [start, end) in the token, and its trie node or the state of a
 * combining form (franco-, sino-).
 */
public record CompoundPart(String key, int start, int end, Trie.Node node, String iso2) {}
