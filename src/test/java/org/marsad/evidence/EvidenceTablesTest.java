package org.marsad.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;

/** A stage's evidence rows take the table's exact schema, or fail naming what is missing. */
@Tag("spark")
class EvidenceTablesTest {

  @Test
  void conformOrdersAndCastsTheColumnsAndNamesAMissingOne() {
    Dataset<Row> d =
        SharedSpark.get()
            .sql(
                "select 0L b_end, 'x' extra, 'p' period, 'TN' state_a, 'FR' state_b, 1L rank,"
                    + " 'd1' doc_id, 's' source, timestamp'2017-01-02 03:04:05' published_at,"
                    + " cast(null as string) story_id, 'text' field, 'تونس وفرنسا' sentence,"
                    + " 0 a_start, 4 a_end, 5 b_start");
    assertThatThrownBy(
            () ->
                EvidenceTables.conform(
                    d.drop("b_end"), EvidenceTables.COMENTION_EVIDENCE, "comention_evidence"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot write comention_evidence: no column [b_end]; available: [")
        .hasMessageContaining("extra");
    Dataset<Row> ok =
        EvidenceTables.conform(d, EvidenceTables.COMENTION_EVIDENCE, "comention_evidence");
    assertThat(ok.schema().fieldNames())
        .containsExactly(EvidenceTables.COMENTION_EVIDENCE.fieldNames());
    assertThat(ok.schema().apply("rank").dataType().typeName()).isEqualTo("integer");
    assertThat(ok.schema().apply("b_end").dataType().typeName()).isEqualTo("integer");
  }
}
