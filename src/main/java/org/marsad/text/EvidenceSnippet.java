package org.marsad.text;

/**
 * The sentence a reader sees as evidence for a number: the sentence (or run of sentences) of a
 * cleaned field around some mentions, at most a given length, with the mentions' offsets within it.
 * A sentence longer than that is cut around the mentions at spaces and marked with "…".
 *
 * @param text the snippet as shown
 * @param spans start and end of each mention within {@code text}, in the order given
 */
public record EvidenceSnippet(String text, int[] spans) {

  /** The evidence tables' limit on a sentence or context, in characters (UTF-16 units). */
  public static final int MAX_CHARS = 300;

  private static final char ELLIPSIS = '\u2026';

  /**
   * The snippet of {@code text} around {@code spans} (start, end, start, end, ...: offsets into
   * {@code text}, end exclusive): from the start of the sentence holding the first mention to the
   * end of the sentence holding the last, cut to {@code max} characters. Null when the mentions are
   * too far apart to fit in {@code max} characters together, or a span is outside the text.
   */
  public static EvidenceSnippet around(String text, int max, int... spans) {
    if (text == null || spans.length == 0 || spans.length % 2 != 0 || max < 3) {
      return null;
    }
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int i = 0; i < spans.length; i += 2) {
      if (spans[i] < 0 || spans[i] > spans[i + 1] || spans[i + 1] > text.length()) {
        return null;
      }
      lo = Math.min(lo, spans[i]);
      hi = Math.max(hi, spans[i + 1]);
    }
    int from = lo;
    while (from > 0 && !Tokenizer.isSentenceEnd(text, from - 1)) {
      from--;
    }
    int to = hi;
    while (to < text.length() && !Tokenizer.isSentenceEnd(text, to)) {
      to++;
    }
    if (to < text.length() && text.charAt(to) != '\n' && text.charAt(to) != '\r') {
      to++; // keep the sentence's own full stop or question mark
    }
    while (from < lo && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > hi && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    boolean cutStart = false;
    boolean cutEnd = false;
    if (to - from > max) {
      // Room for an ellipsis at each end; the mentions must fit in what is left.
      int room = max - 2;
      if (hi - lo > room) {
        return null;
      }
      int slack = room - (hi - lo);
      int start = Math.max(from, lo - slack / 2);
      int end = Math.min(to, start + room);
      start = Math.max(from, end - room);
      // Cut after a space (or at a mention, which starts and ends a token) so no word is shown in
      // part: a cut at a space is never inside a surrogate pair either.
      while (start < lo && start > from && !Character.isWhitespace(text.charAt(start - 1))) {
        start++;
      }
      while (end > hi && end < to && !Character.isWhitespace(text.charAt(end))) {
        end--;
      }
      cutStart = start > from;
      cutEnd = end < to;
      while (cutStart && start < lo && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (cutEnd && end > hi && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      from = start;
      to = end;
    }
    StringBuilder b = new StringBuilder(to - from + 2);
    if (cutStart) {
      b.append(ELLIPSIS);
    }
    b.append(text, from, to);
    if (cutEnd) {
      b.append(ELLIPSIS);
    }
    int shift = (cutStart ? 1 : 0) - from;
    int[] out = new int[spans.length];
    for (int i = 0; i < spans.length; i++) {
      out[i] = spans[i] + shift;
    }
    return new EvidenceSnippet(b.toString(), out);
  }
}
