package org.marsad.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analysis of a language Marsad has no analyser for (and of {@code und}, a language the
 * identifier could not name): the shared Unicode tokens in lower case ({@code Locale.ROOT}), with
 * no stop list and no stemming; numbers and one-character tokens are dropped as in every language.
 * The keys are the words as written, so counts of such documents stay apart from every analysed
 * language's (they are grouped by their own {@code lang}) and never mix stems of one language with
 * words of another.
 */
public final class GenericAnalyzer implements TextAnalyzer {

  private static final String DROPPED = "";

  private final int slot = Lexicon.newSlot();

  @Override
  public List<Token> analyze(Field field) {
    List<Token> out = new ArrayList<>(field.size());
    Lexicon lex = field.lexicon();
    for (int i = 0; i < field.size(); i++) {
      int id = field.id(i);
      String key = (String) lex.get(slot, id);
      if (key == null) {
        key = key(lex.surface(id));
        key = key == DROPPED ? DROPPED : lex.canonical(key);
        lex.set(slot, id, key);
      }
      if (key != DROPPED) {
        String surface = lex.surface(id);
        out.add(
            new Token(surface, surface, key, field.start(i), field.end(i), field.sentence(i), i));
      }
    }
    return out;
  }

  /** The key of a surface form, or {@link #DROPPED}. */
  static String key(String surface) {
    if (surface.codePointCount(0, surface.length()) < 2) {
      return DROPPED;
    }
    boolean letter = false;
    for (int i = 0; i < surface.length(); i++) {
      if (Character.isLetter(surface.charAt(i))) {
        letter = true;
        break;
      }
    }
    return letter ? surface.toLowerCase(Locale.ROOT) : DROPPED;
  }
}
