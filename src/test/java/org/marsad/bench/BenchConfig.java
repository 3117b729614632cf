package org.marsad.bench;

import java.util.List;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.LoadSettings;
import org.marsad.io.OutputSettings;
import org.marsad.jobs.JobConfig;
import org.marsad.pipeline.SettingValues;

/** A job configuration with the packaged defaults, for the benchmark tools. */
final class BenchConfig {

  private BenchConfig() {}

  static JobConfig of(String input, CorpusOptions corpus) {
    return JobConfig.of(
        org.marsad.jobs.JobTestSupport.corpusValues(
            SettingValues.defaults(JobConfig.SETTINGS)
                .with(LoadSettings.INPUT, List.of(input))
                .with(OutputSettings.OUTPUT, "unused"),
            corpus));
  }
}
