package org.marsad.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marsad.corpus.CorpusOptions;
import org.marsad.jobs.JobConfig;
import org.marsad.states.match.StateSettings;
import org.marsad.text.Analysis;
import org.marsad.topics.TopicSettings;

/** A job configuration with the packaged defaults, for the benchmark tools. */
final class BenchConfig {

  private BenchConfig() {}

  static JobConfig of(String input, CorpusOptions corpus) {
    Analysis a = Analysis.defaults();
    return new JobConfig(
        List.of(input),
        "unused",
        corpus,
        a,
        false,
        5,
        5,
        StateSettings.defaults(a),
        Set.of("name", "adjective", "capital"),
        true,
        true,
        1,
        TopicSettings.defaults(),
        5,
        Map.of(),
        null,
        false,
        org.marsad.stories.DedupMode.NEAR);
  }
}
