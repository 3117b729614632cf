package org.marsad.pipeline;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The rows a capability's finishing function returns, each tagged with the number of its table:
 * picked out of a list finished on the driver, or out of the persisted RDD finished in the tasks.
 */
public final class FinishedRows {

  private FinishedRows() {}

  /** The rows of table number {@code table} of rows finished on the driver. */
  public static List<Row> select(List<Tuple2<Integer, Row>> rows, int table) {
    List<Row> out = new ArrayList<>();
    for (Tuple2<Integer, Row> t : rows) {
      if (t._1() == table) {
        out.add(t._2());
      }
    }
    return out;
  }

  /** The rows of table number {@code table} of rows finished in the tasks, as table {@code t}. */
  public static Dataset<Row> dataset(
      SparkSession spark, JavaRDD<Tuple2<Integer, Row>> finished, int table, Table t) {
    return spark.createDataFrame(finished.filter(x -> x._1() == table).map(Tuple2::_2), t.schema());
  }

  /** A timestamp from microseconds since the epoch (as evidence candidates carry them). */
  public static Timestamp timestamp(long micros) {
    Timestamp t = new Timestamp(Math.floorDiv(micros, 1000));
    t.setNanos((int) Math.floorMod(micros, 1_000_000) * 1000);
    return t;
  }
}
