package org.marsad.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.marsad.pipeline.DocStats;
import org.marsad.pipeline.StatDoc;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import scala.Tuple2;

/**
 * The statistics pass in memory, without Spark: every emitter over every row, reduced by key, as
 * the capabilities' finishing functions receive it. For unit tests of the arithmetic.
 */
public final class InMemoryStats {

  private InMemoryStats() {}

  /** The reduced partials of {@code rows} (columns of {@code schema}) under {@code emitters}. */
  public static List<Tuple2<StatKey, StatValue>> reduce(
      List<Row> rows, StructType schema, DocStats... emitters) {
    Map<String, Integer> index = new HashMap<>();
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      index.put(names[i], i);
    }
    StatDoc doc = new StatDoc(index);
    StatsPass.PartialMap map = new StatsPass.PartialMap();
    for (Row r : rows) {
      doc.at(r);
      for (DocStats e : emitters) {
        e.emit(doc, map);
      }
    }
    Map<StatKey, StatValue> merged = new HashMap<>();
    for (Tuple2<StatKey, StatValue> t : map.drain()) {
      merged.merge(t._1(), t._2(), StatValue::merge);
    }
    List<Tuple2<StatKey, StatValue>> out = new ArrayList<>();
    merged.forEach((k, v) -> out.add(new Tuple2<>(k, v.trim())));
    return out;
  }

  /** Reduced partials of the documents of {@code d}. */
  public static List<Tuple2<StatKey, StatValue>> reduce(Docs d, DocStats... emitters) {
    return reduce(d.rows(), Docs.schema(), emitters);
  }
}
