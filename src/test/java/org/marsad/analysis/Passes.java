package org.marsad.analysis;

import java.util.List;
import java.util.Set;
import org.marsad.corpus.CorpusOptions;
import org.marsad.pipeline.Extractor;
import org.marsad.states.StatesExtractor;
import org.marsad.states.match.StateSettings;
import org.marsad.stories.FingerprintExtractor;
import org.marsad.stories.StoryParams;
import org.marsad.terms.TermsExtractor;
import org.marsad.text.Analysis;

/** The extractors and pass settings of a default run, for tests and benchmark tools. */
public final class Passes {

  /** The forms counted by default. */
  public static final Set<String> DEFAULT_FORMS = Set.of("name", "adjective", "capital");

  private Passes() {}

  /** Terms, states (packaged gazetteer, default forms) and story fingerprints. */
  public static List<Extractor.Factory> extractors(Analysis a) {
    return List.of(
        TermsExtractor.FACTORY,
        StatesExtractor.factory(StateSettings.defaults(a), DEFAULT_FORMS),
        FingerprintExtractor.factory(StoryParams.defaults()));
  }

  /** Pass settings of {@code corpus} with the default extractors. */
  public static PassSettings settings(CorpusOptions corpus, Analysis a) {
    return PassSettings.of(corpus, a, extractors(a));
  }
}
