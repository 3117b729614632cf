package org.marsad.states.match.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gazetteer of one document language as a token trie: each node is reached by a token key and
 * holds the entries whose surface ends there. A language's own rows replace borrowed ones of the
 * same surface (the French capital Mexico hides the English name Mexico).
 */
public final class Trie {

  /** A node: the entries ending here and the next tokens. */
  public static final class Node {
    private final Map<String, Node> next = new HashMap<>(4);
    private final List<Entry> entries = new ArrayList<>(1);
    private boolean own;

    /** The node the token {@code key} leads to, or null. */
    public Node next(String key) {
      return next.get(key);
    }

    /** Whether a longer entry continues from here. */
    public boolean hasNext() {
      return !next.isEmpty();
    }

    /** The entries ending here (empty for an inner node). */
    public List<Entry> entries() {
      return entries;
    }
  }

  private final Map<String, Node> root = new HashMap<>();

  /** The node of the first token {@code key}, or null. */
  public Node start(String key) {
    return root.get(key);
  }

  /**
   * Adds an entry under its surface tokens; {@code own} when the row is of the document language
   * itself (then it replaces borrowed entries of the same surface, which never replace it).
   */
  public void add(String[] surfaceTokens, Entry e, boolean own) {
    Map<String, Node> level = root;
    Node node = null;
    for (String t : surfaceTokens) {
      node = level.computeIfAbsent(Keys.key(t), k -> new Node());
      level = node.next;
    }
    if (own) {
      if (!node.own) {
        node.entries.clear();
        node.own = true;
      }
      node.entries.add(e);
    } else if (!node.own) {
      node.entries.add(e);
    }
  }

  /** Whether an entry has exactly these token keys. */
  public boolean has(String[] keys) {
    Map<String, Node> level = root;
    Node node = null;
    for (String k : keys) {
      node = level.get(k);
      if (node == null) {
        return false;
      }
      level = node.next;
    }
    return node != null && !node.entries.isEmpty();
  }
}
