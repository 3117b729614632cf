package org.marsad.text;

/**
 * Orthographic normalisation of Arabic (and folding of Latin case) used before any matching or
 * counting, so that spelling variants of one word share a key.
 */
public final class ArabicNormalizer {

  private ArabicNormalizer() {}

  /**
   * Normalises one token: drops diacritics and tatweel, unifies alef forms (أ إ آ ٱ → ا), ى → ي, ة
   * → ه, ؤ → و, ئ → ي, Persian/Urdu letter forms to Arabic ones, Arabic-Indic digits to ASCII, and
   * lower-cases Latin letters.
   */
  public static String normalize(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char n = map(c);
      if (n != 0) {
        out.append(n);
      }
    }
    return out.toString();
  }

  /** True when the character is an Arabic letter (after normalisation or not). */
  public static boolean isArabicLetter(char c) {
    return (c >= '\u0621' && c <= '\u064A')
        || (c >= '\u0671' && c <= '\u06D3')
        || (c >= '\u06FA' && c <= '\u06FC')
        || (c >= '\u0750' && c <= '\u077F');
  }

  /**
   * The index in {@code surface} just past its first {@code letters} letters (diacritics and
   * tatweel do not count, and diacritics that follow are passed too): where a word starts once its
   * clitic letters are removed.
   */
  public static int skipLetters(String surface, int letters) {
    int i = 0;
    int seen = 0;
    while (i < surface.length() && seen < letters) {
      char c = surface.charAt(i);
      if (!isDiacritic(c) && c != '\u0640') {
        seen++;
      }
      i++;
    }
    while (i < surface.length() && isDiacritic(surface.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Maps one character to its normalised form, or 0 to drop it. */
  static char map(char c) {
    if (c < 0x80) {
      return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    }
    if (isDiacritic(c) || c == '\u0640') {
      return 0;
    }
    switch (c) {
      case '\u0622': // آ
      case '\u0623': // أ
      case '\u0625': // إ
      case '\u0671': // ٱ
      case '\u0672':
      case '\u0673':
        return '\u0627';
      case '\u0649': // ى
      case '\u06CC': // Persian ya
      case '\u06D2':
      case '\u064A':
        return '\u064A';
      case '\u0626': // ئ
        return '\u064A';
      case '\u0624': // ؤ
        return '\u0648';
      case '\u0629': // ة
      case '\u06C0':
      case '\u06C1':
      case '\u06BE': // Urdu heh
      case '\u06D5':
        return '\u0647';
      case '\u06A9': // Persian kaf
      case '\u06AA':
        return '\u0643';
      default:
        break;
    }
    if (c >= '\u0660' && c <= '\u0669') {
      return (char) ('0' + (c - '\u0660'));
    }
    if (c >= '\u06F0' && c <= '\u06F9') {
      return (char) ('0' + (c - '\u06F0'));
    }
    return Character.toLowerCase(c);
  }

  /** Arabic harakat, tanween, shadda, sukun, superscript alef and Quranic marks. */
  static boolean isDiacritic(char c) {
    return (c >= '\u064B' && c <= '\u065F')
        || c == '\u0670'
        || (c >= '\u0610' && c <= '\u061A')
        || (c >= '\u06D6' && c <= '\u06ED');
  }
}
