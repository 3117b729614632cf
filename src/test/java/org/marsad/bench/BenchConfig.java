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

  /**
   * Corpus options naming the id, text, date and source columns (title, lang and url by their
   * default names), month periods, slash dates day-first.
   */
  static CorpusOptions corpus(String id, String text, String date, String source) {
    return new CorpusOptions(
        id,
        text,
        "title",
        date,
        source,
        "lang",
        "url",
        true,
        true,
        true,
        false,
        false,
        List.of(),
        org.marsad.corpus.Period.MONTH,
        org.marsad.corpus.SlashOrder.DAY_FIRST);
  }

  static JobConfig of(String input, CorpusOptions corpus) {
    return JobConfig.of(
        org.marsad.jobs.JobTestSupport.corpusValues(
            SettingValues.defaults(JobConfig.SETTINGS)
                .with(LoadSettings.INPUT, List.of(input))
                .with(OutputSettings.OUTPUT, "unused"),
            corpus));
  }
}
