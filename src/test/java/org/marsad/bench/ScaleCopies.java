package org.marsad.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark input: a corpus repeated N times, each copy with its own ids and one changed word (a
 * copy number appended to the text), so no copy is an exact duplicate of another; optionally
 * without its date column. Usage: ScaleCopies IN OUT N ID_COL TEXT_COL [DROP_COL].
 */
public final class ScaleCopies {

  private ScaleCopies() {}

  /** Entry point. */
  public static void main(String[] a) {
    SparkSession spark =
        SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    Dataset<Row> in = spark.read().parquet(a[0]);
    int n = Integer.parseInt(a[2]);
    String id = a[3];
    String text = a[4];
    if (a.length > 5) {
      in = in.drop(a[5]);
    }
    Dataset<Row> out = null;
    for (int c = 0; c < n; c++) {
      Dataset<Row> copy =
          c == 0
              ? in
              : in.withColumn(id, concat(col(id).cast("string"), lit("-c" + c)))
                  .withColumn(text, concat(col(text), lit(" نسخة" + c)));
      out = out == null ? copy : out.unionByName(copy);
    }
    out.repartition(Math.max(1, n)).write().mode(SaveMode.Overwrite).parquet(a[1]);
    spark.stop();
  }
}
