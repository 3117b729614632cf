package org.marsad.stories;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;
import org.marsad.bench.StoryEval;
import org.marsad.bench.StoryEval.Article;
import org.marsad.bench.StoryEval.Copy;
import org.marsad.bench.StoryEval.Score;
import org.marsad.corpus.DateParser;

/**
 * The evaluation of {@code StoryEval} in small and deterministic: made-up reprints of 120 sample
 * articles (JawharaFM) mixed into the sample corpus, scored by pairwise precision and recall.
 */
@Tag("spark")
class StoryEvalTest {

  @Test
  void reprintsOfSampleArticlesAreFoundAndNothingElseIsJoined() {
    DateParser dates = new DateParser(List.of());
    List<Article> sample = new ArrayList<>();
    for (Row r :
        SharedSpark.get()
            .read()
            .parquet(SharedSpark.repo().resolve("sample-data/corpus").toString())
            .select(col("id"), col("source"), col("title"), col("text"), col("published_at"))
            .orderBy("id")
            .collectAsList()) {
      if (r.isNullAt(3) || r.getString(3).isBlank()) {
        continue;
      }
      sample.add(
          new Article(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.isNullAt(4) ? null : dates.parse(r.getString(4)),
              null));
    }
    Map<String, String> sampleTruth = StoryEval.truthOfCorpus(sample);
    List<Copy> copies =
        StoryEval.makeCopies(StoryEval.pickOriginals(sample, sampleTruth, 120, 3), 3);
    List<Article> all = new ArrayList<>(sample);
    Map<String, String> truth = new HashMap<>(sampleTruth);
    for (Copy c : copies) {
      all.add(c.doc());
      truth.put(c.doc().docId(), sampleTruth.get(c.originalId()));
    }
    Map<String, String> predicted =
        StoryEval.detect(SharedSpark.get(), all, StoryParams.defaults(), DedupMode.NEAR);

    Set<String> easy = new HashSet<>(sampleTruth.keySet());
    Set<String> everything = new HashSet<>(sampleTruth.keySet());
    for (Copy c : copies) {
      everything.add(c.doc().docId());
      if (c.share() >= 0.8) {
        easy.add(c.doc().docId());
      }
    }
    assertThat(easy.size() - sample.size()).isGreaterThan(100);
    Score s = StoryEval.score(easy, truth, predicted);
    assertThat(s.precision()).as("precision, share >= 0.8: %s", s).isGreaterThanOrEqualTo(0.95);
    assertThat(s.recall()).as("recall, share >= 0.8: %s", s).isGreaterThanOrEqualTo(0.95);
    Score a = StoryEval.score(everything, truth, predicted);
    assertThat(a.precision()).as("precision, all copies: %s", a).isGreaterThanOrEqualTo(0.95);
    assertThat(a.recall()).as("recall, all copies: %s", a).isGreaterThanOrEqualTo(0.85);
  }
}
