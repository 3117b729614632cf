package org.marsad.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.marsad.corpus.CorpusColumns;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.DateParser;

/**
 * Splits a corpus into its last month (by Marsad's own reading of its dates) and everything else,
 * one Parquet file each, for the update benchmark: {@code SplitLastMonth CORPUS ID TEXT DATE SOURCE
 * OUT_EARLIER OUT_LAST}. Rows without a readable date go with the earlier ones.
 */
public final class SplitLastMonth {

  private SplitLastMonth() {}

  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("split-last-month")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    CorpusOptions o = BenchConfig.corpus(args[1], args[2], args[3], args[4]);
    Dataset<Row> raw = spark.read().parquet(args[0]);
    DateParser dates = new DateParser(List.of());
    UserDefinedFunction month =
        udf(
            (UDF1<String, String>)
                s -> {
                  if (s == null) {
                    return null;
                  }
                  try {
                    java.time.Instant t = dates.parse(s);
                    return t == null
                        ? null
                        : java.time.YearMonth.from(t.atZone(ZoneOffset.UTC)).toString();
                  } catch (RuntimeException e) {
                    return null;
                  }
                },
            DataTypes.StringType);
    Dataset<Row> m =
        raw.withColumn("__month", month.apply(CorpusColumns.dateString(raw.schema(), o))).cache();
    String last =
        m.filter(col("__month").isNotNull())
            .agg(org.apache.spark.sql.functions.max("__month"))
            .first()
            .getString(0);
    Dataset<Row> earlier = m.filter(col("__month").isNull().or(col("__month").notEqual(last)));
    Dataset<Row> lastMonth = m.filter(col("__month").equalTo(last));
    earlier.drop("__month").coalesce(1).write().mode(SaveMode.Overwrite).parquet(args[5]);
    lastMonth.drop("__month").coalesce(1).write().mode(SaveMode.Overwrite).parquet(args[6]);
    System.out.printf(
        "last month %s: %d rows; earlier: %d rows%n", last, lastMonth.count(), earlier.count());
    spark.stop();
  }
}
