package org.marsad.tools;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Developer tool that (re)builds {@code sample-data/corpus} from the shared JawharaFM corpus
 * (Apache-2.0) and the seed article: {@code MakeSample <jawharafm> <seed.parquet> <out>}.
 */
public final class MakeSample {

  private MakeSample() {}

  /** Entry point. */
  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    Dataset<Row> jw = spark.read().parquet(args[0]);
    // A deterministic ~3% slice across categories and dates, plus every row that shows a
    // rejection reason (blank text, unparsable date) so the sample exercises the rejected table.
    Dataset<Row> picked =
        jw.filter(
                functions("pmod(hash(docno), 33) = 0")
                    .or(col("docno").isin("JA-diverse-19-20170112", "JA-diverse-31-20170122")))
            .select(
                col("docno").as("id"),
                col("src").as("source"),
                col("title"),
                col("text"),
                col("time").as("published_at"),
                col("cat").as("category"),
                col("url"));
    Dataset<Row> seed =
        spark
            .read()
            .parquet(args[1])
            .select(
                col("id"),
                col("source"),
                lit(null).cast("string").as("title"),
                col("text"),
                lit("2021-09-16").as("published_at"),
                lit("internationalNews").as("category"),
                lit(null).cast("string").as("url"));
    seed.unionByName(picked)
        .orderBy("id")
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "zstd")
        .parquet(args[2]);
    System.out.println("rows: " + spark.read().parquet(args[2]).count());
    spark.stop();
  }

  private static org.apache.spark.sql.Column functions(String expr) {
    return org.apache.spark.sql.functions.expr(expr);
  }
}
