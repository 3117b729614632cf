package org.marsad.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Unicode word tokeniser: a token is a maximal run of letters, combining marks and digits (so
 * Arabic words with diacritics or tatweel stay whole) holding at least one letter or digit other
 * than tatweel; everything else separates tokens, including a run of marks or tatweel alone (a
 * stray kasra or a ــــ dash between words), which would normalise to nothing. Sentence boundaries
 * are full stops, question and exclamation marks (Latin and Arabic), semicolons and line breaks.
 */
public final class Tokenizer {

  private Tokenizer() {}

  /** Receives the tokens of a text in order. */
  interface Sink {
    /**
     * A token at [start, end) in sentence {@code sentence}, whose Java string hash is {@code hash}.
     */
    void token(int start, int end, int sentence, int hash);
  }

  /** Cuts {@code text} into raw tokens with offsets and sentence indices. */
  public static List<RawToken> tokenize(String text) {
    List<RawToken> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    scan(
        text,
        (start, end, sentence, hash) ->
            out.add(new RawToken(text.substring(start, end), start, end, sentence, out.size())));
    return out;
  }

  /** Cuts {@code text} into tokens, handing each to {@code sink} with its string hash. */
  static void scan(String text, Sink sink) {
    int n = text.length();
    int sentence = 0;
    boolean sentencePending = false;
    boolean any = false;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isWordChar(c)) {
        int start = i;
        boolean base = false;
        int hash = 0;
        while (i < n) {
          char d = text.charAt(i);
          if (!isWordChar(d) && !isInnerJoiner(text, i)) {
            break;
          }
          base |= isBase(d);
          hash = 31 * hash + d;
          i++;
        }
        if (!base) {
          continue;
        }
        if (sentencePending) {
          sentence++;
          sentencePending = false;
        }
        any = true;
        sink.token(start, i, sentence, hash);
      } else {
        if (any && isSentenceEnd(text, i)) {
          sentencePending = true;
        }
        i++;
      }
    }
  }

  /**
   * True when the character at {@code i} ends a sentence (a dot between word characters does not).
   */
  public static boolean isSentenceEnd(String text, int i) {
    char c = text.charAt(i);
    switch (c) {
      case '!':
      case '?':
      case '\u061F': // ؟
      case '\u061B': // ؛
      case ';':
      case '\n':
      case '\r':
      case '\u06D4': // Arabic full stop
      case '\u2026': // …
        return true;
      case '.':
        // A dot between two digits (3.5) or two letters without space (U.S.) is no sentence end.
        return !(i + 1 < text.length() && isWordChar(text.charAt(i + 1)));
      default:
        return false;
    }
  }

  // Character classes of every UTF-16 unit, computed once: bit 1 word character (letter, digit or
  // mark), bit 2 base character (a letter or digit that survives normalisation).
  private static final byte[] CLASS = new byte[65536];

  static {
    for (int c = 0; c < 65536; c++) {
      boolean word;
      boolean base;
      if (c < 0x80) {
        word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        base = word;
      } else {
        int t = Character.getType(c);
        word =
            Character.isLetterOrDigit(c)
                || t == Character.NON_SPACING_MARK
                || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
        base = c != '\u0640' && Character.isLetterOrDigit(c);
      }
      CLASS[c] = (byte) ((word ? 1 : 0) | (base ? 2 : 0));
    }
  }

  static boolean isWordChar(char c) {
    return (CLASS[c] & 1) != 0;
  }

  /** A letter or digit that survives normalisation (tatweel and marks do not). */
  private static boolean isBase(char c) {
    return (CLASS[c] & 2) != 0;
  }

  /** An apostrophe or hyphen inside a Latin word (don't, co-operation) keeps the word whole. */
  private static boolean isInnerJoiner(String text, int i) {
    char c = text.charAt(i);
    if (c != '\'' && c != '\u2019' && c != '-') {
      return false;
    }
    return i > 0
        && i + 1 < text.length()
        && isLatin(text.charAt(i - 1))
        && isLatin(text.charAt(i + 1));
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u024F');
  }
}
