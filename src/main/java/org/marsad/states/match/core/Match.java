package org.marsad.states.match.core;

import java.util.HashSet;
import java.util.Set;

/**
 * One occurrence of a gazetteer surface in a field, tokens {@code i} to {@code end}, and its
 * surroundings as the rules read them: the word before and after in the sentence, the readings of
 * the word before (through a French article or a split-off clitic), the document's cue words and
 * whether the occurrence is a dateline's place.
 */
public final class Match {

  private final FieldScan f;
  private final int i;
  private final int end;
  private final Reading reading;
  private final int endCut;
  private final String key;
  private final String prev;
  private final String next;
  private final Set<String> prevReadings = new HashSet<>();
  private final Set<String> context;
  private final boolean dateline;

  /**
   * The occurrence of tokens {@code i}..{@code end} of {@code f}, its first token read as {@code
   * reading} and its last cut by {@code endCut} characters (an apostrophe suffix).
   *
   * @param articles French articles a look at the word before passes through (au nord du Mali)
   * @param context the document's cue words
   * @param dateline whether the occurrence is a dateline's place
   */
  public Match(
      FieldScan f,
      int i,
      int end,
      Reading reading,
      int endCut,
      Set<String> articles,
      Set<String> context,
      boolean dateline) {
    this.f = f;
    this.i = i;
    this.end = end;
    this.reading = reading;
    this.endCut = endCut;
    this.context = context;
    this.dateline = dateline;
    StringBuilder s = new StringBuilder(reading.key());
    for (int k = i + 1; k <= end; k++) {
      String n = f.norm(k);
      if (k == end && endCut > 0 && f.facts(k).tail() != null) {
        // Korea's as the last word of South Korea's: its key without the suffix.
        n = f.facts(k).tail();
      }
      s.append(' ').append(n);
    }
    this.key = s.toString();
    this.prev = i > 0 && f.sentence(i - 1) == f.sentence(i) ? f.norm(i - 1) : null;
    this.next =
        end + 1 < f.size() && f.sentence(end + 1) == f.sentence(end) ? f.norm(end + 1) : null;
    if (prev != null) {
      for (Reading r : f.facts(i - 1).readings()) {
        prevReadings.add(r.key());
      }
      if (articles.contains(prev) && i > 1 && f.sentence(i - 2) == f.sentence(i)) {
        // French: look through an article (au nord du Mali, le lac Tchad).
        prevReadings.add(f.norm(i - 2));
      }
    }
    if (reading.letters() == 0
        && prev != null
        && prev.length() == 1
        && "وفبلك".indexOf(prev.charAt(0)) >= 0
        && i > 1) {
      // Pre-tokenised text with clitics split off ("و روسيا"): look through the clitic.
      prevReadings.add(f.norm(i - 2));
      prevReadings.add(Keys.stripConj(f.norm(i - 2)));
    }
  }

  /** The field. */
  public FieldScan field() {
    return f;
  }

  /** First token. */
  public int i() {
    return i;
  }

  /** Last token (inclusive). */
  public int end() {
    return end;
  }

  /** How the first token was read (clitics stripped, elision cut). */
  public Reading reading() {
    return reading;
  }

  /** Characters of an apostrophe suffix cut from the last token. */
  public int endCut() {
    return endCut;
  }

  /** The occurrence's key: its tokens' keys (the first as read) joined by one space. */
  public String key() {
    return key;
  }

  /** The key of the word before in the sentence, or null. */
  public String prev() {
    return prev;
  }

  /** The key of the word after in the sentence, or null. */
  public String next() {
    return next;
  }

  /** The readings of the word before (empty when there is none). */
  public Set<String> prevReadings() {
    return prevReadings;
  }

  /** The document's cue words (see the rules' {@code cueWords}). */
  public Set<String> context() {
    return context;
  }

  /** Whether the occurrence is a dateline's place. */
  public boolean dateline() {
    return dateline;
  }

  /** Whether the occurrence is in Latin script. */
  public boolean latin() {
    return !Keys.isArabic(key);
  }
}
