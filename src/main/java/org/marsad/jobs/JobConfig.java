package org.marsad.jobs;

import java.util.List;
import java.util.Map;
import org.marsad.corpus.CorpusOptions;
import org.marsad.text.Analysis;

/**
 * The resolved, validated configuration of one Marsad run (command line over config file over
 * defaults).
 *
 * @param inputs corpus paths (files, folders, globs; any Hadoop filesystem)
 * @param output output folder
 * @param corpus how to read the corpus
 * @param analysis stop-word and protected-word lists in force
 * @param csv also write CSV copies of the tables
 * @param minCollocationCount minimum count of a pair to be reported as a collocation
 * @param minKeynessCount minimum count of a term in a period to be reported in keyness
 * @param resolved every setting with its resolved value, for the log and the manifest
 */
public record JobConfig(
    List<String> inputs,
    String output,
    CorpusOptions corpus,
    Analysis analysis,
    boolean csv,
    long minCollocationCount,
    long minKeynessCount,
    Map<String, String> resolved) {

  /** Validates the values a user can get wrong. */
  public JobConfig {
    inputs = List.copyOf(inputs);
    resolved = Map.copyOf(resolved);
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("Cannot run: no output folder; set --output DIR");
    }
    if (minCollocationCount < 1 || minKeynessCount < 1) {
      throw new IllegalArgumentException("Cannot run: minimum counts must be at least 1");
    }
  }
}
