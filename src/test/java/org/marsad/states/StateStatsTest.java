package org.marsad.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;

/** Co-mention measures against values computed by hand. */
@Tag("spark")
class StateStatsTest {

  @Test
  void documentScopeMeasuresMatchHandValues() {
    // 10 documents in one period: A in d1..d4, B in d3..d5 (co-mentioned in d3, d4).
    Dataset<Row> found =
        SharedSpark.get()
            .sql(
                "select concat('d', id) doc_id, 'P' period, 's' source, 1 n_sentences from range(1, 11)");
    Dataset<Row> mentions =
        SharedSpark.get()
            .sql(
                "select * from values ('d1','P','A',0), ('d2','P','A',0), ('d3','P','A',0), ('d4','P','A',0),"
                    + " ('d3','P','B',0), ('d4','P','B',0), ('d5','P','B',0), ('d4','P','B',0)"
                    + " as t(doc_id, period, state, sentence)");
    List<Row> rows =
        StateStats.comentions(mentions, found, true, false, 1)
            .filter("period = 'P'")
            .collectAsList();
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
    assertThat(
            StateStats.comentions(mentions, found, true, false, 1).filter("period = 'all'").count())
        .isEqualTo(1);
    assertThat(StateStats.comentions(mentions, found, true, false, 3).count()).isZero();
  }

  @Test
  void sentenceScopeCountsSentencesAsUnits() {
    Dataset<Row> found =
        SharedSpark.get()
            .sql(
                "select * from values ('d1','P','s',3), ('d2','P','s',2) as t(doc_id, period, source, n_sentences)");
    Dataset<Row> mentions =
        SharedSpark.get()
            .sql(
                "select * from values ('d1','P','A',0), ('d1','P','B',0), ('d1','P','B',2), ('d2','P','A',1)"
                    + " as t(doc_id, period, state, sentence)");
    Row r = StateStats.comentions(mentions, found, false, true, 1).filter("period = 'P'").first();
    assertThat((String) r.getAs("scope")).isEqualTo("sentence");
    assertThat((Long) r.getAs("co_docs")).isEqualTo(1L);
    assertThat((Long) r.getAs("docs_a")).isEqualTo(2L);
    assertThat((Long) r.getAs("docs_b")).isEqualTo(2L);
    assertThat((Long) r.getAs("docs_total")).isEqualTo(5L);
  }
}
