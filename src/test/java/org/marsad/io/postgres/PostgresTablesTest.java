package org.marsad.io.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.io.postgres.PostgresTables.Mode;

@Tag("unit")
class PostgresTablesTest {

  @Test
  void columnTypesFollowTheSparkSchema() {
    StructType s =
        new StructType()
            .add("period", DataTypes.StringType)
            .add("published_at", DataTypes.TimestampType)
            .add("npmi", DataTypes.DoubleType)
            .add("docs", DataTypes.LongType)
            .add("topic_id", DataTypes.IntegerType)
            .add("chosen", DataTypes.BooleanType)
            .add("top_doc_ids", DataTypes.createArrayType(DataTypes.StringType))
            .add("nested", new StructType().add("a", DataTypes.StringType));
    assertThat(PostgresTables.columnDefinitions(s))
        .containsExactly(
            "\"period\" text",
            "\"published_at\" timestamptz",
            "\"npmi\" double precision",
            "\"docs\" bigint",
            "\"topic_id\" integer",
            "\"chosen\" boolean",
            "\"top_doc_ids\" text[]",
            "\"nested\" jsonb");
  }

  @Test
  void knownTablesHaveKeysUnknownOnesAreLoadedByPeriodOrWhole() {
    var co =
        PostgresTables.spec(
            "state_comentions", Set.of("period", "scope", "state_a", "state_b", "co_docs", "npmi"));
    assertThat(co.mode()).isEqualTo(Mode.BY_PERIOD);
    assertThat(co.primaryKey()).containsExactly("period", "scope", "state_a", "state_b");
    // topic ids only mean something within one run's model: replaced whole despite the period
    var dt = PostgresTables.spec("document_topics", Set.of("doc_id", "period", "topic_id"));
    assertThat(dt.mode()).isEqualTo(Mode.WHOLE);
    // a key column the table lacks drops the key instead of failing the load
    assertThat(PostgresTables.spec("states", Set.of("iso3")).primaryKey()).isEmpty();
    var unknown = PostgresTables.spec("new_table", Set.of("period", "x"));
    assertThat(unknown.mode()).isEqualTo(Mode.BY_PERIOD);
    assertThat(unknown.indexes()).containsExactly(List.of("period"));
    assertThat(PostgresTables.spec("other", Set.of("x")).mode()).isEqualTo(Mode.WHOLE);
  }

  @Test
  void trendAndEvidenceTablesAreReplacedByPeriodWithTheirKeys() {
    var st = PostgresTables.spec("state_trends", Set.of("period", "state", "docs", "burst"));
    assertThat(st.mode()).isEqualTo(Mode.BY_PERIOD);
    assertThat(st.primaryKey()).containsExactly("period", "state");
    var ev =
        PostgresTables.spec(
            "comention_evidence",
            Set.of("period", "state_a", "state_b", "rank", "doc_id", "sentence"));
    assertThat(ev.primaryKey()).containsExactly("period", "state_a", "state_b", "rank");
    assertThat(ev.indexes())
        .containsExactly(List.of("state_a", "state_b", "period"), List.of("doc_id"));
    assertThat(
            PostgresTables.spec(
                    "term_evidence", Set.of("period", "lang", "term", "kind", "rank", "doc_id"))
                .primaryKey())
        .containsExactly("period", "lang", "term", "kind", "rank");
    assertThat(
            PostgresTables.spec("comention_trends", Set.of("period", "state_a", "state_b"))
                .primaryKey())
        .containsExactly("period", "state_a", "state_b");
    assertThat(PostgresTables.spec("term_trends", Set.of("period", "lang", "term")).primaryKey())
        .containsExactly("period", "lang", "term");
  }

  @Test
  void textOfAnyLengthIsIndexedByItsMd5AndOneSuchColumnByAHashIndex() {
    StructType docs = org.marsad.catalog.Catalog.DOCUMENTS.schema();
    var spec = PostgresTables.spec("documents", Set.of(docs.fieldNames()));
    assertThat(PostgresTables.primaryKeyFits(spec, docs)).isFalse();
    assertThat(PostgresTables.indexes("documents", spec, docs, "\"m\".\"documents\""))
        .containsExactly(
            java.util.Map.entry(
                "documents_key",
                "CREATE UNIQUE INDEX \"documents_key\" ON \"m\".\"documents\" (\"period\","
                    + " md5(\"doc_id\"))"),
            java.util.Map.entry(
                "documents_doc_id_hash",
                "CREATE INDEX \"documents_doc_id_hash\" ON \"m\".\"documents\" USING hash"
                    + " (\"doc_id\")"),
            java.util.Map.entry(
                "documents_source_hash",
                "CREATE INDEX \"documents_source_hash\" ON \"m\".\"documents\" USING hash"
                    + " (\"source\")"),
            java.util.Map.entry(
                "documents_story_id_hash",
                "CREATE INDEX \"documents_story_id_hash\" ON \"m\".\"documents\" USING hash"
                    + " (\"story_id\")"));
    assertThat(PostgresTables.legacyIndexNames("documents", spec))
        .containsExactly("documents_doc_id_idx", "documents_source_idx", "documents_story_id_idx");
    // Codes Marsad makes keep a primary key and btree indexes under their earlier names.
    StructType co = org.marsad.catalog.Catalog.STATE_COMENTIONS.schema();
    var coSpec = PostgresTables.spec("state_comentions", Set.of(co.fieldNames()));
    assertThat(PostgresTables.primaryKeyFits(coSpec, co)).isTrue();
    assertThat(PostgresTables.indexes("state_comentions", coSpec, co, "t").keySet())
        .containsExactly(
            "state_comentions_state_a_period_idx", "state_comentions_state_b_period_idx");
    // Key columns are NOT NULL, as a primary key's are.
    assertThat(PostgresTables.columnDefinitions(docs, spec.primaryKey()))
        .contains("\"doc_id\" text NOT NULL", "\"period\" text NOT NULL", "\"title\" text");
  }

  @Test
  void onlySnakeCaseNamesBecomeIdentifiers() {
    assertThat(PostgresTables.ident("end")).isEqualTo("\"end\"");
    assertThatThrownBy(() -> PostgresTables.ident("a\"b"))
        .hasMessage("Cannot load into PostgreSQL: not a snake_case table or column name (a\"b)");
  }
}
