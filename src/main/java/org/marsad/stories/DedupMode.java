package org.marsad.stories;

import java.util.Locale;

/**
 * How documents are grouped into stories: near duplicates, exact duplicate texts, or not at all.
 */
public enum DedupMode {
  /** Reprints with edits, boilerplate, reordering or truncation are one story (the default). */
  NEAR,
  /** Only identical cleaned texts are one story (the former {@code duplicate_of} behaviour). */
  EXACT,
  /** Every document is its own story. */
  NONE;

  /** Parses {@code near}, {@code exact} or {@code none} (any case). */
  public static DedupMode parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "Cannot use --dedup: unknown mode (" + s + "); use near, exact or none", e);
    }
  }

  /** The option value ({@code near}, {@code exact}, {@code none}). */
  public String option() {
    return name().toLowerCase(Locale.ROOT);
  }
}
