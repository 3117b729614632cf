package org.marsad.relations.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.marsad.text.Tokenizer;

/**
 * How the relations sets cut a sentence out of a cleaned field and fingerprint it: the same bounds
 * as the evidence snippets ({@code org.marsad.text.EvidenceSnippet}) without a length limit.
 */
final class Sentences {

  private Sentences() {}

  /**
   * The sentence of {@code text} holding [{@code lo}, {@code hi}): from after the previous sentence
   * end ({@link Tokenizer#isSentenceEnd}) to the next one, that full stop or question mark included
   * (a line break is not), without the whitespace at either end.
   *
   * @return {start, end} offsets in {@code text}, end exclusive
   */
  static int[] around(String text, int lo, int hi) {
    int from = lo;
    while (from > 0 && !Tokenizer.isSentenceEnd(text, from - 1)) {
      from--;
    }
    int to = hi;
    while (to < text.length() && !Tokenizer.isSentenceEnd(text, to)) {
      to++;
    }
    if (to < text.length() && text.charAt(to) != '\n' && text.charAt(to) != '\r') {
      to++;
    }
    while (from < lo && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > hi && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return new int[] {from, to};
  }

  // Words a full stop follows without ending a sentence in the wire's English.
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "lt", "col", "capt", "st",
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
          "corp", "inc", "co", "ltd", "plc", "bros", "jr", "sr", "no", "nos", "vs", "pty", "cie",
          "approx", "dept", "est", "fig", "min", "mln", "bln", "pct", "dlrs", "vol");

  /**
   * The sentence of a wire text (Reuters-21578) holding [{@code lo}, {@code hi}). The wire wraps
   * its lines at about 70 characters, so a single line break is no sentence end here; a paragraph
   * (a blank line, or a line break before an indented line, whose indent cleaning leaves as one
   * space) is. A full stop, question or exclamation mark or semicolon ends a sentence when
   * whitespace and then an upper-case letter, a digit or a quote follow, unless the stop ends an
   * abbreviation (U.S., U.K., Mr., Jan., Corp.).
   *
   * @return {start, end} offsets in {@code text}, end exclusive
   */
  static int[] aroundWire(String text, int lo, int hi) {
    int from = lo;
    while (from > 0 && !wireEnd(text, from - 1)) {
      from--;
    }
    int to = hi;
    while (to < text.length() && !wireEnd(text, to)) {
      to++;
    }
    if (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
      to++;
    }
    while (from < lo && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > hi && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return new int[] {from, to};
  }

  /** True when the character at {@code i} ends a wire sentence (see {@link #aroundWire}). */
  static boolean wireEnd(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n' || c == '\r') {
      int j = i + 1;
      if (c == '\r' && j < text.length() && text.charAt(j) == '\n') {
        j++;
      }
      if (j >= text.length()) {
        return true;
      }
      char d = text.charAt(j);
      // A paragraph: a blank line, or an indented line (cleaning leaves one space of the indent).
      return d == '\n' || d == '\r' || d == '\t' || d == ' ';
    }
    if (c != '.' && c != '!' && c != '?' && c != ';') {
      return false;
    }
    int j = i + 1;
    if (j < text.length() && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
      j++;
    }
    if (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
      return false;
    }
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    if (j < text.length()) {
      char n = text.charAt(j);
      if (!(Character.isUpperCase(n) || Character.isDigit(n) || n == '"' || n == '\'')) {
        return false;
      }
    }
    if (c == '.') {
      int k = i;
      while (k > 0 && (Character.isLetter(text.charAt(k - 1)) || text.charAt(k - 1) == '.')) {
        k--;
      }
      String word = text.substring(k, i);
      if (word.contains(".") || word.length() == 1) {
        return false; // U.S, U.K, E.C or an initial
      }
      return !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }
    return true;
  }

  /** The SHA-1 of the sentence's UTF-8 bytes, lower-case hex. */
  static String sha1(String sentence) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(md.digest(sentence.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
