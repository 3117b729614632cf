package org.marsad.pipeline;

import java.util.List;
import org.marsad.text.Field;
import org.marsad.text.Token;

/**
 * One document inside the analysis pass, as every extractor sees it: its language, its two fields
 * tokenised once, the tokens the language's analyser kept, and what earlier extractors found (the
 * states named). Not thread-safe; one document at a time.
 */
public final class PassDoc {

  private final String lang;
  private final Field title;
  private final Field body;
  private final List<List<Token>> kept;
  private List<NamedState> states = List.of();

  /**
   * A document.
   *
   * @param lang its language
   * @param title the title field (empty when none)
   * @param body the body field
   * @param kept the analyser's kept tokens of the title and of the body
   */
  public PassDoc(String lang, Field title, Field body, List<List<Token>> kept) {
    this.lang = lang;
    this.title = title;
    this.body = body;
    this.kept = kept;
  }

  /** The language. */
  public String lang() {
    return lang;
  }

  /** The title field (0). */
  public Field title() {
    return title;
  }

  /** The body field (1). */
  public Field body() {
    return body;
  }

  /** Field {@code i}: 0 the title, 1 the body. */
  public Field field(int i) {
    return i == 0 ? title : body;
  }

  /** The kept tokens (stop words out) of the title and of the body. */
  public List<List<Token>> kept() {
    return kept;
  }

  /** Kept tokens of both fields. */
  public int keptTokens() {
    return kept.get(0).size() + kept.get(1).size();
  }

  /** Sentences of both fields. */
  public int sentences() {
    return title.sentences() + body.sentences();
  }

  /** The states named, in text order (set by the states extractor; empty before it). */
  public List<NamedState> states() {
    return states;
  }

  /** Records the states named (the states extractor). */
  public void states(List<NamedState> found) {
    this.states = List.copyOf(found);
  }
}
