package org.marsad.states.match.core;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.marsad.text.ArabicNormalizer;
import org.marsad.text.RawToken;
import org.marsad.text.Tokenizer;

/** How the matcher keys words: the normal form of {@link ArabicNormalizer}, with ’ read as '. */
public final class Keys {

  private Keys() {}

  /** The normal form of {@code s} (alef, ya, ta marbuta, hamza, diacritics; Latin lower case). */
  public static String norm(String s) {
    return ArabicNormalizer.normalize(s);
  }

  /** The normal forms of {@code words}. */
  public static Set<String> norms(Collection<String> words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(norm(w));
    }
    return Set.copyOf(out);
  }

  /** A normal form with the typographic apostrophe ’ read as '. */
  public static String fold(String n) {
    return n.indexOf('\u2019') < 0 ? n : n.replace('\u2019', '\'');
  }

  /** The matching key of a token as written. */
  public static String key(String surface) {
    return fold(norm(surface));
  }

  /** The surfaces of the tokens of {@code s}. */
  public static String[] surfaceTokens(String s) {
    return Tokenizer.tokenize(s).stream().map(RawToken::surface).toArray(String[]::new);
  }

  /** The keys of the tokens of {@code s}. */
  public static String[] keys(String s) {
    return Tokenizer.tokenize(s).stream().map(r -> key(r.surface())).toArray(String[]::new);
  }

  /** The keys of the tokens of {@code s}, joined by one space. */
  public static String joinedKey(String s) {
    return String.join(" ", keys(s));
  }

  /** Whether the two sets share an element (iterating over the smaller). */
  public static boolean anyIn(Set<String> a, Set<String> b) {
    Set<String> small = a.size() < b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    for (String s : small) {
      if (large.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** A key without a leading conjunction و or ف (when more than three letters remain). */
  public static String stripConj(String n) {
    return n.length() > 3 && (n.charAt(0) == 'و' || n.charAt(0) == 'ف') ? n.substring(1) : n;
  }

  /** Whether {@code s} is a non-empty run of digits. */
  public static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the key starts with an Arabic letter. */
  public static boolean isArabic(String key) {
    return !key.isEmpty() && ArabicNormalizer.isArabicLetter(key.charAt(0));
  }
}
