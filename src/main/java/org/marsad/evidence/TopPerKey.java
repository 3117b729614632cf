package org.marsad.evidence;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The first {@code n} candidates of each key, from distinct stories, earliest published first (ties
 * by doc_id): chosen deterministically without putting a key on one task. Each partition keeps its
 * own first {@code n} per key; the kept rows are then hash-partitioned by key and chosen again, so
 * a popular key (a pair named in every period) never brings more than {@code n} rows per input
 * partition to the final choice.
 */
final class TopPerKey {

  private TopPerKey() {}

  /**
   * The first {@code n} rows per key of {@code candidates}, which must have the columns {@code
   * keys}, published_at (timestamp, nullable), doc_id and story_id (nullable: the document is its
   * own story); adds {@code rank} (1 = first).
   */
  static Dataset<Row> select(Dataset<Row> candidates, List<String> keys, int n) {
    StructType schema = candidates.schema();
    int[] keyAt = keys.stream().mapToInt(schema::fieldIndex).toArray();
    int when = schema.fieldIndex("published_at");
    int doc = schema.fieldIndex("doc_id");
    int story = schema.fieldIndex("story_id");
    MapPartitionsFunction<Row, Row> local =
        rows -> firsts(rows, keyAt, order(when, doc), story, doc, n, false).iterator();
    MapPartitionsFunction<Row, Row> ranked =
        rows -> firsts(rows, keyAt, order(when, doc), story, doc, n, true).iterator();
    Column[] keyCols = keys.stream().map(k -> col("`" + k + "`")).toArray(Column[]::new);
    return candidates
        .mapPartitions(local, Encoders.row(schema))
        .repartition(keyCols)
        .mapPartitions(ranked, Encoders.row(schema.add("rank", DataTypes.IntegerType, false)));
  }

  /** Earliest published first (no date last), ties by doc_id. */
  private static Comparator<Row> order(int when, int doc) {
    return Comparator.comparing(
            (Row r) -> (Timestamp) r.get(when), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> r.getString(doc));
  }

  private static List<Row> firsts(
      Iterator<Row> rows,
      int[] keyAt,
      Comparator<Row> order,
      int story,
      int doc,
      int n,
      boolean withRank) {
    Map<List<Object>, List<Row>> best = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      Object[] k = new Object[keyAt.length];
      for (int i = 0; i < keyAt.length; i++) {
        k[i] = r.get(keyAt[i]);
      }
      List<Row> l = best.computeIfAbsent(Arrays.asList(k), x -> new ArrayList<>());
      l.add(r);
      if (l.size() > 8 * n) {
        trim(l, order, story, doc, n);
      }
    }
    List<Row> out = new ArrayList<>();
    for (List<Row> l : best.values()) {
      trim(l, order, story, doc, n);
      for (int i = 0; i < l.size(); i++) {
        Row r = l.get(i);
        if (withRank) {
          Object[] v = new Object[r.length() + 1];
          for (int c = 0; c < r.length(); c++) {
            v[c] = r.get(c);
          }
          v[r.length()] = i + 1;
          out.add(RowFactory.create(v));
        } else {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** Keeps the first {@code n} rows of {@code l} from distinct stories, in order. */
  private static void trim(List<Row> l, Comparator<Row> order, int story, int doc, int n) {
    l.sort(order);
    Set<String> stories = new HashSet<>();
    List<Row> kept = new ArrayList<>(n);
    for (Row r : l) {
      String s = r.isNullAt(story) ? r.getString(doc) : r.getString(story);
      if (stories.add(s)) {
        kept.add(r);
        if (kept.size() == n) {
          break;
        }
      }
    }
    l.clear();
    l.addAll(kept);
  }
}
