package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.corpus.CorpusOptions;
import org.marsad.jobs.JobTestSupport;
import org.marsad.jobs.MarsadJob;

/** The output tables are read by DuckDB (as BI tools do): typed timestamps, Hive partitions. */
@Tag("spark")
class DuckDbReadTest {

  @TempDir static Path tmp;
  static String out;

  @BeforeAll
  static void run() {
    out = tmp.resolve("out").toString();
    String in = SharedSpark.repo().resolve("sample-data/corpus").toString();
    MarsadJob.run(
        SharedSpark.get(),
        JobTestSupport.config(in, out, CorpusOptions.defaults()),
        MarsadJob.ALL,
        "test");
  }

  @Test
  void duckDbReadsTimestampsAndPartitionedTables() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery(
              "SELECT published_at, period FROM read_parquet('"
                  + out
                  + "/documents/*/*.parquet', hive_partitioning = true)"
                  + " WHERE doc_id = '000_316ae984aebcec15'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getMetaData().getColumnType(1))
            .isIn(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);
        assertThat(r.getTimestamp(1).toInstant().toString()).isEqualTo("2021-09-16T00:00:00Z");
        assertThat(r.getString(2)).isEqualTo("2021-09");
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT count(*), min(c.npmi) >= -1, max(c.npmi) <= 1 FROM read_parquet('"
                  + out
                  + "/state_comentions/*/*.parquet', hive_partitioning = true) c JOIN read_parquet('"
                  + out
                  + "/states/*.parquet') a ON a.iso2 = c.state_a WHERE c.period = '2021-09' AND c.scope = 'document'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getLong(1)).isEqualTo(21);
        assertThat(r.getBoolean(2)).isTrue();
        assertThat(r.getBoolean(3)).isTrue();
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT label FROM read_parquet('"
                  + out
                  + "/term_frequencies/*/*.parquet', hive_partitioning = true)"
                  + " GROUP BY label ORDER BY sum(term_count) DESC, label LIMIT 1")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("تونس");
      }
    }
  }
}
