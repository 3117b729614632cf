package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.jobs.JobTestSupport.config;
import static org.marsad.jobs.JobTestSupport.table;
import static org.marsad.jobs.JobTestSupport.withDate;
import static org.marsad.jobs.JobTestSupport.writeCorpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.stories.DedupMode;

/**
 * Stories in a run: a wire dispatch reprinted by another outlet with a new headline and its own
 * boilerplate is one story, counted once in the statistics, while the raw counts keep the reprint.
 */
@Tag("spark")
class StoriesJobTest {

  @TempDir Path tmp;

  private static final String DISPATCH =
      "قال وزير الخارجية الروسي إن موسكو وطهران اتفقتا على توسيع التعاون الاقتصادي بين البلدين."
          + " وأضاف في مؤتمر صحفي عقده في العاصمة الإيرانية أن المباحثات تناولت مشاريع الطاقة"
          + " والنقل والتجارة، وأن الجانبين سيوقعان اتفاقيات جديدة خلال الأشهر المقبلة. وأشار إلى"
          + " أن روسيا وإيران تعملان على زيادة التبادل التجاري بالعملات المحلية وتطوير خطوط"
          + " الشحن عبر بحر قزوين، مؤكدا أن العلاقات بين البلدين تشهد تطورا مستمرا في مختلف"
          + " المجالات السياسية والاقتصادية والثقافية.";

  private String corpus() {
    return writeCorpus(
        tmp,
        new String[] {"id", "title", "text", "published_at", "source"},
        new Object[] {"w1", "روسيا وإيران توسعان التعاون", DISPATCH, "2021-09-01 08:00:00", "wire"},
        new Object[] {
          "r1",
          "موسكو وطهران: اتفاقيات جديدة قريبا",
          DISPATCH + " المصدر: وكالة الأنباء. تابعونا على مواقع التواصل.",
          "2021-09-01 11:30:00",
          "daily"
        },
        new Object[] {
          "x1",
          "مباراة",
          "فاز الفريق المحلي في مباراة كرة القدم أمس بثلاثة أهداف مقابل هدف واحد في الملعب"
              + " البلدي أمام جمهور كبير.",
          "2021-09-02 10:00:00",
          "daily"
        });
  }

  @Test
  void aReprintIsOneStoryCountedOnceWithItsRawCountKept() throws Exception {
    String in = corpus();
    String out = tmp.resolve("near").toString();
    MarsadJob.run(
        SharedSpark.get(), config(in, out, withDate("published_at")), MarsadJob.ALL, "test");
    Map<String, String> story = new HashMap<>();
    for (Row d : table(out, "documents").collectAsList()) {
      story.put(d.getAs("doc_id"), d.getAs("story_id"));
    }
    assertThat(story).containsEntry("w1", "w1").containsEntry("r1", "w1").containsEntry("x1", "x1");
    Row s = table(out, "stories").filter("story_id = 'w1'").first();
    assertThat((Long) s.getAs("docs")).isEqualTo(2L);
    assertThat((Integer) s.getAs("sources")).isEqualTo(2);
    assertThat((String) s.getAs("first_source")).isEqualTo("wire");
    assertThat((Double) s.getAs("span_hours"))
        .isCloseTo(3.5, org.assertj.core.data.Offset.offset(1e-9));
    Row amp = table(out, "story_amplification").filter("source = 'daily'").first();
    assertThat((Long) amp.getAs("reprints")).isEqualTo(1L);
    // Counted once per story; the raw counts keep the reprint.
    Row iran =
        table(out, "state_counts").filter("state = 'IR'").groupBy().sum("docs", "docs_raw").first();
    assertThat(iran.getLong(0)).isEqualTo(1L);
    assertThat(iran.getLong(1)).isEqualTo(2L);
    Row tf =
        table(out, "term_frequencies")
            .filter("term = 'تعاون'")
            .groupBy()
            .sum("doc_count", "doc_count_raw")
            .first();
    assertThat(tf.getLong(0)).isEqualTo(1L);
    assertThat(tf.getLong(1)).isEqualTo(2L);
    JsonNode m = new ObjectMapper().readTree(Files.readString(Path.of(out, "_manifest.json")));
    assertThat(m.get("dedup").get("mode").asText()).isEqualTo("near");
    assertThat(m.get("dedup").get("folded").asLong()).isEqualTo(1L);

    // --dedup none: every document counts.
    String none = tmp.resolve("none").toString();
    MarsadJob.run(
        SharedSpark.get(),
        config(in, none, withDate("published_at")).withDedup(DedupMode.NONE),
        java.util.Set.of(MarsadJob.Stage.STATES),
        "test");
    Row iranAll =
        table(none, "state_counts")
            .filter("state = 'IR'")
            .groupBy()
            .sum("docs", "docs_raw")
            .first();
    assertThat(iranAll.getLong(0)).isEqualTo(2L);
    assertThat(iranAll.getLong(1)).isEqualTo(2L);
    assertThat(table(none, "stories").count()).isEqualTo(3L);
  }
}
