package org.marsad.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark baseline: the term count a user would write with MLlib alone (RegexTokenizer on
 * whitespace, explode, groupBy count, write Parquet). Usage: NaivePipeline PATH TEXT_COL TITLE_COL
 * OUT.
 */
public final class NaivePipeline {

  private NaivePipeline() {}

  /** Entry point. */
  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.sql.shuffle.partitions", "8")
            .getOrCreate();
    Dataset<Row> docs =
        spark
            .read()
            .parquet(args[0])
            .select(
                concat_ws(" ", coalesce(col(args[2]), lit("")), coalesce(col(args[1]), lit("")))
                    .as("t"));
    Dataset<Row> tokens =
        new RegexTokenizer().setInputCol("t").setOutputCol("w").setPattern("\\s+").transform(docs);
    tokens
        .select(explode(col("w")).as("word"))
        .groupBy("word")
        .count()
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(args[3]);
    System.out.println("naive rows=" + spark.read().parquet(args[3]).count());
    spark.stop();
  }
}
