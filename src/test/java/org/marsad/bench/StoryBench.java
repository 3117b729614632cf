package org.marsad.bench;

import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.marsad.corpus.DateParser;
import org.marsad.stories.DedupMode;
import org.marsad.stories.Fingerprint;
import org.marsad.stories.Fingerprinter;
import org.marsad.stories.Stories;
import org.marsad.stories.StoryParams;
import org.marsad.stories.StoryTables;
import org.marsad.text.ArabicNormalizer;
import org.marsad.text.RawToken;
import org.marsad.text.TextCleaner;
import org.marsad.text.Tokenizer;

/**
 * Benchmark of story detection: single-thread fingerprinting (from normalised tokens, as the
 * analysis pass calls it, and from raw text for reference), then {@link Stories#compute} in
 * local[2] on the corpus ×1 and ×N, where ×N holds N versions of every document (the original and
 * N−1 copies, each with its own doc_id and one word changed): near duplicates of each other by
 * construction, the detector's worst case. Fingerprints are computed before the timed Spark part,
 * as the analysis pass will have stored them. Prints {@code story_bench ...} lines.
 *
 * <p>Usage: StoryBench [ANT_PATH] [N=4] [repeats=2]
 */
public final class StoryBench {

  private static final StructType SCHEMA =
      new StructType()
          .add("doc_id", DataTypes.StringType)
          .add("published_at", DataTypes.TimestampType)
          .add("period", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("title", DataTypes.StringType)
          .add("fingerprint", DataTypes.BinaryType);

  private StoryBench() {}

  /** CPU time of this process (all threads): work, whatever else runs on the machine. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Entry point. */
  public static void main(String[] args) {
    String path = args.length > 0 ? args[0] : "../shared/corpora/ant-multisource";
    int copies = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    StoryParams params = StoryParams.defaults();
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    List<Row> raw =
        spark
            .read()
            .parquet(path)
            .select(col("docno"), col("src"), col("title"), col("text"), col("time"))
            .filter(col("docno").isNotNull().and(col("text").isNotNull()))
            .orderBy("docno")
            .collectAsList();

    // The pass hands over normalised tokens: prepare them outside the timed loop.
    List<List<String>> tokens = new ArrayList<>(raw.size());
    List<String> cleaned = new ArrayList<>(raw.size());
    long bytes = 0;
    for (Row r : raw) {
      String text = r.getString(3);
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
      String c = TextCleaner.clean(text);
      cleaned.add(c);
      List<String> t = new ArrayList<>();
      for (RawToken rt : Tokenizer.tokenize(c)) {
        t.add(ArabicNormalizer.normalize(rt.surface()));
      }
      tokens.add(t);
    }
    Fingerprinter fp = new Fingerprinter(params);
    long sink = 0;
    for (int w = 0; w < 3; w++) { // warm-up
      for (int i = 0; i < tokens.size(); i++) {
        sink += fp.fingerprint(tokens.get(i), cleaned.get(i)).shingles();
      }
    }
    long encoded = 0;
    double best = Double.MAX_VALUE;
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      encoded = 0;
      for (int i = 0; i < tokens.size(); i++) {
        encoded += fp.fingerprint(tokens.get(i), cleaned.get(i)).encode().length;
      }
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "story_bench fingerprint_from_tokens docs=%d mb=%.1f seconds=%.3f docs_per_s=%.0f"
            + " mb_per_s=%.1f bytes_per_doc=%.0f (one thread, encode included)%n",
        tokens.size(),
        bytes / 1e6,
        best,
        tokens.size() / best,
        bytes / 1e6 / best,
        (double) encoded / tokens.size());
    long t0 = System.nanoTime();
    for (Row r : raw) {
      sink += Stories.fingerprintText(fp, r.getString(3)).shingles();
    }
    double full = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "story_bench fingerprint_from_text docs=%d seconds=%.3f mb_per_s=%.1f"
            + " (clean + tokenise + normalise + fingerprint, one thread)%n",
        raw.size(),
        full,
        bytes / 1e6 / full);

    DateParser dates = new DateParser(List.of());
    for (int n : copies == 1 ? new int[] {1} : new int[] {1, copies}) {
      List<Row> rows = new ArrayList<>(raw.size() * n);
      for (int i = 0; i < raw.size(); i++) {
        Row r = raw.get(i);
        java.time.Instant when = r.isNullAt(4) ? null : dates.parse(r.getString(4));
        for (int c = 0; c < n; c++) {
          List<String> t = tokens.get(i);
          String text = cleaned.get(i);
          if (c > 0 && !t.isEmpty()) {
            t = new ArrayList<>(t);
            t.set((c * 7919) % t.size(), "تعديل" + c);
            text = text + " " + c;
          }
          Fingerprint f = fp.fingerprint(t, text);
          rows.add(
              RowFactory.create(
                  c == 0 ? r.getString(0) : r.getString(0) + "#" + c,
                  when == null ? null : Timestamp.from(when.plusSeconds(60L * c)),
                  when == null ? "all" : when.toString().substring(0, 7),
                  c == 0 ? r.getString(1) : "copy" + c,
                  r.getString(2),
                  f.encode()));
        }
      }
      Dataset<Row> docs =
          spark.createDataFrame(rows, SCHEMA).repartition(8).persist(StorageLevel.MEMORY_ONLY());
      docs.count();
      for (int rep = 0; rep < repeats; rep++) {
        long c0 = cpuNanos();
        long s0 = System.nanoTime();
        StoryTables t = Stories.compute(docs, DedupMode.NEAR, params);
        t.documents().write().format("noop").mode("overwrite").save();
        t.stories().write().format("noop").mode("overwrite").save();
        t.amplification().write().format("noop").mode("overwrite").save();
        double s = (System.nanoTime() - s0) / 1e9;
        double cpu = (cpuNanos() - c0) / 1e9;
        long stories = t.stories().count();
        t.release();
        System.out.printf(
            Locale.ROOT,
            "story_bench detect copies=%d docs=%d stories=%d seconds=%.2f ms_per_doc=%.4f"
                + " cpu_seconds=%.2f load=%.2f (local[2], run %d)%n",
            n,
            rows.size(),
            stories,
            s,
            s * 1000 / rows.size(),
            cpu,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(),
            rep + 1);
      }
      docs.unpersist();
    }
    System.out.println("story_bench sink=" + sink);
    spark.stop();
  }
}
