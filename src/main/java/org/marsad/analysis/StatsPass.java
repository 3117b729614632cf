package org.marsad.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.marsad.pipeline.Candidate;
import org.marsad.pipeline.DocStats;
import org.marsad.pipeline.StatDoc;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatSink;
import org.marsad.pipeline.StatValue;
import org.marsad.pipeline.StatsResult;
import org.marsad.pipeline.Tag;
import scala.Tuple2;

/**
 * The statistics pass: one {@code mapPartitions} over the accepted documents of the intermediate
 * hands each document to every capability's {@link DocStats}, which decodes its blob once and emits
 * tagged partials (term counts per period, source and language; surface forms; bigrams; state
 * counts; pair counts per scope; evidence candidates as bounded top-n; ...). Each task folds them
 * in a bounded hash map; one shuffle reduces each key (sum, or top-n), partitioned by the tag's
 * group so that a term's (or a pair's) rows of every period meet on one task. The result is
 * persisted once and every capability finishes its tables from it.
 */
public final class StatsPass {

  /** Keys a task holds before it emits them (bounds its memory whatever its partition holds). */
  static final int MAX_KEYS = 400_000;

  private StatsPass() {}

  /**
   * Partitions reduced partials by {@link StatKey#group()}: all rows of one group (a term, a state,
   * a pair) land in one partition, whatever their tag.
   */
  public static final class GroupPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int n;

    /** A partitioner over {@code n} partitions. */
    public GroupPartitioner(int n) {
      this.n = n;
    }

    @Override
    public int numPartitions() {
      return n;
    }

    @Override
    public int getPartition(Object key) {
      return Math.floorMod(((StatKey) key).group(), n);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof GroupPartitioner g && g.n == n;
    }

    @Override
    public int hashCode() {
      return n;
    }
  }

  /**
   * The reduced partials of {@code documents} (the accepted documents with counted and story_id),
   * persisted; lazy until its first action.
   *
   * @param partitions partitions of the reduced result
   */
  public static JavaPairRDD<StatKey, StatValue> run(
      Dataset<Row> documents, List<DocStats> emitters, int partitions) {
    String[] names = documents.columns();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      index.put(names[i], i);
    }
    List<DocStats> all = List.copyOf(emitters);
    PairFlatMapFunction<Iterator<Row>, StatKey, StatValue> fold =
        rows -> new Folding(rows, new StatDoc(index), all);
    return documents
        .javaRDD()
        .mapPartitionsToPair(fold)
        .reduceByKey(new GroupPartitioner(partitions), StatValue::merge)
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * Collects what the driver finishes: every small partial, the row count of every tag, and the
   * bounded partials when they hold at most {@code cap} rows (each partition brings its own only
   * when they are at most its share of the cap, so the driver never holds more than the cap). One
   * job, which also materialises the persisted result; a second only when a partition was above its
   * share but the whole is below the cap.
   */
  public static StatsResult collect(JavaPairRDD<StatKey, StatValue> reduced, long cap) {
    int parts = reduced.getNumPartitions();
    long share = cap / Math.max(1, parts);
    List<Tuple2<Integer, Object>> got =
        reduced
            .mapPartitions(
                (org.apache.spark.api.java.function.FlatMapFunction<
                        Iterator<Tuple2<StatKey, StatValue>>, Tuple2<Integer, Object>>)
                    it -> {
                      Map<Integer, Long> perTag = new HashMap<>();
                      List<Tuple2<Integer, Object>> out = new ArrayList<>();
                      List<Tuple2<StatKey, StatValue>> bounded = new ArrayList<>();
                      boolean over = false;
                      while (it.hasNext()) {
                        Tuple2<StatKey, StatValue> e = it.next();
                        Tag t = Tag.of(e._1().tag());
                        perTag.merge(t.id(), 1L, Long::sum);
                        if (t.size() == Tag.Size.SMALL) {
                          out.add(new Tuple2<>(0, e));
                        } else if (t.size() == Tag.Size.BOUNDED && !over) {
                          bounded.add(e);
                          if (bounded.size() > share) {
                            over = true;
                            bounded.clear();
                          }
                        }
                      }
                      for (Tuple2<StatKey, StatValue> e : bounded) {
                        out.add(new Tuple2<>(1, e));
                      }
                      out.add(new Tuple2<>(2, perTag));
                      out.add(new Tuple2<>(3, over));
                      return out.iterator();
                    })
            .collect();
    List<Tuple2<StatKey, StatValue>> small = new ArrayList<>();
    List<Tuple2<StatKey, StatValue>> bounded = new ArrayList<>();
    Map<Integer, Long> perTag = new HashMap<>();
    boolean over = false;
    for (Tuple2<Integer, Object> g : got) {
      switch (g._1()) {
        case 0 -> small.add(cast(g._2()));
        case 1 -> bounded.add(cast(g._2()));
        case 2 -> {
          @SuppressWarnings("unchecked")
          Map<Integer, Long> m = (Map<Integer, Long>) g._2();
          m.forEach((k, v) -> perTag.merge(k, v, Long::sum));
        }
        default -> over |= (Boolean) g._2();
      }
    }
    long boundedRows = 0;
    for (Map.Entry<Integer, Long> e : perTag.entrySet()) {
      if (Tag.of(e.getKey()).size() == Tag.Size.BOUNDED) {
        boundedRows += e.getValue();
      }
    }
    List<Tuple2<StatKey, StatValue>> onDriver = null;
    if (boundedRows <= cap) {
      if (!over) {
        onDriver = bounded;
      } else {
        onDriver =
            new ArrayList<>(
                reduced.filter(e -> Tag.of(e._1().tag()).size() == Tag.Size.BOUNDED).collect());
      }
    }
    return new StatsResult(reduced, small, onDriver, perTag);
  }

  @SuppressWarnings("unchecked")
  private static Tuple2<StatKey, StatValue> cast(Object o) {
    return (Tuple2<StatKey, StatValue>) o;
  }

  /** A task's partials in a bounded map, emitted whenever it is full and at the end. */
  static final class PartialMap implements StatSink {
    private final HashMap<StatKey, StatValue> map = new HashMap<>(1 << 14);

    @Override
    public void add(Tag tag, String a, String b, String c, String d, long... values) {
      StatKey k = new StatKey(tag, a, b, c, d);
      StatValue v = map.get(k);
      if (v == null) {
        v = StatValue.counts(values.length);
        map.put(k, v);
      }
      for (int i = 0; i < values.length; i++) {
        v.add(i, values[i]);
      }
    }

    @Override
    public void offer(Tag tag, String a, String b, String c, String d, int n, Candidate cand) {
      StatKey k = new StatKey(tag, a, b, c, d);
      StatValue v = map.get(k);
      if (v == null) {
        v = StatValue.top(n);
        map.put(k, v);
      }
      v.offer(cand);
    }

    boolean full() {
      return map.size() >= MAX_KEYS;
    }

    boolean isEmpty() {
      return map.isEmpty();
    }

    List<Tuple2<StatKey, StatValue>> drain() {
      List<Tuple2<StatKey, StatValue>> out = new ArrayList<>(map.size());
      for (Map.Entry<StatKey, StatValue> e : map.entrySet()) {
        out.add(new Tuple2<>(e.getKey(), e.getValue().trim()));
      }
      map.clear();
      return out;
    }
  }

  /** Folds a partition's documents into partials as they are pulled. */
  private static final class Folding implements Iterator<Tuple2<StatKey, StatValue>> {
    private final Iterator<Row> in;
    private final StatDoc doc;
    private final List<DocStats> emitters;
    private final PartialMap partials = new PartialMap();
    private Iterator<Tuple2<StatKey, StatValue>> batch = Collections.emptyIterator();

    Folding(Iterator<Row> in, StatDoc doc, List<DocStats> emitters) {
      this.in = in;
      this.doc = doc;
      this.emitters = emitters;
    }

    @Override
    public boolean hasNext() {
      while (!batch.hasNext()) {
        if (!in.hasNext() && partials.isEmpty()) {
          return false;
        }
        while (in.hasNext() && !partials.full()) {
          doc.at(in.next());
          for (DocStats e : emitters) {
            e.emit(doc, partials);
          }
        }
        batch = partials.drain().iterator();
      }
      return true;
    }

    @Override
    public Tuple2<StatKey, StatValue> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return batch.next();
    }
  }
}
