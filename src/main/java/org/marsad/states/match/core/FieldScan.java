package org.marsad.states.match.core;

import java.util.HashSet;
import java.util.Set;
import org.marsad.text.Field;

/**
 * One field of a document under matching (title or body): its shared tokens, their {@link
 * TokenFacts}, and what the field-level rules marked: the sentences about a match, the tokens of a
 * news agency's name, whether the field is written in capitals.
 */
public final class FieldScan {

  private final Field field;
  private final String text;
  private final String[] norm;
  private final TokenFacts[] facts;
  private final boolean allCaps;
  private final Set<Integer> sportSentences = new HashSet<>();
  private final Set<Integer> cueSentences = new HashSet<>();
  private boolean[] masked;
  private boolean[] clubs;

  /**
   * A scan of {@code field} with the facts of its tokens.
   *
   * @param allCaps whether the field is written in capitals (a wire title)
   */
  public FieldScan(Field field, TokenFacts[] facts, boolean allCaps) {
    this.field = field;
    this.text = field.text();
    this.facts = facts;
    this.norm = new String[facts.length];
    for (int i = 0; i < facts.length; i++) {
      norm[i] = facts[i].key();
    }
    this.allCaps = allCaps;
  }

  /** The field's text. */
  public String text() {
    return text;
  }

  /** Number of tokens. */
  public int size() {
    return norm.length;
  }

  /** Key of token {@code i}. */
  public String norm(int i) {
    return norm[i];
  }

  /** Facts of token {@code i}. */
  public TokenFacts facts(int i) {
    return facts[i];
  }

  /** Start offset of token {@code i}. */
  public int start(int i) {
    return field.start(i);
  }

  /** End offset of token {@code i}. */
  public int end(int i) {
    return field.end(i);
  }

  /** Sentence index of token {@code i}. */
  public int sentence(int i) {
    return field.sentence(i);
  }

  /** Token {@code i} as written. */
  public String surface(int i) {
    return field.surface(i);
  }

  /** Whether tokens {@code a} and {@code b} are both in the field and in one sentence. */
  public boolean sameSentence(int a, int b) {
    return a >= 0 && b >= 0 && a < size() && b < size() && sentence(a) == sentence(b);
  }

  /** Whether the field is written in capitals. */
  public boolean allCaps() {
    return allCaps;
  }

  /** The sentences about a sports match (see the sports rule). */
  public Set<Integer> sportSentences() {
    return sportSentences;
  }

  /** The sentences with any sport cue, strong or weak. */
  public Set<Integer> cueSentences() {
    return cueSentences;
  }

  /** Marks tokens as part of a news agency's name (null: none). */
  public void mask(boolean[] masked) {
    this.masked = masked;
  }

  /** Whether token {@code i} belongs to a news agency's name. */
  public boolean masked(int i) {
    return masked != null && i < size() && masked[i];
  }

  /** Marks tokens as part of a sports club's name (null: none). */
  public void clubs(boolean[] clubs) {
    this.clubs = clubs;
  }

  /** Whether token {@code i} belongs to a sports club's name (ريال مدريد, الأهلي المصري). */
  public boolean club(int i) {
    return clubs != null && i >= 0 && i < size() && clubs[i];
  }

  /** Whether a reading of token {@code j} is in {@code words}. */
  public boolean matchesAny(int j, Set<String> words) {
    for (Reading r : facts[j].readings()) {
      if (words.contains(r.key())) {
        return true;
      }
    }
    return false;
  }

  /** Whether token {@code j} or one of its readings is {@code word}. */
  public boolean matchesToken(int j, String word) {
    if (norm[j].equals(word)) {
      return true;
    }
    for (Reading r : facts[j].readings()) {
      if (r.key().equals(word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether token {@code i} starts the field or a line. */
  public boolean startsLine(int i) {
    if (i == 0) {
      return true;
    }
    return text.substring(end(i - 1), start(i)).indexOf('\n') >= 0;
  }

  /** The character before {@code at} skipping spaces (0 at the start). */
  public char charBefore(int at) {
    int k = at - 1;
    while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\u00A0')) {
      k--;
    }
    return k < 0 ? 0 : text.charAt(k);
  }

  /** The character at or after {@code at} skipping spaces (0 at the end). */
  public char charAfter(int at) {
    int k = at;
    while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\u00A0')) {
      k++;
    }
    return k >= text.length() ? 0 : text.charAt(k);
  }

  /** A dash, en dash, em dash or tatweel. */
  public static boolean isDash(char c) {
    return c == '-' || c == '\u2013' || c == '\u2014' || c == '\u0640';
  }
}
