package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.jobs.JobTestSupport.config;
import static org.marsad.jobs.JobTestSupport.table;
import static org.marsad.jobs.JobTestSupport.withDate;
import static org.marsad.jobs.JobTestSupport.writeCorpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.corpus.CorpusOptions;

@Tag("spark")
class CorpusLoadingTest {

  @TempDir Path tmp;

  @Test
  void badRowsGoToRejectedWithReasonsAndNoRowIsLost() {
    String in =
        writeCorpus(
            tmp,
            new String[] {"id", "title", "text", "published_at", "source"},
            new Object[] {
              "a1",
              "ﺍﻟﺨﺮﻃﻮﻡ",
              "قال الوزير إن روسيا والصين تعاونتا.",
              "Sun, 18 Feb 2018 21:35:43 +0400",
              "skynews"
            },
            new Object[] {"a2", null, null, "2018-02-19", "skynews"},
            new Object[] {"a3", null, "  <p> </p> https://x.org ", "2018-02-19", "skynews"},
            new Object[] {"a4", null, "نص عن الاقتصاد", "yesterday", "bbc"},
            new Object[] {"a5", null, "نص آخر عن الرياضة", null, "bbc"},
            new Object[] {"a1", null, "نص مكرر المعرف", "2018-03-01", "bbc"},
            new Object[] {"a6", null, "قال الوزير إن روسيا والصين تعاونتا.", "22/03/2018", null},
            new Object[] {null, null, "بلا معرف", "2018-03-01", "bbc"},
            new Object[] {
              "a7",
              "Oil",
              "Oil prices rose in London as Russia cut output.",
              "2018-03-02",
              "reuters"
            });
    String out = tmp.resolve("out").toString();
    JobResult r =
        MarsadJob.run(
            SharedSpark.get(), config(in, out, withDate("published_at")), MarsadJob.ALL, "test");

    assertThat(r.rowsIn()).isEqualTo(9);
    assertThat(r.documents() + r.rejected()).isEqualTo(r.rowsIn());
    Map<String, String> reasons = new HashMap<>();
    for (Row row : table(out, "rejected").collectAsList()) {
      reasons.put(
          String.valueOf((Object) row.getAs("doc_id")) + "/" + row.getAs("reason"),
          row.getAs("detail"));
      assertThat((String) row.getAs("raw")).startsWith("{");
    }
    assertThat(reasons)
        .containsOnlyKeys(
            "a2/missing_text",
            "a3/empty_text",
            "a4/bad_date",
            "a5/missing_date",
            "a1/duplicate_id",
            "null/missing_id");
    assertThat(reasons.get("a4/bad_date")).contains("'yesterday'").contains("--date-format");

    List<Row> docs = table(out, "documents").orderBy("doc_id").collectAsList();
    assertThat(docs).extracting(d -> (String) d.getAs("doc_id")).containsExactly("a1", "a6", "a7");
    Row a1 = docs.get(0);
    assertThat((String) a1.getAs("title")).isEqualTo("الخرطوم");
    assertThat((String) a1.getAs("period")).isEqualTo("2018-02");
    assertThat(a1.getAs("published_at").toString()).startsWith("2018-02-18 17:35:43");
    assertThat((String) a1.getAs("lang")).isEqualTo("ar");
    Row a6 = docs.get(1);
    assertThat((String) a6.getAs("duplicate_of")).isEqualTo("a1");
    assertThat((String) a6.getAs("source")).isEqualTo("unknown");
    assertThat((String) docs.get(2).getAs("lang")).isEqualTo("en");

    // The duplicate text is flagged, not counted twice.
    long russia =
        table(out, "term_frequencies").filter("term = 'روسيا'").collectAsList().stream()
            .mapToLong(x -> x.getAs("term_count"))
            .sum();
    assertThat(russia).isEqualTo(1);
    assertThat(Files.exists(Path.of(out, "_manifest.json"))).isTrue();
    assertThat(Files.exists(Path.of(out, "_staging"))).isFalse();
  }

  @Test
  void withoutDateOrSourceColumnsEverythingIsPeriodAllAndSourceUnknown() {
    String in =
        writeCorpus(
            tmp,
            new String[] {"id", "text"},
            new Object[] {"x", "روسيا والصين"},
            new Object[] {"y", "الصين"});
    String out = tmp.resolve("out").toString();
    MarsadJob.run(
        SharedSpark.get(), config(in, out, CorpusOptions.defaults()), MarsadJob.ALL, "test");
    List<Row> docs = table(out, "documents").collectAsList();
    assertThat(docs).extracting(d -> (String) d.getAs("period")).containsOnly("all");
    assertThat(docs).extracting(d -> (String) d.getAs("source")).containsOnly("unknown");
    assertThat(table(out, "term_keyness").count()).isZero();
  }
}
