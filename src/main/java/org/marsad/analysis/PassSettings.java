package org.marsad.analysis;

import java.io.Serializable;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.DateParser;
import org.marsad.states.match.StateSettings;
import org.marsad.text.Analysis;

/**
 * Everything the analysis pass needs on an executor, serializable: how to read the corpus's columns
 * and dates, the word lists and the gazetteer in force (their contents, not paths).
 *
 * @param corpus column names, date formats, period
 * @param dates the date parser
 * @param analysis analysers' word lists
 * @param states gazetteer and context rules
 */
public record PassSettings(
    CorpusOptions corpus, DateParser dates, Analysis analysis, StateSettings states)
    implements Serializable {

  /** Settings reading dates with the built-in formats and {@code corpus.dateFormats()}. */
  public static PassSettings of(CorpusOptions corpus, Analysis analysis, StateSettings states) {
    return new PassSettings(corpus, corpus.dateParser(), analysis, states);
  }
}
