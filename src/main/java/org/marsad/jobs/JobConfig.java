package org.marsad.jobs;

import java.util.List;
import java.util.Map;
import org.marsad.corpus.CorpusOptions;
import org.marsad.io.postgres.PostgresTarget;
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
 * @param states gazetteer settings of the states stage
 * @param forms mention forms counted in state counts and co-mentions
 * @param documentScope compute co-mentions at document scope
 * @param sentenceScope compute co-mentions at sentence scope
 * @param minCoDocs minimum co-mentioning units for a pair to be reported
 * @param topics settings of the topics stage
 * @param minTopicStateDocs minimum documents naming a state for a topic_states row
 * @param resolved every setting with its resolved value, for the log and the manifest (no password:
 *     the PostgreSQL password is read only when connecting)
 * @param postgres the PostgreSQL schema every table is also written to, or null
 * @param overwrite write into a non-empty folder that holds no Marsad run, and delete files Marsad
 *     did not write inside the folders it replaces (see {@code org.marsad.io.OutputFolder})
 * @param dedup what counts as one unit in the statistics: a story (near duplicates folded, the
 *     default), an exact text, or every document
 */
public record JobConfig(
    List<String> inputs,
    String output,
    CorpusOptions corpus,
    Analysis analysis,
    boolean csv,
    long minCollocationCount,
    long minKeynessCount,
    org.marsad.states.match.StateSettings states,
    java.util.Set<String> forms,
    boolean documentScope,
    boolean sentenceScope,
    long minCoDocs,
    org.marsad.topics.TopicSettings topics,
    long minTopicStateDocs,
    Map<String, String> resolved,
    PostgresTarget postgres,
    boolean overwrite,
    org.marsad.stories.DedupMode dedup) {

  /** Validates the values a user can get wrong. */
  public JobConfig {
    inputs = List.copyOf(inputs);
    resolved = Map.copyOf(resolved);
    forms = java.util.Set.copyOf(forms);
    for (String f : forms) {
      if (!java.util.Set.of("name", "adjective", "capital", "city", "team").contains(f)) {
        throw new IllegalArgumentException(
            "Cannot use --forms: unknown form ("
                + f
                + "); use name, adjective, capital, city or team");
      }
    }
    if (!documentScope && !sentenceScope) {
      throw new IllegalArgumentException("Cannot use --scope: use document, sentence or both");
    }
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("Cannot run: no output folder; set --output DIR");
    }
    if (dedup == null) {
      dedup = org.marsad.stories.DedupMode.NEAR;
    }
    if (minCollocationCount < 1 || minKeynessCount < 1) {
      throw new IllegalArgumentException("Cannot run: minimum counts must be at least 1");
    }
  }

  /** This config, also writing the tables to {@code target} (null: not to PostgreSQL). */
  public JobConfig withPostgres(PostgresTarget target) {
    return new JobConfig(
        inputs,
        output,
        corpus,
        analysis,
        csv,
        minCollocationCount,
        minKeynessCount,
        states,
        forms,
        documentScope,
        sentenceScope,
        minCoDocs,
        topics,
        minTopicStateDocs,
        resolved,
        target,
        overwrite,
        dedup);
  }

  /** This config with {@code --overwrite} on or off. */
  public JobConfig withOverwrite(boolean on) {
    return new JobConfig(
        inputs,
        output,
        corpus,
        analysis,
        csv,
        minCollocationCount,
        minKeynessCount,
        states,
        forms,
        documentScope,
        sentenceScope,
        minCoDocs,
        topics,
        minTopicStateDocs,
        resolved,
        postgres,
        on,
        dedup);
  }

  /** This config counting {@code mode}'s units (stories, exact texts or documents). */
  public JobConfig withDedup(org.marsad.stories.DedupMode mode) {
    return new JobConfig(
        inputs,
        output,
        corpus,
        analysis,
        csv,
        minCollocationCount,
        minKeynessCount,
        states,
        forms,
        documentScope,
        sentenceScope,
        minCoDocs,
        topics,
        minTopicStateDocs,
        resolved,
        postgres,
        overwrite,
        mode);
  }
}
