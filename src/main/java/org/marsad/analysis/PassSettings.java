package org.marsad.analysis;

import java.io.Serializable;
import java.util.Set;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.DateParser;
import org.marsad.states.match.StateSettings;
import org.marsad.stories.StoryParams;
import org.marsad.text.Analysis;

/**
 * Everything the analysis pass needs on an executor, serializable: how to read the corpus's columns
 * and dates, the word lists and the gazetteer in force (their contents, not paths).
 *
 * @param corpus column names, date formats, period
 * @param dates the date parser
 * @param analysis analysers' word lists
 * @param states gazetteer and context rules
 * @param forms the mention forms counted in co-mentions (for the evidence sentences of pairs)
 * @param stories the parameters of the story fingerprint of each document, or null for none
 */
public record PassSettings(
    CorpusOptions corpus,
    DateParser dates,
    Analysis analysis,
    StateSettings states,
    Set<String> forms,
    StoryParams stories)
    implements Serializable {

  /** The forms counted by default: names, adjectives and capitals. */
  public static final Set<String> DEFAULT_FORMS = Set.of("name", "adjective", "capital");

  /** Copies {@code forms}. */
  public PassSettings {
    forms = Set.copyOf(forms);
  }

  /** Settings with the default forms, dates read as {@code corpus} says. */
  public static PassSettings of(CorpusOptions corpus, Analysis analysis, StateSettings states) {
    return of(corpus, analysis, states, DEFAULT_FORMS);
  }

  /** Settings counting {@code forms} in co-mentions, dates read as {@code corpus} says. */
  public static PassSettings of(
      CorpusOptions corpus, Analysis analysis, StateSettings states, Set<String> forms) {
    return new PassSettings(
        corpus, corpus.dateParser(), analysis, states, forms, StoryParams.defaults());
  }

  /** These settings with story fingerprints of {@code params} (null: none). */
  public PassSettings withStories(StoryParams params) {
    return new PassSettings(corpus, dates, analysis, states, forms, params);
  }
}
