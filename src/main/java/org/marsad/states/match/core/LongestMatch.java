package org.marsad.states.match.core;

/**
 * The longest gazetteer entry that starts at a token, over the token's readings: a multi-word entry
 * continues through the following tokens of the sentence (a last token may end in an apostrophe
 * suffix, South Korea's), never through a news agency's name.
 *
 * @param end the entry's last token
 * @param node the trie node of the entry
 * @param reading how the first token was read
 * @param endCut characters of an apostrophe suffix cut from the last token
 */
public record LongestMatch(int end, Trie.Node node, Reading reading, int endCut) {

  /** The longest entry starting at token {@code i} of {@code f}, or null. */
  public static LongestMatch at(FieldScan f, int i) {
    LongestMatch best = null;
    TokenFacts fx = f.facts(i);
    for (int ri = 0; ri < fx.nodes().length; ri++) {
      Reading r = fx.readings().get(ri);
      Trie.Node node = fx.nodes()[ri];
      if (node == null) {
        continue;
      }
      int j = i;
      int lastEnd = node.entries().isEmpty() ? -1 : i;
      Trie.Node lastNode = node.entries().isEmpty() ? null : node;
      int lastCut = r.cutEnd();
      Trie.Node cur = node;
      while (cur.hasNext() && j + 1 < f.size() && f.sentence(j + 1) == f.sentence(i)) {
        Trie.Node nx = cur.next(f.norm(j + 1));
        int cut = 0;
        String tail = f.facts(j + 1).tail();
        if (nx == null && tail != null) {
          nx = cur.next(tail);
          cut = f.norm(j + 1).length() - tail.length();
          if (nx != null && nx.entries().isEmpty()) {
            nx = null;
          }
        }
        if (nx == null || f.masked(j + 1) || f.club(j + 1)) {
          break;
        }
        cur = nx;
        j++;
        if (!cur.entries().isEmpty()) {
          lastEnd = j;
          lastNode = cur;
          lastCut = cut;
        }
        if (cut > 0) {
          break;
        }
      }
      if (lastNode != null && (best == null || lastEnd > best.end())) {
        best = new LongestMatch(lastEnd, lastNode, r, lastEnd == i ? r.cutEnd() : lastCut);
      }
    }
    return best;
  }
}
