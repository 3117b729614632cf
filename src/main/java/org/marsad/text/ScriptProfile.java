package org.marsad.text;

/**
 * Letter counts of a text prefix by script, with the Arabic-script letters that only Persian or
 * Urdu use and those that only Arabic uses: the cheap first step of {@link LanguageIdentifier}.
 *
 * @param arabicScript letters of the Arabic script (Arabic, Persian, Urdu, ...)
 * @param latin Latin letters (ASCII, Latin-1, Latin Extended)
 * @param other letters of any other script (Cyrillic, Han, Devanagari, Hebrew, ...)
 * @param persian پ چ ژ گ ک ی (Persian and Urdu letters that Arabic does not use)
 * @param urdu ٹ ڈ ڑ ں ے ھ ہ ۃ (Urdu letters that neither Arabic nor Persian uses)
 * @param arabic ة ي ك ى (Arabic letters that Persian and Urdu normally replace)
 */
public record ScriptProfile(
    int arabicScript, int latin, int other, int persian, int urdu, int arabic) {

  /** The script that has the most letters. */
  public enum Script {
    /** No letters at all. */
    NONE,
    /** Arabic-script letters are at least as many as Latin and other letters. */
    ARABIC,
    /** Latin letters outnumber the others. */
    LATIN,
    /** Letters of some other script outnumber Arabic and Latin ones. */
    OTHER
  }

  /** Counts the letters of {@code first} and then {@code second}, {@code limit} chars in all. */
  public static ScriptProfile of(CharSequence first, CharSequence second, int limit) {
    Counter c = new Counter();
    int left = c.count(first, limit);
    if (left > 0) {
      c.count(second, left);
    }
    return new ScriptProfile(c.arabicScript, c.latin, c.other, c.persian, c.urdu, c.arabic);
  }

  /** The dominant script; ties between Arabic and Latin go to Arabic (Arabic-first corpora). */
  public Script script() {
    if (arabicScript == 0 && latin == 0 && other == 0) {
      return Script.NONE;
    }
    if (arabicScript >= latin && arabicScript >= other) {
      return Script.ARABIC;
    }
    return latin >= other ? Script.LATIN : Script.OTHER;
  }

  /** All letters counted. */
  public int letters() {
    return arabicScript + latin + other;
  }

  private static final class Counter {
    int arabicScript;
    int latin;
    int other;
    int persian;
    int urdu;
    int arabic;

    /** Counts up to {@code limit} chars of {@code s}; returns how many of the limit are left. */
    int count(CharSequence s, int limit) {
      if (s == null) {
        return limit;
      }
      int n = Math.min(s.length(), limit);
      for (int i = 0; i < n; i++) {
        char ch = s.charAt(i);
        if (ch < 0x80) {
          if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') {
            latin++;
          }
        } else if (ch >= 0x0600 && ch <= 0x06FF) {
          arabicBlock(ch);
        } else if ((ch >= 0x0750 && ch <= 0x077F)
            || (ch >= 0x08A0 && ch <= 0x08FF)
            || (ch >= 0xFB50 && ch <= 0xFDFF)
            || (ch >= 0xFE70 && ch <= 0xFEFF)) {
          if (Character.isLetter(ch)) {
            arabicScript++;
          }
        } else if ((ch >= 0x00C0 && ch <= 0x024F) || (ch >= 0x1E00 && ch <= 0x1EFF)) {
          if (Character.isLetter(ch)) {
            latin++;
          }
        } else if (Character.isLetter(ch) && !Character.isSurrogate(ch)) {
          other++;
        } else if (Character.isHighSurrogate(ch) && i + 1 < n) {
          int cp = Character.toCodePoint(ch, s.charAt(i + 1));
          if (Character.isLetter(cp)) {
            other++;
          }
          i++;
        }
      }
      return limit - n;
    }

    private void arabicBlock(char ch) {
      switch (ch) {
        case '\u067E', '\u0686', '\u0698', '\u06AF', '\u06A9', '\u06CC' -> persian++;
        case '\u0679', '\u0688', '\u0691', '\u06BA', '\u06D2', '\u06BE', '\u06C1', '\u06C3' ->
            urdu++;
        case '\u0629', '\u064A', '\u0643', '\u0649' -> arabic++;
        case '\u0640' -> {
          return; // tatweel stretches a word; it is no letter
        }
        default -> {
          if (!Character.isLetter(ch)) {
            return;
          }
        }
      }
      arabicScript++;
    }
  }
}
