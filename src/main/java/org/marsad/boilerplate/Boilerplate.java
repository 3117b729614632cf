package org.marsad.boilerplate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The boilerplate lines of a corpus, per source, as 64-bit keys of (source, line), and their
 * removal from a document's cleaned text. A line is compared after trimming and collapsing its
 * spaces. Plain Java; it travels to the executors with the analysis pass's settings.
 */
public final class Boilerplate implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Longest line (characters, after trimming) that may be boilerplate. */
  public static final int MAX_LINE_CHARS = 1000;

  /** No boilerplate: {@link #remove} returns the text as it is. */
  public static final Boilerplate NONE = new Boilerplate(new long[0], Map.of());

  private final long[] keys;
  private final Map<String, List<Line>> found;

  /**
   * One boilerplate line of a source.
   *
   * @param line the line (null when longer than the scan keeps)
   * @param documents input rows holding it
   * @param firstDay first day (epoch days) of a row holding it, or null
   * @param lastDay last day, or null
   */
  public record Line(String line, long documents, Integer firstDay, Integer lastDay)
      implements Serializable {}

  /** The boilerplate of {@code keys} ({@link #key}), with the lines found per source. */
  public Boilerplate(long[] keys, Map<String, List<Line>> found) {
    this.keys = keys.clone();
    Arrays.sort(this.keys);
    this.found = Map.copyOf(found);
  }

  /** The lines found per source (for the manifest). */
  public Map<String, List<Line>> found() {
    return found;
  }

  /** Number of boilerplate lines (over all sources). */
  public int size() {
    return keys.length;
  }

  /**
   * A text with its boilerplate lines removed.
   *
   * @param text the text left
   * @param removed lines removed
   */
  public record Removal(String text, int removed) {}

  /** {@code text} (cleaned) of a document of {@code source} without its boilerplate lines. */
  public Removal remove(String source, String text) {
    if (keys.length == 0 || text == null) {
      return new Removal(text, 0);
    }
    StringBuilder out = null;
    int removed = 0;
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      String line = normalize(text.substring(start, end));
      boolean drop = !line.isEmpty() && Arrays.binarySearch(keys, key(source, line)) >= 0;
      if (drop) {
        if (out == null) {
          out = new StringBuilder(n);
          out.append(text, 0, start);
        }
        removed++;
      } else if (out != null) {
        out.append(text, start, Math.min(n, end + 1));
      }
      start = end + 1;
    }
    if (out == null) {
      return new Removal(text, 0);
    }
    return new Removal(out.toString().strip(), removed);
  }

  /**
   * A line as compared: trimmed, runs of white space as one space; empty for a blank line or one
   * longer than {@link #MAX_LINE_CHARS}.
   */
  public static String normalize(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > MAX_LINE_CHARS) {
      return "";
    }
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = !isSpace(c) || (c == ' ' && i + 1 < s.length() && !isSpace(s.charAt(i + 1)));
    }
    if (plain) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean inSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        if (!inSpace) {
          b.append(' ');
        }
        inSpace = true;
      } else {
        b.append(c);
        inSpace = false;
      }
    }
    return b.toString().strip();
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** The 64-bit FNV-1a key of a normalised line of a source. */
  public static long key(String source, String normalizedLine) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, source == null ? "" : source);
    h ^= 0x1F;
    h *= 0x100000001b3L;
    return mix(h, normalizedLine);
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      h ^= c & 0xFF;
      h *= 0x100000001b3L;
      h ^= c >>> 8;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
