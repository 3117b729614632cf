package org.marsad.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.analysis.Docs;

/** Co-mention measures against values computed by hand. */
@Tag("spark")
class StateStatsTest {

  private static final Set<String> NAMES = Set.of("name");

  @Test
  void documentScopeMeasuresMatchHandValues() {
    // 10 documents in one period: A in d1..d4, B in d3..d5 (co-mentioned in d3, d4).
    Docs d = new Docs();
    for (int i = 1; i <= 10; i++) {
      List<String> m = new ArrayList<>();
      if (i <= 4) {
        m.add("A@0");
      }
      if (i >= 3 && i <= 5) {
        m.add("B@0");
      }
      if (i == 4) {
        m.add("B@0");
      }
      d.add("d" + i, "P", 1, m);
    }
    Dataset<Row> docs = d.dataset();
    List<Row> rows =
        StateStats.comentions(docs, NAMES, true, false, 1).filter("period = 'P'").collectAsList();
    assertThat(rows).hasSize(1);
    Row r = rows.get(0);
    assertThat((String) r.getAs("state_a")).isEqualTo("A");
    assertThat((Long) r.getAs("co_docs")).isEqualTo(2L);
    assertThat((Long) r.getAs("docs_a")).isEqualTo(4L);
    assertThat((Long) r.getAs("docs_b")).isEqualTo(3L);
    assertThat((Long) r.getAs("docs_total")).isEqualTo(10L);
    assertThat((Double) r.getAs("jaccard")).isCloseTo(0.4, within(1e-12));
    assertThat((Double) r.getAs("dice")).isCloseTo(0.5714285714285714, within(1e-12));
    assertThat((Double) r.getAs("pmi")).isCloseTo(0.7369655941662062, within(1e-12));
    assertThat((Double) r.getAs("npmi")).isCloseTo(0.31739380551401475, within(1e-12));
    assertThat((Double) r.getAs("lift")).isCloseTo(1.6666666666666667, within(1e-12));
    assertThat((Double) r.getAs("llr")).isCloseTo(1.265374090222651, within(1e-12));
    assertThat((Double) r.getAs("p_b_given_a")).isCloseTo(0.5, within(1e-12));
    assertThat((Double) r.getAs("p_a_given_b")).isCloseTo(2.0 / 3, within(1e-12));
    // The period 'all' repeats the single period; --min-co-docs filters.
    assertThat(StateStats.comentions(docs, NAMES, true, false, 1).filter("period = 'all'").count())
        .isEqualTo(1);
    assertThat(StateStats.comentions(docs, NAMES, true, false, 3).count()).isZero();
  }

  @Test
  void sentenceScopeCountsSentencesAsUnits() {
    Docs d =
        new Docs()
            .add("d1", "P", 3, List.of("A@0", "B@0", "B@2"))
            .add("d2", "P", 2, List.of("A@1"));
    Row r =
        StateStats.comentions(d.dataset(), NAMES, false, true, 1).filter("period = 'P'").first();
    assertThat((String) r.getAs("scope")).isEqualTo("sentence");
    assertThat((Long) r.getAs("co_docs")).isEqualTo(1L);
    assertThat((Long) r.getAs("docs_a")).isEqualTo(2L);
    assertThat((Long) r.getAs("docs_b")).isEqualTo(2L);
    assertThat((Long) r.getAs("docs_total")).isEqualTo(5L);
  }

  @Test
  void countsGiveDocumentsMentionsAndShares() {
    Docs d =
        new Docs()
            .add("d1", "P", 1, List.of("A@0", "A@0"))
            .add("d2", "P", 1, List.of("A@0", "B@0"))
            .add("d3", "P", 1, List.of())
            .add("d4", "P", 1, List.of());
    List<Row> rows = StateStats.counts(d.dataset(), NAMES).orderBy("state").collectAsList();
    assertThat(rows).hasSize(2);
    assertThat((Long) rows.get(0).getAs("docs")).isEqualTo(2L);
    assertThat((Long) rows.get(0).getAs("mentions")).isEqualTo(3L);
    assertThat((Double) rows.get(0).getAs("share_of_docs")).isCloseTo(0.5, within(1e-12));
    assertThat((Double) rows.get(1).getAs("share_of_docs")).isCloseTo(0.25, within(1e-12));
  }
}
