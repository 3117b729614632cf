package org.marsad.boilerplate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.corpus.CorpusColumns;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.DateParser;
import org.marsad.pipeline.BoundedCollect;
import org.marsad.text.TextCleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the boilerplate lines of a corpus before the analysis pass, in one job: every input row's
 * cleaned text is cut into lines; each distinct line of a row gives (source, key of the line, day);
 * one shuffle counts the rows per (source, line) and per source, and only the lines that repeat
 * enough, in more than one text (exact copies of one article repeat all its lines), come to the
 * driver (under the driver cap; above it the share test runs distributed and the most frequent
 * lines are kept). The text is read but not analysed; the lines travel as 64-bit keys (a short line
 * also as text, for the manifest).
 */
public final class BoilerplateScan {

  private static final Logger LOG = LoggerFactory.getLogger(BoilerplateScan.class);

  /** Longest line kept as text for the manifest. */
  static final int SHOWN_CHARS = 200;

  /** Lines listed per source in the manifest. */
  static final int LISTED = 10;

  /** The key that stands for "a row of this source" (a line's key is never 0). */
  private static final long DOCUMENT = 0L;

  private static final StructType LINES =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("key", DataTypes.LongType, false)
          .add("day", DataTypes.IntegerType, true)
          .add("line", DataTypes.StringType, true)
          .add("doc", DataTypes.LongType, false);

  private BoilerplateScan() {}

  /**
   * The boilerplate of {@code raw} (the corpus as read) under {@code params}; {@link
   * Boilerplate#NONE} when disabled.
   *
   * @param cap most candidate rows brought to the driver
   */
  public static Boilerplate find(
      Dataset<Row> raw, CorpusOptions o, DateParser dates, BoilerplateParams params, long cap) {
    if (!params.enabled()) {
      return Boilerplate.NONE;
    }
    StructType input = raw.schema();
    Dataset<Row> rows =
        raw.select(
            col(CorpusColumns.quote(o.textCol())).cast("string").as("text"),
            CorpusColumns.source(input, o).as("source"),
            CorpusColumns.dateString(input, o).as("date"));
    FlatMapFunction<Row, Row> lines =
        r -> lines(r.getString(0), r.getString(1), r.getString(2), dates);
    Dataset<Row> counted =
        rows.flatMap(lines, Encoders.row(LINES))
            .groupBy("source", "key")
            .agg(
                count(lit(1)).as("docs"),
                min("day").as("first_day"),
                max("day").as("last_day"),
                max("line").as("line"),
                min("doc").as("doc_min"),
                max("doc").as("doc_max"));
    Dataset<Row> candidates =
        counted
            .filter(
                col("key")
                    .equalTo(DOCUMENT)
                    .or(
                        col("docs")
                            .geq(params.minDocs())
                            // copies of one text repeat all their lines: not boilerplate
                            .and(col("doc_min").notEqual(col("doc_max")))
                            .and(
                                col("first_day")
                                    .isNull()
                                    .or(
                                        col("last_day")
                                            .minus(col("first_day"))
                                            .geq(params.minDays())))))
            .drop("doc_min", "doc_max");
    raw.sparkSession().sparkContext().setJobDescription("boilerplate: lines repeated in a source");
    List<Row> got = BoundedCollect.rows(candidates, cap);
    if (got == null) {
      got = distributed(counted, candidates, params, cap);
    }
    return decide(got, params);
  }

  /** Above the cap: the share test against the source's rows, distributed; the top lines kept. */
  private static List<Row> distributed(
      Dataset<Row> counted, Dataset<Row> candidates, BoilerplateParams params, long cap) {
    Dataset<Row> sources =
        counted
            .filter(col("key").equalTo(DOCUMENT))
            .select(col("source").as("s"), col("docs").as("source_docs"));
    List<Row> lines =
        candidates
            .filter(col("key").notEqual(DOCUMENT))
            .join(sources, col("source").equalTo(col("s")))
            .filter(col("docs").geq(col("source_docs").multiply(params.share())))
            .drop("s", "source_docs")
            .orderBy(col("docs").desc(), col("key"))
            .limit((int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, cap)))
            .collectAsList();
    if (lines.size() >= cap) {
      LOG.warn(
          "[load] boilerplate: more than {} repeated lines; the {} most frequent are removed"
              + " (raise --driver-cap or --boilerplate-min-docs)",
          cap,
          cap);
    }
    List<Row> out =
        new ArrayList<>(
            counted
                .filter(col("key").equalTo(DOCUMENT))
                .drop("doc_min", "doc_max")
                .collectAsList());
    out.addAll(lines);
    return out;
  }

  /** The boilerplate of the collected candidate rows (source, key, docs, first, last, line). */
  static Boilerplate decide(List<Row> rows, BoilerplateParams params) {
    Map<String, Long> sourceDocs = new HashMap<>();
    for (Row r : rows) {
      if (r.getLong(1) == DOCUMENT) {
        sourceDocs.put(r.getString(0), r.getLong(2));
      }
    }
    List<Long> keys = new ArrayList<>();
    Map<String, List<Boilerplate.Line>> found = new TreeMap<>();
    for (Row r : rows) {
      long key = r.getLong(1);
      if (key == DOCUMENT) {
        continue;
      }
      String source = r.getString(0);
      long docs = r.getLong(2);
      Integer first = r.isNullAt(3) ? null : r.getInt(3);
      Integer last = r.isNullAt(4) ? null : r.getInt(4);
      Integer span = first == null || last == null ? null : last - first;
      if (params.isBoilerplate(docs, sourceDocs.getOrDefault(source, docs), span)) {
        keys.add(key);
        found
            .computeIfAbsent(source, s -> new ArrayList<>())
            .add(new Boilerplate.Line(r.isNullAt(5) ? null : r.getString(5), docs, first, last));
      }
    }
    for (List<Boilerplate.Line> l : found.values()) {
      l.sort(
          (a, b) ->
              a.documents() != b.documents()
                  ? Long.compare(b.documents(), a.documents())
                  : String.valueOf(a.line()).compareTo(String.valueOf(b.line())));
    }
    long[] k = new long[keys.size()];
    for (int i = 0; i < k.length; i++) {
      k[i] = keys.get(i);
    }
    Boilerplate b = new Boilerplate(k, found);
    if (b.size() > 0) {
      LOG.info(
          "[load] boilerplate: {} lines repeated across documents of {} sources are removed"
              + " before analysis",
          b.size(),
          found.size());
    }
    return b;
  }

  /** The rows of one input row: the row itself (key 0) and each distinct line. */
  static Iterator<Row> lines(String raw, String source, String date, DateParser dates) {
    if (raw == null) {
      return List.<Row>of().iterator();
    }
    Integer day = null;
    if (date != null && !date.isBlank()) {
      try {
        Instant when = dates.parse(date);
        if (when != null) {
          day = (int) when.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
        }
      } catch (RuntimeException e) {
        day = null; // the pass rejects the row with its reason
      }
    }
    String text;
    try {
      text = TextCleaner.clean(raw);
    } catch (RuntimeException | StackOverflowError e) {
      return List.<Row>of().iterator(); // the pass rejects the row with its reason
    }
    long doc = Boilerplate.key(source, text);
    List<Row> out = new ArrayList<>();
    out.add(RowFactory.create(source, DOCUMENT, day, null, doc));
    Set<Long> seen = new HashSet<>();
    for (String l : text.split("\n")) {
      String line = Boilerplate.normalize(l);
      if (line.isEmpty()) {
        continue;
      }
      long key = Boilerplate.key(source, line);
      if (key == DOCUMENT) {
        key = 1L;
      }
      if (seen.add(key)) {
        out.add(
            RowFactory.create(source, key, day, line.length() <= SHOWN_CHARS ? line : null, doc));
      }
    }
    return out.iterator();
  }

  /** The manifest's summary of {@code b}: per source, lines, rows holding them, the top lines. */
  public static Map<String, Object> toManifest(Boilerplate b, BoilerplateParams params) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", params.enabled());
    m.put("min_docs", params.minDocs());
    m.put("share", params.share());
    m.put("min_days", params.minDays());
    m.put("lines", b.size());
    long total = 0;
    Map<String, Object> per = new LinkedHashMap<>();
    for (var e : b.found().entrySet()) {
      long occurrences = 0;
      List<Map<String, Object>> top = new ArrayList<>();
      for (Boilerplate.Line l : e.getValue()) {
        occurrences += l.documents();
        if (top.size() < LISTED) {
          Map<String, Object> x = new LinkedHashMap<>();
          x.put(
              "line", l.line() == null ? "(longer than " + SHOWN_CHARS + " characters)" : l.line());
          x.put("documents", l.documents());
          top.add(x);
        }
      }
      total += occurrences;
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("lines", e.getValue().size());
      s.put("removed", occurrences);
      s.put("top", top);
      per.put(e.getKey(), s);
    }
    m.put("removed", total);
    m.put("sources", per);
    return m;
  }
}
