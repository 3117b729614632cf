package org.marsad.boilerplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Lines compared, removed per source, and the decision of which repeated lines are boilerplate. */
@Tag("unit")
class BoilerplateTest {

  private static final String BYLINE = "مراسل الجوهرة";

  @Test
  void linesAreComparedTrimmedWithSpacesCollapsed() {
    assertThat(Boilerplate.normalize("  مراسل \t الجوهرة  ")).isEqualTo(BYLINE);
    assertThat(Boilerplate.normalize(BYLINE)).isSameAs(BYLINE);
    assertThat(Boilerplate.normalize(" \t ")).isEmpty();
    assertThat(Boilerplate.normalize("x".repeat(Boilerplate.MAX_LINE_CHARS + 1))).isEmpty();
    assertThat(Boilerplate.key("A", BYLINE)).isNotEqualTo(Boilerplate.key("B", BYLINE));
    assertThat(Boilerplate.key("A", BYLINE)).isEqualTo(Boilerplate.key("A", BYLINE));
  }

  @Test
  void onlyTheSourcesLinesAreRemovedAndTheOthersKeptAsWritten() {
    Boilerplate b = new Boilerplate(new long[] {Boilerplate.key("A", BYLINE)}, Map.of());
    String text = "زار الوزير روسيا.\n  مراسل  الجوهرة \nوقال إن  الزيارة ناجحة.";
    Boilerplate.Removal r = b.remove("A", text);
    assertThat(r.removed()).isEqualTo(1);
    assertThat(r.text()).isEqualTo("زار الوزير روسيا.\nوقال إن  الزيارة ناجحة.");
    assertThat(b.remove("B", text).text()).isSameAs(text);
    assertThat(b.remove("A", BYLINE).text()).isEmpty();
    assertThat(b.remove("A", "الخبر\n" + BYLINE).text()).isEqualTo("الخبر");
    assertThat(Boilerplate.NONE.remove("A", text).text()).isSameAs(text);
  }

  @Test
  void aRepeatedLineIsBoilerplateWithEnoughDocumentsShareAndDays() {
    BoilerplateParams p = BoilerplateParams.defaults();
    List<Row> rows = new ArrayList<>();
    rows.add(row("A", 0L, 1000, 1, 90, null)); // source A: 1,000 rows
    rows.add(row("B", 0L, 100_000, 1, 90, null)); // source B: 100,000 rows
    rows.add(row("A", 11L, 40, 1, 80, "byline")); // boilerplate
    rows.add(row("A", 12L, 40, 5, 5, "same day")); // one story reprinted the same day
    rows.add(row("B", 13L, 40, 1, 80, "rare")); // under 0.5% of B
    rows.add(row("B", 14L, 600, 1, 80, "footer")); // boilerplate
    rows.add(row("B", 15L, 9, null, null, "undated, too few")); // under 10 documents
    rows.add(row("A", 16L, 12, null, null, "undated")); // no dates: documents and share only
    Boilerplate b = BoilerplateScan.decide(rows, p);
    assertThat(b.size()).isEqualTo(3);
    assertThat(b.found().get("A"))
        .extracting(Boilerplate.Line::line)
        .containsExactly("byline", "undated");
    assertThat(b.found().get("B")).extracting(Boilerplate.Line::line).containsExactly("footer");
    Map<String, Object> m = BoilerplateScan.toManifest(b, p);
    assertThat(m).containsEntry("lines", 3).containsEntry("removed", 652L);
  }

  @Test
  void theScanGivesEachDistinctLineOfARowOnceAndTheRowItself() {
    List<Row> out = new ArrayList<>();
    BoilerplateScan.lines(
            "<p>سطر أول</p>\nسطر ثان\n\n  سطر أول ",
            "A",
            null,
            org.marsad.corpus.CorpusOptions.defaults().dateParser())
        .forEachRemaining(out::add);
    assertThat(out).hasSize(3);
    assertThat(out.get(0).getLong(1)).isZero();
    assertThat(out).extracting(r -> r.getString(3)).containsExactly(null, "سطر أول", "سطر ثان");
  }

  private static Row row(
      String source, long key, long docs, Integer first, Integer last, String l) {
    return RowFactory.create(source, key, docs, first, last, l);
  }
}
