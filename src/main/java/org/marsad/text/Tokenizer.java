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

  /** Cuts {@code text} into raw tokens with offsets and sentence indices. */
  public static List<RawToken> tokenize(String text) {
    List<RawToken> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int n = text.length();
    int sentence = 0;
    boolean sentencePending = false;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isWordChar(c)) {
        int start = i;
        boolean base = false;
        while (i < n && (isWordChar(text.charAt(i)) || isInnerJoiner(text, i))) {
          base |= isBase(text.charAt(i));
          i++;
        }
        if (!base) {
          continue;
        }
        if (sentencePending) {
          sentence++;
          sentencePending = false;
        }
        out.add(new RawToken(text.substring(start, i), start, i, sentence, out.size()));
      } else {
        if (isSentenceEnd(text, i) && !out.isEmpty()) {
          sentencePending = true;
        }
        i++;
      }
    }
    return out;
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

  static boolean isWordChar(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    int t = Character.getType(c);
    return Character.isLetterOrDigit(c)
        || t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  /** A letter or digit that survives normalisation (tatweel and marks do not). */
  private static boolean isBase(char c) {
    return c < 0x80 ? c != '\'' && c != '-' : c != '\u0640' && Character.isLetterOrDigit(c);
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
