package org.marsad.text;

import java.util.List;

/** Turns a text into the tokens that count: stop words out, every kept token with its term key. */
public interface TextAnalyzer {

  /** Analyses the tokens of {@code field} (cut once, shared with the state matcher); never null. */
  List<Token> analyze(Field field);

  /** Analyses {@code text} (already cleaned); never null. */
  default List<Token> analyze(String text) {
    return analyze(Field.of(text));
  }
}
