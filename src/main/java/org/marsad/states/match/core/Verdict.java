package org.marsad.states.match.core;

import java.util.List;

/**
 * What a rule says of a match: nothing ({@link #PASS}), that it names no state ({@link #NONE}),
 * which entry it stands for ({@link #pick}), or which entries remain possible ({@link #keep}).
 */
public final class Verdict {

  /** The kinds of verdict. */
  public enum Kind {
    PASS,
    NONE,
    PICK,
    KEEP
  }

  /** No opinion: the next rule decides. */
  public static final Verdict PASS = new Verdict(Kind.PASS, null, null);

  /** The match names no state. */
  public static final Verdict NONE = new Verdict(Kind.NONE, null, null);

  private final Kind kind;
  private final Entry entry;
  private final List<Entry> entries;

  private Verdict(Kind kind, Entry entry, List<Entry> entries) {
    this.kind = kind;
    this.entry = entry;
    this.entries = entries;
  }

  /** The match stands for {@code e} (null: no state). */
  public static Verdict pick(Entry e) {
    return e == null ? NONE : new Verdict(Kind.PICK, e, null);
  }

  /** Only {@code entries} remain possible (empty: no state); the next rule goes on. */
  public static Verdict keep(List<Entry> entries) {
    return entries.isEmpty() ? NONE : new Verdict(Kind.KEEP, null, List.copyOf(entries));
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /** The picked entry ({@link Kind#PICK}). */
  public Entry entry() {
    return entry;
  }

  /** The remaining entries ({@link Kind#KEEP}). */
  public List<Entry> entries() {
    return entries;
  }
}
