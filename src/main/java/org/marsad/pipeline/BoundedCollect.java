package org.marsad.pipeline;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Collects a result that is usually small to the driver without ever holding more than a cap: each
 * partition brings its rows only while they are within its share of the cap, in one job; if any
 * partition has more, the caller takes its distributed path.
 */
public final class BoundedCollect {

  private BoundedCollect() {}

  /** The rows of {@code d}, or null when they may be more than {@code cap}. */
  public static List<Row> rows(Dataset<Row> d, long cap) {
    int parts = d.rdd().getNumPartitions();
    long share = Math.max(0, cap / Math.max(1, parts));
    List<Object> got =
        d.javaRDD()
            .mapPartitions(
                (FlatMapFunction<Iterator<Row>, Object>)
                    it -> {
                      List<Object> out = new ArrayList<>();
                      long n = 0;
                      while (it.hasNext()) {
                        Row r = it.next();
                        if (++n > share) {
                          return List.<Object>of(Boolean.TRUE).iterator();
                        }
                        out.add(r);
                      }
                      return out.iterator();
                    })
            .collect();
    List<Row> rows = new ArrayList<>(got.size());
    for (Object o : got) {
      if (o instanceof Boolean) {
        return null;
      }
      rows.add((Row) o);
    }
    return rows;
  }
}
