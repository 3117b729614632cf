package org.marsad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marsad.jobs.JobTestSupport;

/**
 * {@code run} end to end for every {@code --period} on a dozen dated articles: every table, the
 * report and {@code query} read the tables back with {@code period} as a string ({@code 2021} and
 * {@code 2021-01-04} are not typed as a number or a date that the co-mention period {@code all}
 * cannot be cast to).
 */
@Tag("spark")
class PeriodRunTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "day, 2021-01-04, '\\d{4}-\\d{2}-\\d{2}'",
    "week, 2020-W53, '\\d{4}-W\\d{2}'",
    "month, 2021-01, '\\d{4}-\\d{2}'",
    "year, 2021, '\\d{4}'"
  })
  void runWritesEveryTableTheReportAndQueriesForEachPeriod(
      String period, String expected, String shape) throws Exception {
    String in = JobTestSupport.tinyCorpus(tmp);
    String out = tmp.resolve("out-" + period).toString();
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--input",
                in,
                "--output",
                out,
                "--date-col",
                "published_at",
                "--period",
                period));
    args.addAll(JobTestSupport.TINY_TOPICS);
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("12 rows in: 12 documents, 0 rejected");
    assertThat(Files.readString(Path.of(out, "report", "index.html"))).contains("<html");

    for (String t :
        List.of(
            "documents",
            "term_frequencies",
            "state_mentions",
            "state_counts",
            "state_comentions",
            "document_topics",
            "topic_trends")) {
      Dataset<Row> d = JobTestSupport.table(out, t);
      assertThat(d.schema().apply("period").dataType()).as(t).isEqualTo(DataTypes.StringType);
      assertThat(d.count()).as(t).isPositive();
    }
    List<String> periods =
        JobTestSupport.table(out, "documents")
            .select("period")
            .distinct()
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(periods).allMatch(p -> p.matches(shape)).contains(expected);
    assertThat(
            JobTestSupport.table(out, "state_comentions")
                .select("period")
                .distinct()
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .contains("all");

    Cli.Result q =
        Cli.run(
            "query",
            "--output",
            out,
            "SELECT period, count(*) AS n FROM state_comentions GROUP BY period ORDER BY period");
    assertThat(q.code()).as(q.err()).isZero();
    assertThat(q.out().lines().skip(1).map(l -> l.split("\t")[0]))
        .contains("all")
        .allMatch(p -> p.equals("all") || p.matches(shape));
    assertThat(period.toUpperCase(Locale.ROOT)).isNotEmpty();
  }
}
