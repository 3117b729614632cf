package org.marsad.stories;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
   *     source, title (strings) and fingerprint (binary, {@link Fingerprint#encode()}; a document
   *     with a null fingerprint is a story of its own); other columns are ignored
   * @param mode near duplicates, exact duplicate texts, or every document its own story
   * @param params the parameters the fingerprints were made with, and the detection's
   * @return the documents' stories, the stories table and amplification per period and source
   */
  public static StoryTables compute(Dataset<Row> docs, DedupMode mode, StoryParams params) {
    return compute(docs, mode, params, 0);
  }

  /**
   * As {@link #compute(Dataset, DedupMode, StoryParams)}; the verified edges are joined into
   * stories by a union-find on the driver when they are at most {@code driverCap} (one job), by the
   * distributed connected components above it (0: always distributed).
   */
  public static StoryTables compute(
      Dataset<Row> docs, DedupMode mode, StoryParams params, long driverCap) {
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
              udf(
                  (UDF1<byte[], Long>) b -> b == null ? null : Fingerprint.decode(b).textHash(),
                  DataTypes.LongType);
          meta =
              docs.select(
                  col("doc_id"),
                  col("published_at"),
                  col("period"),
                  col("source"),
                  col("title"),
                  xxhash64(col("doc_id")).as("node"),
                  textHash.apply(col("fingerprint")).as("text_hash"));
          comp = coalesce(col("text_hash"), col("node"));
          break;
        }
      case NEAR:
      default:
        {
          Dataset<Row> fp =
              docs.filter(col("fingerprint").isNotNull())
                  .select(xxhash64(col("doc_id")).as("node"), col("fingerprint"))
                  .persist(StorageLevel.MEMORY_AND_DISK());
          List<Dataset<Row>> toRelease = new ArrayList<>();
          try {
            Dataset<Row> edges = verify(candidatePairs(fp, params, toRelease), fp, params);
            List<Row> local =
                driverCap > 0 ? org.marsad.pipeline.BoundedCollect.rows(edges, driverCap) : null;
            Dataset<Row> components =
                local != null
                    ? docs.sparkSession().createDataFrame(LocalUnion.components(local), COMPONENTS)
                    : ConnectedComponents.cut(
                        ConnectedComponents.components(edges, params.maxIterations()));
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
            toRelease.forEach(Dataset::unpersist);
          }
          comp = coalesce(col("component"), col("node"));
          break;
        }
    }
    describe(docs, "stories: tables");
    return tables(meta.withColumn("comp", comp));
  }

  /** Labels the next Spark jobs for the UI. */
  static void describe(Dataset<Row> any, String what) {
    any.sparkSession().sparkContext().setJobDescription(what);
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
  static Dataset<Row> candidatePairs(
      Dataset<Row> fp, StoryParams params, List<Dataset<Row>> toRelease) {
    Banding body = params.bodyBanding();
    Banding lead = params.leadBanding();
    int tag = Fingerprinter.tag(params);
    UserDefinedFunction bandKeys =
        udf(
            (UDF1<byte[], long[]>)
                b -> {
                  Fingerprint f = Fingerprint.decode(b);
                  if (f.paramsTag() != tag) {
                    throw new IllegalArgumentException(
                        "Cannot detect stories: the fingerprints were made with other parameters"
                            + " (shingle, bins, lead, sketch or seed) than the detection's");
                  }
                  return f.bandKeys(body, lead);
                },
            DataTypes.createArrayType(DataTypes.LongType, false));
    Dataset<Row> members =
        fp.select(explode(bandKeys.apply(col("fingerprint"))).as("key"), col("node"));
    // Bucket sizes estimated from 1 node in 64 (the node is a hash, so this is a fair sample).
    Dataset<Row> sampled =
        fp.filter(pmod(col("node"), lit(SAMPLE)).equalTo(0))
            .select(explode(bandKeys.apply(col("fingerprint"))).as("key"));
    int maxBucket = params.maxBucket();
    describe(fp, "stories: size of band buckets (sample)");
    Dataset<Row> big =
        sampled
            .groupBy("key")
            .agg(count(lit(1)).as("sampled"))
            .filter(col("sampled").multiply(SAMPLE).geq(maxBucket))
            .select(
                col("key").as("big_key"),
                ceil(col("sampled").multiply(SAMPLE).divide(maxBucket)).cast("int").as("salts"));
    // Materialised once: it is both tested for emptiness and broadcast.
    big = ConnectedComponents.cut(big);

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
    describe(fp, "stories: candidate pairs, verification, connected components");
    if (big.isEmpty()) {
      return scanned
          .filter(col("kind").equalTo(PAIR))
          .select(col("x").as("u"), col("y").as("v"))
          .distinct();
    }
    // Read twice (pairs and heads): cached, so the members are shuffled and sorted once.
    scanned.persist(StorageLevel.MEMORY_AND_DISK());
    toRelease.add(scanned);
    Dataset<Row> pairs = scanned.filter(col("kind").equalTo(PAIR)).union(headPairs);
    return pairs.select(col("x").as("u"), col("y").as("v")).distinct();
  }

  /**
   * The candidate pairs that are one story by {@link Similarity#sameStory}, as edges u, v: each
   * pair asks for both fingerprints in one join and its two rows meet in one shuffle. Each
   * partition's accepted edges are replaced by the stars of their local union-find (every node
   * linked to the smallest node of its local component): the same connectivity with a far smaller
   * diameter, so the global connected components need fewer rounds.
   */
  static Dataset<Row> verify(Dataset<Row> pairs, Dataset<Row> fp, StoryParams params) {
    // Each pair asks for both fingerprints in one join, then its two rows meet in one shuffle.
    // One pass over the pairs (a union of two projections would compute them twice).
    Dataset<Row> requests =
        pairs.select(explode(array(col("u"), col("v"))).as("node"), col("u"), col("v"));
    Dataset<Row> withFp =
        requests
            .join(fp, "node")
            .select(col("u"), col("v"), col("node"), col("fingerprint"))
            .repartition(col("u"), col("v"))
            .sortWithinPartitions(col("u"), col("v"), col("node"));
    return withFp.mapPartitions(
        (MapPartitionsFunction<Row, Row>)
            it -> {
              LocalUnion union = new LocalUnion();
              List<Row> out = new ArrayList<>();
              Row prev = null;
              while (it.hasNext()) {
                Row r = it.next();
                if (prev != null
                    && prev.getLong(0) == r.getLong(0)
                    && prev.getLong(1) == r.getLong(1)) {
                  Fingerprint fa = Fingerprint.decode((byte[]) prev.get(3));
                  Fingerprint fb = Fingerprint.decode((byte[]) r.get(3));
                  if (fa.similarity(fb).sameStory(params)) {
                    union.union(r.getLong(0), r.getLong(1));
                    if (union.size() >= LocalUnion.FLUSH) {
                      union.drainTo(out);
                    }
                  }
                  prev = null;
                } else {
                  prev = r;
                }
              }
              union.drainTo(out);
              return out.iterator();
            },
        Encoders.row(PAIRS));
  }

  /** Union-find over the edges of one partition, drained as stars around each component's min. */
  static final class LocalUnion {
    /** Nodes after which the stars are handed out and the structure restarts (bounded memory). */
    static final int FLUSH = 1 << 20;

    private final java.util.HashMap<Long, Long> parent = new java.util.HashMap<>();

    int size() {
      return parent.size();
    }

    long find(long x) {
      long root = x;
      Long p;
      while ((p = parent.get(root)) != null && p != root) {
        root = p;
      }
      // Path compression.
      long y = x;
      while ((p = parent.get(y)) != null && p != root) {
        parent.put(y, root);
        y = p;
      }
      return root;
    }

    void union(long a, long b) {
      parent.putIfAbsent(a, a);
      parent.putIfAbsent(b, b);
      long ra = find(a);
      long rb = find(b);
      if (ra != rb) {
        // The smaller node is the root, so each star is centred on its component's minimum.
        parent.put(Math.max(ra, rb), Math.min(ra, rb));
      }
    }

    /**
     * The components of {@code edges} (u, v) as rows (node, component): every node of an edge
     * between two distinct nodes, labelled with its component's smallest node (itself included), as
     * {@link ConnectedComponents#components} labels them.
     */
    static List<Row> components(List<Row> edges) {
      LocalUnion u = new LocalUnion();
      for (Row e : edges) {
        if (e.getLong(0) != e.getLong(1)) {
          u.union(e.getLong(0), e.getLong(1));
        }
      }
      List<Row> out = new ArrayList<>(u.parent.size());
      for (long x : new ArrayList<>(u.parent.keySet())) {
        out.add(RowFactory.create(x, u.find(x)));
      }
      return out;
    }

    void drainTo(List<Row> out) {
      for (long x : parent.keySet()) {
        long r = find(x);
        if (r != x) {
          out.add(RowFactory.create(x, r));
        }
      }
      parent.clear();
    }
  }

  private static final StructType COMPONENTS =
      new StructType()
          .add("node", DataTypes.LongType, false)
          .add("component", DataTypes.LongType, false);

  private static final StructType LABELLED =
      new StructType()
          .add("kind", DataTypes.IntegerType, false)
          .add("doc_id", DataTypes.StringType, true)
          .add("story_id", DataTypes.StringType, false)
          .add("story_first", DataTypes.BooleanType, true)
          .add("period", DataTypes.StringType, true)
          .add("source", DataTypes.StringType, true)
          .add("first_period", DataTypes.StringType, true)
          .add("first_source", DataTypes.StringType, true)
          .add("first_in_period_source", DataTypes.BooleanType, true)
          .add("first_published_at", DataTypes.TimestampType, true)
          .add("title", DataTypes.StringType, true)
          .add("docs", DataTypes.LongType, true)
          .add("sources", DataTypes.IntegerType, true)
          .add("span_hours", DataTypes.DoubleType, true);

  private static final int DOC = 0;
  private static final int STORY = 1;

  /**
   * The three tables from documents labelled with a component {@code comp}, in one shuffle: the
   * documents sorted by component and then by the first-document order (earliest published, null
   * dates last, ties by doc_id), so that the first row of a component is its story's first document
   * and each story is summed up as it streams.
   */
  private static StoryTables tables(Dataset<Row> meta) {
    Dataset<Row> labelled =
        meta.select(
                col("comp"),
                col("published_at").isNull().as("undated"),
                col("published_at"),
                col("doc_id"),
                col("source"),
                col("title"),
                col("period"))
            .repartition(col("comp"))
            .sortWithinPartitions(col("comp"), col("undated"), col("published_at"), col("doc_id"))
            .mapPartitions((MapPartitionsFunction<Row, Row>) StoryScan::new, Encoders.row(LABELLED))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> docRows = labelled.filter(col("kind").equalTo(DOC));
    Dataset<Row> documents = docRows.select("doc_id", "story_id", "story_first");
    Dataset<Row> stories =
        labelled
            .filter(col("kind").equalTo(STORY))
            .select(
                col("story_id"),
                col("first_period").as("period"),
                col("story_id").as("first_doc_id"),
                col("first_published_at"),
                col("first_source"),
                col("title"),
                col("docs"),
                col("sources"),
                col("span_hours"));
    Column notFirst = not(col("story_first"));
    Column reprint = notFirst.and(col("first_source").notEqual(col("source")));
    Column one = lit(1L);
    Column zero = lit(0L);
    // Counters of each document under its own period and source, and the pick-ups of a story
    // under its first document's period and source: one aggregation.
    Dataset<Row> counters =
        docRows
            .select(
                col("period"),
                col("source"),
                one.as("docs"),
                when(col("first_in_period_source"), one).otherwise(zero).as("stories"),
                when(col("story_first"), one).otherwise(zero).as("stories_first"),
                when(reprint, one).otherwise(zero).as("reprints"),
                when(notFirst.and(not(reprint)), one).otherwise(zero).as("self_repeats"),
                zero.as("picked_up"))
            .union(
                docRows
                    .filter(reprint)
                    .select(
                        col("first_period").as("period"),
                        col("first_source").as("source"),
                        zero.as("docs"),
                        zero.as("stories"),
                        zero.as("stories_first"),
                        zero.as("reprints"),
                        zero.as("self_repeats"),
                        one.as("picked_up")));
    Dataset<Row> amplification =
        counters
            .groupBy("period", "source")
            .agg(
                sum("docs").as("docs"),
                sum("stories").as("stories"),
                sum("stories_first").as("stories_first"),
                sum("reprints").as("reprints"),
                sum("self_repeats").as("self_repeats"),
                sum("picked_up").as("picked_up"))
            .withColumn("reprint_share", col("reprints").divide(col("docs")));
    return new StoryTables(documents, stories, amplification, labelled);
  }

  /**
   * Streams documents sorted by (comp, first-document order): emits every document with its story,
   * then one row per story when its run ends. Memory per story: its distinct sources and (period,
   * source) pairs.
   */
  static final class StoryScan implements Iterator<Row> {
    private final Iterator<Row> in;
    private final ArrayDeque<Row> pending = new ArrayDeque<>(4);
    private final java.util.Set<String> sources = new java.util.HashSet<>();
    private final java.util.Set<List<String>> periodSources = new java.util.HashSet<>();
    private boolean started;
    private long comp;
    private String storyId;
    private String firstPeriod;
    private String firstSource;
    private java.sql.Timestamp firstAt;
    private String title;
    private java.sql.Timestamp lastAt;
    private long docs;

    StoryScan(Iterator<Row> in) {
      this.in = in;
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty()) {
        if (!in.hasNext()) {
          if (started) {
            endStory();
            started = false;
            continue;
          }
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
      long c = r.getLong(0);
      java.sql.Timestamp at = r.isNullAt(2) ? null : r.getTimestamp(2);
      String docId = r.getString(3);
      String source = r.getString(4);
      String period = r.getString(6);
      boolean first = !started || c != comp;
      if (first) {
        if (started) {
          endStory();
        }
        started = true;
        comp = c;
        storyId = docId;
        firstPeriod = period;
        firstSource = source;
        firstAt = at;
        title = r.getString(5);
        lastAt = at;
        docs = 0;
        sources.clear();
        periodSources.clear();
      }
      docs++;
      sources.add(String.valueOf(source));
      if (at != null) {
        lastAt = at;
      }
      boolean newPair = periodSources.add(java.util.Arrays.asList(period, source));
      pending.add(
          RowFactory.create(
              DOC,
              docId,
              storyId,
              first,
              period,
              source,
              firstPeriod,
              firstSource,
              newPair,
              null,
              null,
              null,
              null,
              null));
    }

    private void endStory() {
      Double span =
          firstAt == null
              ? null
              : (lastAt.getTime() - firstAt.getTime()) / 3_600_000.0
                  + (lastAt.getNanos() % 1_000_000 - firstAt.getNanos() % 1_000_000) / 3.6e12;
      pending.add(
          RowFactory.create(
              STORY,
              null,
              storyId,
              null,
              null,
              null,
              firstPeriod,
              firstSource,
              null,
              firstAt,
              title,
              docs,
              sources.size(),
              span));
    }
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
