package org.marsad.analysis;

import java.io.Serializable;
import java.util.List;
import org.marsad.boilerplate.Boilerplate;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.DateParser;
import org.marsad.pipeline.Extractor;
import org.marsad.text.Analysis;

/**
 * Everything the analysis pass needs on an executor, serializable: how to read the corpus's columns
 * and dates, the word lists in force (their contents, not paths), and the capabilities' extractors
 * in the order they run.
 *
 * @param corpus column names, date formats, period
 * @param dates the date parser
 * @param analysis analysers' word lists
 * @param extractors the capabilities' per-document extractors, in order (states before those that
 *     read the states named)
 * @param boilerplate the lines removed from the text before analysis
 */
public record PassSettings(
    CorpusOptions corpus,
    DateParser dates,
    Analysis analysis,
    List<Extractor.Factory> extractors,
    Boilerplate boilerplate)
    implements Serializable {

  /** Copies the extractors. */
  public PassSettings {
    extractors = List.copyOf(extractors);
  }

  /** Settings with dates read as {@code corpus} says. */
  public static PassSettings of(
      CorpusOptions corpus, Analysis analysis, List<Extractor.Factory> extractors) {
    return new PassSettings(corpus, corpus.dateParser(), analysis, extractors, Boilerplate.NONE);
  }

  /** These settings removing {@code b}'s lines. */
  public PassSettings withBoilerplate(Boilerplate b) {
    return new PassSettings(corpus, dates, analysis, extractors, b);
  }
}
