package org.marsad.text;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans raw article text before analysis: Unicode NFKC (Arabic presentation forms become plain
 * letters), HTML tags and entities, URLs and invisible formatting characters.
 */
public final class TextCleaner {

  private static final Pattern TAG =
      Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>|<!--.*?-->|</?[a-z][^<>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"'«»]+");
  private static final Pattern SPACES =
      Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("laquo", "«"),
          Map.entry("raquo", "»"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("hellip", "…"),
          Map.entry("zwnj", "\u200C"),
          Map.entry("zwj", ""),
          Map.entry("lrm", ""),
          Map.entry("rlm", ""),
          Map.entry("shy", ""),
          Map.entry("copy", "©"),
          Map.entry("reg", "®"),
          Map.entry("eacute", "é"),
          Map.entry("egrave", "è"),
          Map.entry("agrave", "à"),
          Map.entry("ccedil", "ç"),
          Map.entry("euro", "€"));

  private TextCleaner() {}

  /** Returns the cleaned text, or null for null input. */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw;
    if (s.indexOf('<') >= 0) {
      s = TAG.matcher(s).replaceAll(" ");
    }
    if (s.indexOf('&') >= 0) {
      s = decodeEntities(s);
    }
    if (mayNeedNfkc(s) && !Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
    if (s.contains("http") || s.contains("www.") || s.contains("ftp:")) {
      s = URL.matcher(s).replaceAll(" ");
    }
    s = removeInvisible(s);
    if (hasOddSpaces(s)) {
      s = SPACES.matcher(s).replaceAll(" ");
    }
    return s.strip();
  }

  /**
   * False when every character is ASCII or a basic Arabic letter, digit or punctuation mark
   * (U+0600–U+06FF), which NFKC leaves as they are (but for the order of stacked diacritics, which
   * analysis drops anyway): the common case skips a full normalisation pass.
   */
  static boolean mayNeedNfkc(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80
          && (c < '\u0600' || c > '\u06FF')
          && c != '\u00A0'
          && (c < '\u2000' || c > '\u206F')) {
        return true;
      }
    }
    return false;
  }

  private static boolean joinsArabicLetters(String s, int i) {
    return i > 0
        && i + 1 < s.length()
        && ArabicNormalizer.isArabicLetter(s.charAt(i - 1))
        && ArabicNormalizer.isArabicLetter(s.charAt(i + 1));
  }

  private static boolean hasOddSpaces(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t'
          || c == '\u000B'
          || c == '\f'
          || c == '\u00A0'
          || (c >= '\u2000' && c <= '\u200A')
          || c == '\u202F'
          || c == '\u205F'
          || c == '\u3000'
          || (c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ')) {
        return true;
      }
    }
    return false;
  }

  static String decodeEntities(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      String e = m.group(1);
      String rep;
      if (e.charAt(0) == '#') {
        int cp;
        try {
          cp =
              (e.length() > 1 && (e.charAt(1) == 'x' || e.charAt(1) == 'X'))
                  ? Integer.parseInt(e.substring(2), 16)
                  : Integer.parseInt(e.substring(1));
        } catch (NumberFormatException ex) {
          cp = -1;
        }
        rep = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
      } else {
        rep = NAMED.getOrDefault(e.toLowerCase(java.util.Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(rep));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Drops zero-width and bidi control characters, keeps line breaks. The zero-width non-joiner
   * (U+200C) is kept between two Arabic-script letters: Persian (and Urdu, Kurdish) writes it
   * inside words, before the plural ها and after the verbal prefix می (کتاب‌ها، می‌گوید); dropping
   * it would glue them to the word. The tokeniser splits there (as Lucene's PersianCharFilter
   * does), and the Persian stop set holds ها and می. Arabic text does not use it (no occurrence
   * between Arabic letters in ANT and JawharaFM).
   */
  static String removeInvisible(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean invisible =
          ((c >= '\u200B' && c <= '\u200F') && !(c == '\u200C' && joinsArabicLetters(s, i)))
              || (c >= '\u202A' && c <= '\u202E')
              || (c >= '\u2060' && c <= '\u2069')
              || c == '\uFEFF'
              || c == '\u00AD'
              || c == '\u061C';
      if (invisible) {
        if (out == null) {
          out = new StringBuilder(s.length());
          out.append(s, 0, i);
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}
