package org.marsad.tools;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.marsad.report.Report;
import org.marsad.trends.Trends;

/**
 * Developer tool standing in for the job's wiring until the one-pass job calls {@link Trends}:
 * {@code AddTrends <output> [master [rounds]]} computes state_trends, comention_trends and
 * term_trends from the tables of an earlier run's output folder, writes them there (partitioned by
 * period, as the job writes its tables), prints each table's rows and seconds, and rewrites the
 * report.
 */
public final class AddTrends {

  private AddTrends() {}

  /** Entry point. */
  public static void main(String[] args) {
    String out = args[0];
    SparkSession spark =
        SparkSession.builder()
            .master(args.length > 1 ? args[1] : "local[2]")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    // Round 2 and later run in a warm JVM and session, as the job's would.
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      Dataset<Row> periodDocs = Trends.periodDocs(read(spark, out, "documents")).cache();
      report("period_docs", periodDocs.count(), t0);
      write(
          spark,
          out,
          "state_trends",
          Trends.stateTrends(read(spark, out, "state_counts"), periodDocs));
      write(
          spark,
          out,
          "comention_trends",
          Trends.comentionTrends(read(spark, out, "state_comentions"), periodDocs, 1));
      write(spark, out, "term_trends", Trends.termTrends(read(spark, out, "term_frequencies"), 5));
      periodDocs.unpersist();
      System.out.printf(
          Locale.ROOT, "round %d: trends total %.1f s%n", round, (System.nanoTime() - t0) / 1e9);
    }
    long t1 = System.nanoTime();
    System.out.println(Report.write(spark, out));
    System.out.printf(Locale.ROOT, "report: %.1f s%n", (System.nanoTime() - t1) / 1e9);
    spark.stop();
  }

  private static Dataset<Row> read(SparkSession spark, String out, String table) {
    Dataset<Row> d = spark.read().parquet(out + "/" + table);
    return d.withColumn("period", d.col("period").cast("string"));
  }

  private static void write(SparkSession spark, String out, String table, Dataset<Row> d) {
    long t = System.nanoTime();
    String path = out + "/" + table;
    d.repartition(d.col("period"))
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "zstd")
        .partitionBy("period")
        .parquet(path);
    report(table, spark.read().parquet(path).count(), t);
  }

  private static void report(String table, long rows, long t0) {
    System.out.printf(
        Locale.ROOT, "%s: %d rows, %.1f s%n", table, rows, (System.nanoTime() - t0) / 1e9);
  }
}
