package org.marsad.stories;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.marsad.text.ArabicNormalizer;
import org.marsad.text.RawToken;
import org.marsad.text.TextCleaner;
import org.marsad.text.Tokenizer;

/**
 * Groups documents into stories (one dispatch and its reprints) from their fingerprints: candidate
 * pairs from shared LSH band keys, verified by their sketched similarity, joined by connected
 * components; then the stories table and amplification per period and source. A function of
 * Datasets with no I/O; deterministic for given parameters whatever the partitioning.
 */
public final class Stories {

  /** The columns {@link #compute} reads. */
  public static final List<String> INPUT_COLUMNS =
      List.of("doc_id", "published_at", "period", "source", "title", "fingerprint");

  private static final StructType MEMBERS =
      new StructType().add("key", DataTypes.LongType, false).add("node", DataTypes.LongType, false);

  private static final StructType SCANNED =
      new StructType()
          .add("kind", DataTypes.IntegerType, false)
          .add("x", DataTypes.LongType, false)
          .add("y", DataTypes.LongType, false);

  private static final StructType PAIRS =
      new StructType().add("u", DataTypes.LongType, false).add("v", DataTypes.LongType, false);

  private static final int PAIR = 0;
  private static final int HEAD = 1;

  /** Sampling rate (1 in 64 nodes) that estimates band bucket sizes before the split. */
  private static final int SAMPLE = 64;

  private Stories() {}

  /**
   * Groups {@code docs} into stories.
   *
   * @param docs columns doc_id (string, unique), published_at (timestamp, nullable), period,
   *     source, title (strings) and fingerprint (binary, {@link Fingerprint#encode()}); other
   *     columns are ignored
   * @param mode near duplicates, exact duplicate texts, or every document its own story
   * @param params the parameters the fingerprints were made with, and the detection's
   * @return the documents' stories, the stories table and amplification per period and source
   */
  public static StoryTables compute(Dataset<Row> docs, DedupMode mode, StoryParams params) {
    List<String> names = Arrays.asList(docs.columns());
    for (String c : INPUT_COLUMNS) {
      if (!names.contains(c)) {
        throw new IllegalArgumentException(
            "Cannot detect stories: no column '" + c + "'; available: " + names);
      }
    }
    Dataset<Row> meta =
        docs.select(
            col("doc_id"),
            col("published_at"),
            col("period"),
            col("source"),
            col("title"),
            xxhash64(col("doc_id")).as("node"));
    Column comp;
    switch (mode) {
      case NONE:
        comp = col("node");
        break;
      case EXACT:
        {
          UserDefinedFunction textHash =
              udf((UDF1<byte[], Long>) b -> Fingerprint.decode(b).textHash(), DataTypes.LongType);
          meta =
              docs.select(
                  col("doc_id"),
                  col("published_at"),
                  col("period"),
                  col("source"),
                  col("title"),
                  xxhash64(col("doc_id")).as("node"),
                  textHash.apply(col("fingerprint")).as("text_hash"));
          comp = col("text_hash");
          break;
        }
      case NEAR:
      default:
        {
          Dataset<Row> fp =
              docs.select(xxhash64(col("doc_id")).as("node"), col("fingerprint"))
                  .persist(StorageLevel.MEMORY_AND_DISK());
          try {
            Dataset<Row> edges = verify(candidatePairs(fp, params), fp, params);
            Dataset<Row> components =
                ConnectedComponents.components(edges, params.maxIterations()).localCheckpoint(true);
            meta =
                meta.join(components, meta.col("node").equalTo(components.col("node")), "left")
                    .select(
                        meta.col("doc_id"),
                        meta.col("published_at"),
                        meta.col("period"),
                        meta.col("source"),
                        meta.col("title"),
                        meta.col("node"),
                        components.col("component"));
          } finally {
            fp.unpersist();
          }
          comp = coalesce(col("component"), col("node"));
          break;
        }
    }
    return tables(meta.withColumn("comp", comp));
  }

  /**
   * Adds a {@code fingerprint} column computed from the body in {@code textCol} as the analysis
   * pass will: {@code TextCleaner.clean}, {@code Tokenizer.tokenize}, {@code
   * ArabicNormalizer.normalize} of every raw token in order. For use until the pass computes it.
   */
  public static Dataset<Row> withFingerprints(
      Dataset<Row> docs, String textCol, StoryParams params) {
    UserDefinedFunction f =
        udf(
            (UDF1<String, byte[]>) text -> fingerprintText(text, params).encode(),
            DataTypes.BinaryType);
    return docs.withColumn("fingerprint", f.apply(col(textCol)));
  }

  private static final ThreadLocal<Fingerprinter[]> FINGERPRINTERS =
      ThreadLocal.withInitial(() -> new Fingerprinter[1]);

  /** The fingerprint of a raw or cleaned body, with one reused fingerprinter per thread. */
  public static Fingerprint fingerprintText(String text, StoryParams params) {
    Fingerprinter[] holder = FINGERPRINTERS.get();
    if (holder[0] == null || !holder[0].params().equals(params)) {
      holder[0] = new Fingerprinter(params);
    }
    return fingerprintText(holder[0], text);
  }

  /** The fingerprint of a raw or cleaned body with the given fingerprinter. */
  public static Fingerprint fingerprintText(Fingerprinter fingerprinter, String text) {
    String cleaned = TextCleaner.clean(text);
    fingerprinter.reset();
    if (cleaned != null) {
      for (RawToken t : Tokenizer.tokenize(cleaned)) {
        fingerprinter.add(ArabicNormalizer.normalize(t.surface()));
      }
    }
    return fingerprinter.finish(cleaned == null ? "" : cleaned);
  }

  /**
   * Candidate pairs (u < v) of nodes that share a band key. Each band bucket is sorted by node and
   * every member is paired with the next {@code window} members, so a bucket of n documents gives
   * at most n·window pairs; a bucket estimated (from a 1-in-64 sample of nodes) above {@code
   * maxBucket} members is split by a hash of the node into ⌈n / maxBucket⌉ sub-buckets, spread over
   * tasks, whose first members are chained in turn, so no band key sits on a single task.
   */
  static Dataset<Row> candidatePairs(Dataset<Row> fp, StoryParams params) {
    Banding body = params.bodyBanding();
    Banding lead = params.leadBanding();
    int tag = Fingerprinter.tag(params);
    Dataset<Row> members =
        fp.flatMap(
            (FlatMapFunction<Row, Row>)
                r -> {
                  Fingerprint f = Fingerprint.decode((byte[]) r.get(1));
                  if (f.paramsTag() != tag) {
                    throw new IllegalArgumentException(
                        "Cannot detect stories: the fingerprints were made with other parameters"
                            + " (shingle, bins, lead, sketch or seed) than the detection's");
                  }
                  long node = r.getLong(0);
                  long[] keys = f.bandKeys(body, lead);
                  List<Row> out = new ArrayList<>(keys.length);
                  for (long k : keys) {
                    out.add(RowFactory.create(k, node));
                  }
                  return out.iterator();
                },
            Encoders.row(MEMBERS));
    int maxBucket = params.maxBucket();
    Dataset<Row> big =
        members
            .filter(pmod(col("node"), lit(SAMPLE)).equalTo(0))
            .groupBy("key")
            .agg(count(lit(1)).as("sampled"))
            .filter(col("sampled").multiply(SAMPLE).geq(maxBucket))
            .select(
                col("key").as("big_key"),
                ceil(col("sampled").multiply(SAMPLE).divide(maxBucket)).cast("int").as("salts"));
    Dataset<Row> salted =
        members
            .join(broadcast(big), members.col("key").equalTo(big.col("big_key")), "left")
            .select(
                col("key"),
                col("node"),
                coalesce(col("salts"), lit(1)).as("salts"),
                when(col("salts").gt(1), pmod(xxhash64(col("node"), col("key")), col("salts")))
                    .otherwise(lit(0))
                    .cast("int")
                    .as("salt"));
    int window = params.window();
    Dataset<Row> scanned =
        salted
            .repartition(col("key"), col("salt"))
            .sortWithinPartitions(col("key"), col("salt"), col("node"))
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>) it -> new BucketScan(it, window, true),
                Encoders.row(SCANNED));
    Dataset<Row> headPairs =
        scanned
            .filter(col("kind").equalTo(HEAD))
            .select(col("x").as("key"), col("y").as("node"), lit(1).as("salts"), lit(0).as("salt"))
            .repartition(col("key"))
            .sortWithinPartitions(col("key"), col("node"))
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>) it -> new BucketScan(it, window, false),
                Encoders.row(SCANNED));
    return scanned
        .filter(col("kind").equalTo(PAIR))
        .union(headPairs)
        .select(col("x").as("u"), col("y").as("v"))
        .distinct();
  }

  /** The candidate pairs that are one story by {@link Similarity#sameStory}: edges u, v. */
  static Dataset<Row> verify(Dataset<Row> pairs, Dataset<Row> fp, StoryParams params) {
    Dataset<Row> a = fp.select(col("node").as("a_node"), col("fingerprint").as("a_fp"));
    Dataset<Row> b = fp.select(col("node").as("b_node"), col("fingerprint").as("b_fp"));
    return pairs
        .join(a, pairs.col("u").equalTo(a.col("a_node")))
        .join(b, pairs.col("v").equalTo(b.col("b_node")))
        .select(col("u"), col("v"), col("a_fp"), col("b_fp"))
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>)
                it -> {
                  List<Row> out = new ArrayList<>();
                  while (it.hasNext()) {
                    Row r = it.next();
                    Fingerprint fa = Fingerprint.decode((byte[]) r.get(2));
                    Fingerprint fb = Fingerprint.decode((byte[]) r.get(3));
                    if (fa.similarity(fb).sameStory(params)) {
                      out.add(RowFactory.create(r.getLong(0), r.getLong(1)));
                    }
                  }
                  return out.iterator();
                },
            Encoders.row(PAIRS));
  }

  /** The three tables from documents labelled with a component {@code comp}. */
  private static StoryTables tables(Dataset<Row> meta) {
    // The first document: earliest published, null dates last, ties by doc_id.
    Column first =
        struct(
            col("published_at").isNull().as("undated"),
            col("published_at"),
            col("doc_id"),
            col("source"),
            col("title"),
            col("period"));
    Dataset<Row> byComp =
        meta.groupBy("comp")
            .agg(
                min(first).as("f"),
                count(lit(1)).as("docs"),
                countDistinct(col("source")).as("sources"),
                min(col("published_at")).as("t0"),
                max(col("published_at")).as("t1"))
            .select(
                col("comp"),
                col("f.doc_id").as("story_id"),
                col("f.period").as("period"),
                col("f.doc_id").as("first_doc_id"),
                col("f.published_at").as("first_published_at"),
                col("f.source").as("first_source"),
                col("f.title").as("title"),
                col("docs"),
                col("sources").cast("int").as("sources"),
                unix_micros(col("t1"))
                    .minus(unix_micros(col("t0")))
                    .divide(3_600_000_000.0)
                    .as("span_hours"));
    Dataset<Row> stories = byComp.drop("comp");
    Dataset<Row> labelled =
        meta.join(
                byComp.select(
                    col("comp").as("s_comp"),
                    col("story_id"),
                    col("period").as("first_period"),
                    col("first_source")),
                col("comp").equalTo(col("s_comp")))
            .select(
                col("doc_id"),
                col("period"),
                col("source"),
                col("story_id"),
                col("doc_id").equalTo(col("story_id")).as("story_first"),
                col("first_period"),
                col("first_source"));
    Dataset<Row> documents = labelled.select("doc_id", "story_id", "story_first");
    Column notFirst = not(col("story_first"));
    Column fromOther = col("first_source").notEqual(col("source"));
    Dataset<Row> perSource =
        labelled
            .groupBy("period", "source")
            .agg(
                count(lit(1)).as("docs"),
                countDistinct(col("story_id")).as("stories"),
                sum(when(col("story_first"), 1L).otherwise(0L)).as("stories_first"),
                sum(when(notFirst.and(fromOther), 1L).otherwise(0L)).as("reprints"),
                sum(when(notFirst.and(not(fromOther)), 1L).otherwise(0L)).as("self_repeats"));
    Dataset<Row> pickedUp =
        labelled
            .filter(notFirst.and(fromOther))
            .groupBy(col("first_period").as("p_period"), col("first_source").as("p_source"))
            .agg(count(lit(1)).as("picked_up"));
    Dataset<Row> amplification =
        perSource
            .join(
                pickedUp,
                perSource
                    .col("period")
                    .equalTo(pickedUp.col("p_period"))
                    .and(perSource.col("source").equalTo(pickedUp.col("p_source"))),
                "left")
            .select(
                col("period"),
                col("source"),
                col("docs"),
                col("stories"),
                col("stories_first"),
                col("reprints"),
                col("self_repeats"),
                coalesce(col("picked_up"), lit(0L)).as("picked_up"),
                col("reprints").divide(col("docs")).as("reprint_share"));
    return new StoryTables(documents, stories, amplification);
  }

  /**
   * Streams the members of band buckets sorted by (key, salt, node): pairs each member with the
   * {@code window} members before it in its bucket, and, for a split bucket, hands out the first
   * member of each sub-bucket as a head to chain across sub-buckets.
   */
  static final class BucketScan implements Iterator<Row> {
    private final Iterator<Row> in;
    private final long[] ring;
    private final boolean heads;
    private final ArrayDeque<Row> pending = new ArrayDeque<>();
    private int filled;
    private int pos;
    private boolean started;
    private long key;
    private int salt;

    BucketScan(Iterator<Row> in, int window, boolean heads) {
      this.in = in;
      this.ring = new long[window];
      this.heads = heads;
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty()) {
        if (!in.hasNext()) {
          return false;
        }
        step(in.next());
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.poll();
    }

    private void step(Row r) {
      long k = r.getLong(0);
      long node = r.getLong(1);
      int salts = r.getInt(2);
      int s = r.getInt(3);
      if (!started || k != key || s != salt) {
        started = true;
        key = k;
        salt = s;
        filled = 0;
        pos = 0;
        if (heads && salts > 1) {
          pending.add(RowFactory.create(HEAD, k, node));
        }
      }
      for (int i = 0; i < filled; i++) {
        long prev = ring[i];
        if (prev != node) {
          pending.add(RowFactory.create(PAIR, Math.min(prev, node), Math.max(prev, node)));
        }
      }
      ring[pos] = node;
      pos = (pos + 1) % ring.length;
      if (filled < ring.length) {
        filled++;
      }
    }
  }
}
