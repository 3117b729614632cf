package org.marsad.text;

import java.util.List;

/** Turns a text into the tokens that count: stop words out, every kept token with its term key. */
public interface TextAnalyzer {

  /** Analyses {@code text} (already cleaned); never null. */
  List<Token> analyze(String text);
}
