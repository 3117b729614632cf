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
  void aSourcesBoilerplateLineIsRemovedBeforeAnalysisAndCounted() throws Exception {
    String byline = "Reporting by the Jawhara newsroom";
    Object[][] rows = new Object[14][];
    for (int i = 0; i < 12; i++) {
      String text = "Oil prices moved " + (i % 2 == 0 ? "up" : "down") + " in week " + i + ".";
      rows[i] = new Object[] {"b" + i, text + "\n" + byline, "2018-01-" + (10 + i), "jawhara"};
    }
    rows[12] = new Object[] {"b12", byline, "2018-01-25", "jawhara"}; // nothing else: rejected
    rows[13] = new Object[] {"c1", "Markets.\n" + byline, "2018-01-25", "other"}; // other source
    String in = writeCorpus(tmp, new String[] {"id", "text", "published_at", "source"}, rows);
    String out = tmp.resolve("out").toString();
    JobResult r =
        MarsadJob.run(
            SharedSpark.get(),
            config(in, out, withDate("published_at")),
            java.util.Set.of(MarsadJob.Stage.TERMS),
            "test");
    assertThat(r.rowsIn()).isEqualTo(14);
    assertThat(r.documents()).isEqualTo(13);
    assertThat(table(out, "rejected").collectAsList())
        .singleElement()
        .satisfies(x -> assertThat((String) x.getAs("detail")).contains("boilerplate"));
    // The byline is counted once, in the other source's document only.
    List<Row> jawhara =
        table(out, "term_frequencies")
            .filter("term = 'jawhara' AND period <> 'all'")
            .collectAsList();
    assertThat(jawhara).isNotEmpty();
    assertThat(jawhara.stream().mapToLong(x -> x.getAs("term_count")).sum()).isEqualTo(1);
    assertThat(Files.readString(Path.of(out, "_manifest.json")))
        .contains("\"boilerplate\"")
        .contains("\"line\" : \"" + byline + "\"")
        .contains("\"removed\" : 13");
  }

  @Test
  void aUsDatedCorpusIsReadMonthFirstAndTheManifestSaysSo() throws Exception {
    String in =
        writeCorpus(
            tmp,
            new String[] {"id", "text", "date"},
            new Object[] {"u1", "روسيا والصين", "03/09/2021"},
            new Object[] {"u2", "روسيا", "03/19/2021"},
            new Object[] {"u3", "الصين", "12/31/2020 10:30"},
            new Object[] {"u4", "تركيا", "2021-04-01"});
    String out = tmp.resolve("out").toString();
    MarsadJob.run(
        SharedSpark.get(),
        config(in, out, withDate("date")),
        java.util.Set.of(MarsadJob.Stage.TERMS),
        "test");
    Map<String, String> periods = new HashMap<>();
    for (Row d : table(out, "documents").collectAsList()) {
      periods.put(d.getAs("doc_id"), d.getAs("published_at").toString());
    }
    assertThat(periods)
        .containsEntry("u1", "2021-03-09 00:00:00.0")
        .containsEntry("u2", "2021-03-19 00:00:00.0")
        .containsEntry("u3", "2020-12-31 10:30:00.0")
        .containsEntry("u4", "2021-04-01 00:00:00.0");
    assertThat(Files.readString(Path.of(out, "_manifest.json")))
        .contains("\"slash_order\" : \"month-first\"")
        .contains("\"ambiguous\" : false")
        .contains("\"slash_dates\" : 3");

    // The aggregation that decides reads the date column alone (and Parquet's synthetic row index
    // that the reader's _metadata column asks for), not the texts.
    String plan =
        org.marsad.corpus.SlashDates.countsPlan(
            org.marsad.io.CorpusReader.read(SharedSpark.get(), List.of(in)), "date");
    assertThat(plan)
        .contains("ReadSchema: struct<date:string")
        .doesNotContain("text:string")
        .doesNotContain("id:string");
  }

  @Test
  void anAmbiguousCorpusIsReadDayFirstWithANoteAndAMixedOneStops() throws Exception {
    String in =
        writeCorpus(
            tmp.resolve("a"),
            new String[] {"id", "text", "date"},
            new Object[] {"e1", "روسيا", "03/09/2021"},
            new Object[] {"e2", "الصين", "04/10/2021"});
    String out = tmp.resolve("out-a").toString();
    MarsadJob.run(
        SharedSpark.get(),
        config(in, out, withDate("date")),
        java.util.Set.of(MarsadJob.Stage.TERMS),
        "test");
    assertThat(table(out, "documents").filter("doc_id = 'e1'").first().<String>getAs("period"))
        .isEqualTo("2021-09");
    assertThat(Files.readString(Path.of(out, "_manifest.json")))
        .contains("\"slash_order\" : \"day-first\"")
        .contains("\"ambiguous\" : true")
        .contains("set --date-format MM/dd/yyyy");

    String mixed =
        writeCorpus(
            tmp.resolve("m"),
            new String[] {"id", "text", "date"},
            new Object[] {"m1", "روسيا", "31/01/2021"},
            new Object[] {"m2", "الصين", "01/31/2021"});
    String outM = tmp.resolve("out-m").toString();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                MarsadJob.run(
                    SharedSpark.get(),
                    config(mixed, outM, withDate("date")),
                    java.util.Set.of(MarsadJob.Stage.TERMS),
                    "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Cannot read dates: column 'date' mixes day-first slash dates (1 such as 31/01/2021)"
                + " and month-first ones (1 such as 01/31/2021); set --date-format");
    assertThat(Path.of(outM, "documents")).doesNotExist();
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
