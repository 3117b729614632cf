package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marsad.states.match.core.CompoundPart;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Trie;
import org.marsad.text.ArabicNormalizer;

/**
 * Hyphenated Latin words that name states: every part when two parts do (israélo-palestinien,
 * Franco-German, with combining forms such as franco-, sino-), and a lone part when the other is a
 * word that makes it a modifier (Saudi-led, Paris-based); never a part of an unrelated compound.
 */
public final class HyphenatedCompounds {

  private final Map<String, String> combining;
  private final Set<String> modifiers;

  /** The compounds of {@code compounds.tsv}. */
  public HyphenatedCompounds(RuleFiles files) {
    var w = files.words("compounds.tsv");
    this.combining = w.map("combining");
    this.modifiers = w.set("modifier");
  }

  /**
   * The parts of a hyphenated Latin word that name states, when the word itself starts no entry and
   * either two parts name states or one part does and the others are no combining form; else null.
   */
  public List<CompoundPart> parts(Trie trie, String key, Trie.Node[] nodes) {
    if (key.indexOf('-') <= 0
        || key.isEmpty()
        || ArabicNormalizer.isArabicLetter(key.charAt(0))
        || nodes[0] != null) {
      return null;
    }
    List<CompoundPart> out = new ArrayList<>(2);
    int from = 0;
    int named = 0;
    boolean isCombining = false;
    while (from <= key.length()) {
      int dash = key.indexOf('-', from);
      int to = dash < 0 ? key.length() : dash;
      String part = key.substring(from, to);
      Trie.Node node = trie.start(part);
      if (node != null && !node.entries().isEmpty()) {
        out.add(new CompoundPart(part, from, to, node, null));
        named++;
      } else if (dash > 0 && combining.containsKey(part)) {
        out.add(new CompoundPart(part, from, to, null, combining.get(part)));
        isCombining = true;
      }
      if (dash < 0) {
        break;
      }
      from = dash + 1;
    }
    if (named + (isCombining ? 1 : 0) >= 2 || (named == 1 && !isCombining)) {
      return List.copyOf(out);
    }
    return null;
  }

  /**
   * Whether a part counts: always when the word has several state parts, else only as the first
   * part before a modifier word (Saudi-led).
   */
  public boolean counts(String surface, List<CompoundPart> parts, CompoundPart part) {
    if (parts.size() > 1) {
      return true;
    }
    return part.start() == 0
        && part.end() + 1 < surface.length()
        && modifiers.contains(surface.substring(part.end() + 1));
  }

  /** The entry of a combining form (franco-): the state's adjective. */
  public static Entry combiningEntry(CompoundPart part) {
    return new Entry(part.iso2(), "adjective", "", new String[0], 0);
  }
}
