package org.marsad.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.marsad.catalog.Catalog;
import org.marsad.pipeline.Table;
import org.marsad.relations.RelationsCatalog;
import org.marsad.report.ReportInputs.Count;
import org.marsad.report.ReportInputs.Missing;
import org.marsad.report.ReportInputs.Pair;
import org.marsad.report.ReportInputs.PairKey;
import org.marsad.report.ReportInputs.StateKey;
import org.marsad.report.ReportInputs.TermKey;

/**
 * Fills {@link ReportInputs} from the tables of an output folder with Spark: every value is a small
 * aggregate computed by Spark and collected (top-N lists, per-period and per-source sums), as the
 * Javadoc of {@link ReportInputs} defines it. Used by {@code marsad report}.
 */
public final class FolderReports {

  /** Optional columns a newer Marsad writes; read as null from a folder without them. */
  private static final Map<String, List<StructField>> EXTRA =
      Map.of(
          "documents", List.of(DataTypes.createStructField("url", DataTypes.StringType, true)),
          "comention_evidence",
              List.of(DataTypes.createStructField("url", DataTypes.StringType, true)),
          "term_evidence", List.of(DataTypes.createStructField("url", DataTypes.StringType, true)),
          "topic_states", List.of(DataTypes.createStructField("llr", DataTypes.DoubleType, true)));

  /** Mention forms that count when the manifest does not say (the default of --forms). */
  static final List<String> DEFAULT_FORMS = List.of("name", "adjective", "capital");

  private final SparkSession spark;
  private final String output;
  private final FileSystem fs;
  private final ObjectMapper mapper = new ObjectMapper();
  private JsonNode manifest;
  private Dataset<Row> documents;
  private List<String> views = List.of();
  private List<String> filterSources = List.of();
  private List<String> filterLangs = List.of();
  private String mainLang;
  private List<String> forms = DEFAULT_FORMS;

  private FolderReports(SparkSession spark, String output) {
    this.spark = spark;
    this.output = output;
    try {
      this.fs = new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(new Path(output))) {
        throw new IllegalArgumentException(
            "Cannot write report: no such output folder (" + output + ")");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write report: cannot read " + output + ": " + e.getMessage(), e);
    }
  }

  /** The report's inputs from the tables of output folder {@code outputDir}. */
  public static ReportInputs read(SparkSession spark, String outputDir) {
    Map<String, String> before = smallQueries(spark);
    try {
      return new FolderReports(spark, outputDir).read();
    } finally {
      before.forEach(spark.conf()::set);
    }
  }

  /**
   * Sets the session for the report's queries and returns the settings it replaced. The report
   * reads aggregates: adaptive execution would run each of their shuffles as a job of its own (28
   * more jobs on the sample, 67 instead of 39, and no faster), and without it a shuffle needs no
   * more partitions than the cluster has cores. The session is the run's: nothing else runs on it
   * while the report is read.
   */
  private static Map<String, String> smallQueries(SparkSession spark) {
    Map<String, String> before = new LinkedHashMap<>();
    for (String k : List.of(ADAPTIVE, SHUFFLE_PARTITIONS)) {
      before.put(k, spark.conf().get(k));
    }
    int partitions =
        Math.max(
            1,
            Math.min(
                Integer.parseInt(before.get(SHUFFLE_PARTITIONS)),
                spark.sparkContext().defaultParallelism()));
    spark.conf().set(ADAPTIVE, "false");
    spark.conf().set(SHUFFLE_PARTITIONS, Integer.toString(partitions));
    return before;
  }

  private static final String ADAPTIVE = "spark.sql.adaptive.enabled";
  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  private ReportInputs read() {
    manifest = manifest();
    if (manifest != null && manifest.path("config").hasNonNull("forms")) {
      List<String> f =
          Arrays.stream(manifest.path("config").path("forms").asText().split(","))
              .map(String::strip)
              .filter(x -> !x.isEmpty())
              .toList();
      if (!f.isEmpty()) {
        forms = f;
      }
    }
    documents = table(Catalog.DOCUMENTS);
    ReportInputs.Corpus corpus = corpus();
    ReportInputs.Meta meta = meta();
    ReportInputs.Terms terms = terms();
    ReportInputs.Topics topics = topics();
    ReportInputs.States states = states();
    ReportInputs.Changes changes = changes();
    ReportInputs partial =
        new ReportInputs(meta, views, corpus, terms, topics, states, changes, null);
    ReportInputs withEvidence = partial.withEvidence(evidence(partial.evidenceRequest()));
    return withEvidence.withRelations(relations(withEvidence));
  }

  // ---------------------------------------------------------------- meta

  private JsonNode manifest() {
    Path p = new Path(output, Catalog.MANIFEST);
    try {
      if (!fs.exists(p)) {
        return null;
      }
      try (InputStream in = fs.open(p)) {
        return mapper.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write report: cannot read " + p + ": " + e, e);
    }
  }

  private ReportInputs.Meta meta() {
    if (manifest == null) {
      return new ReportInputs.Meta(output, Instant.now(), null, null, null, null, null, List.of());
    }
    List<String> inputs = new ArrayList<>();
    manifest.path("inputs").forEach(i -> inputs.add(i.asText()));
    return new ReportInputs.Meta(
        output,
        Instant.now(),
        text(manifest.path("run_id")),
        text(manifest.path("command")),
        text(manifest.path("version")),
        instant(text(manifest.path("finished_at"))),
        text(manifest.path("config").path("period")),
        inputs);
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  private static Instant instant(String iso) {
    try {
      return iso == null ? null : Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- corpus

  /** Counted documents: the story's first, or without stories not an exact duplicate. */
  private static Column counted() {
    return when(col("story_id").isNull(), col("duplicate_of").isNull())
        .otherwise(col("story_id").equalTo(col("doc_id")));
  }

  private ReportInputs.Corpus corpus() {
    Missing missing = missing(documents, "documents", "period", "source", "lang", "duplicate_of");
    if (missing != null) {
      return new ReportInputs.Corpus(
          missing, 0, 0, 0, 0, 0, Map.of(), 0, List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
          Map.of(), Map.of(), List.of(), null);
    }
    Dataset<Row> perSource =
        documents
            .groupBy(functions.coalesce(col("source"), lit("unknown")).as("source"))
            .agg(count(lit(1)).as("n"));
    List<Count> topSources =
        perSource
            .orderBy(col("n").desc(), col("source"))
            .limit(ReportInputs.TOP_SOURCES)
            .collectAsList()
            .stream()
            .map(r -> new Count(r.getString(0), r.getLong(1)))
            .toList();
    Set<String> top = new HashSet<>();
    topSources.forEach(c -> top.add(c.key()));
    Column src = functions.coalesce(col("source"), lit("unknown"));
    List<Row> rows =
        documents
            .select(
                col("period"),
                when(src.isin(top.toArray()), src).as("src"),
                functions.coalesce(col("lang"), lit("unknown")).as("lang"),
                counted().as("counted"),
                col("duplicate_of").isNotNull().as("dup"))
            .groupBy("period", "src", "lang", "counted", "dup")
            .agg(count(lit(1)).as("n"))
            .collectAsList();
    long sources = top.size() < ReportInputs.TOP_SOURCES ? top.size() : perSource.count();
    long docs = 0;
    long countedDocs = 0;
    long dups = 0;
    Map<String, Long> langTotals = new HashMap<>();
    Map<String, Map<String, Long>> byPeriodSource = new TreeMap<>();
    Map<String, Long> other = new TreeMap<>();
    Map<String, Long> countedByPeriod = new TreeMap<>();
    for (Row r : rows) {
      String p = r.getString(0);
      long n = r.getLong(5);
      docs += n;
      langTotals.merge(r.getString(2), n, Long::sum);
      if (r.getBoolean(4)) {
        dups += n;
      }
      if (r.isNullAt(1)) {
        other.merge(p, n, Long::sum);
      } else {
        byPeriodSource.computeIfAbsent(p, k -> new TreeMap<>()).merge(r.getString(1), n, Long::sum);
      }
      if (!r.isNullAt(3) && r.getBoolean(3)) {
        countedDocs += n;
        countedByPeriod.merge(p, n, Long::sum);
      }
    }
    List<Count> langs =
        langTotals.entrySet().stream()
            .sorted(
                Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                    .thenComparing(Map.Entry::getKey))
            .limit(ReportInputs.TOP_LANGS)
            .map(e -> new Count(e.getKey(), e.getValue()))
            .toList();
    // The filters, fixed here for every other section.
    filterSources =
        sources < 2
            ? List.of()
            : topSources.stream().limit(ReportInputs.FILTER_SOURCES).map(Count::key).toList();
    filterLangs =
        langs.size() < 2
            ? List.of()
            : langs.stream().limit(ReportInputs.FILTER_LANGS).map(Count::key).toList();
    mainLang = langs.isEmpty() ? null : langs.get(0).key();
    Map<String, Map<String, Long>> countedPS = new LinkedHashMap<>();
    Map<String, Long> countedS = new LinkedHashMap<>();
    filterSources.forEach(s -> countedPS.put(s, new TreeMap<>()));
    Map<String, Map<String, Long>> countedPL = new LinkedHashMap<>();
    filterLangs.forEach(l -> countedPL.put(l, new TreeMap<>()));
    for (Row r : rows) {
      if (r.isNullAt(3) || !r.getBoolean(3)) {
        continue;
      }
      String p = r.getString(0);
      long n = r.getLong(5);
      if (!r.isNullAt(1) && countedPS.containsKey(r.getString(1))) {
        countedPS.get(r.getString(1)).merge(p, n, Long::sum);
        countedS.merge(r.getString(1), n, Long::sum);
      }
      if (countedPL.containsKey(r.getString(2))) {
        countedPL.get(r.getString(2)).merge(p, n, Long::sum);
      }
    }
    Set<String> periods = new TreeSet<>(byPeriodSource.keySet());
    periods.addAll(other.keySet());
    periods.remove(ReportInputs.ALL);
    List<String> dated = new ArrayList<>(periods);
    views =
        List.copyOf(
            dated.subList(Math.max(0, dated.size() - ReportInputs.VIEW_PERIODS), dated.size()));

    Map<String, Long> reasons = new TreeMap<>();
    if (manifest != null && manifest.has("rejected_by_reason")) {
      manifest
          .get("rejected_by_reason")
          .fields()
          .forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
    } else {
      Dataset<Row> rej = table(Catalog.REJECTED);
      if (rej != null) {
        for (Row r : rej.groupBy("reason").count().collectAsList()) {
          reasons.merge(r.isNullAt(0) ? "unknown" : r.getString(0), r.getLong(1), Long::sum);
        }
      }
    }
    long rejected = reasons.values().stream().mapToLong(Long::longValue).sum();
    long rowsIn =
        manifest != null && manifest.path("rows").has("in")
            ? manifest.path("rows").path("in").asLong()
            : docs + rejected;
    return new ReportInputs.Corpus(
        null,
        rowsIn,
        docs,
        countedDocs,
        dups,
        rejected,
        reasons,
        sources,
        topSources,
        byPeriodSource,
        other,
        countedByPeriod,
        countedPS,
        countedPL,
        countedS,
        langs,
        stories());
  }

  private ReportInputs.Stories stories() {
    Dataset<Row> st = table(Catalog.STORIES);
    Dataset<Row> amp = table(Catalog.STORY_AMPLIFICATION);
    if (st == null || amp == null) {
      return null;
    }
    String mode = manifest == null ? "" : manifest.path("dedup").path("mode").asText("");
    long stories =
        manifest != null && manifest.path("tables").has("stories")
            ? manifest.path("tables").path("stories").asLong()
            : st.count();
    List<Row> top =
        st.filter(col("docs").gt(1))
            .orderBy(col("docs").desc(), col("sources").desc(), col("story_id"))
            .limit(ReportInputs.TOP_STORIES)
            .select("story_id", "title", "docs", "sources", "first_source", "first_published_at")
            .collectAsList();
    Map<String, List<String>> outlets = new HashMap<>();
    if (!top.isEmpty()) {
      List<String> ids = top.stream().map(r -> r.getString(0)).toList();
      for (Row r :
          documents
              .filter(col("story_id").isin(ids.toArray()))
              .groupBy(col("story_id"), functions.coalesce(col("source"), lit("unknown")))
              .count()
              .collectAsList()) {
        outlets
            .computeIfAbsent(r.getString(0), k -> new ArrayList<>())
            .add(r.getString(1) + "\u0000" + r.getLong(2));
      }
    }
    List<ReportInputs.Story> list = new ArrayList<>();
    for (Row r : top) {
      List<String> o =
          outlets.getOrDefault(r.getString(0), List.of()).stream()
              .map(x -> x.split("\u0000"))
              .sorted(
                  Comparator.comparing((String[] x) -> -Long.parseLong(x[1]))
                      .thenComparing(x -> x[0]))
              .map(x -> x[0])
              .toList();
      list.add(
          new ReportInputs.Story(
              r.getString(0),
              r.getString(1),
              r.getLong(2),
              r.getInt(3),
              r.isNullAt(4) ? "unknown" : r.getString(4),
              r.isNullAt(5) ? null : r.getTimestamp(5).toInstant(),
              o));
    }
    List<ReportInputs.Amplification> amplification = new ArrayList<>();
    for (Row r :
        amp.groupBy(functions.coalesce(col("source"), lit("unknown")).as("source"))
            .agg(sum("docs").as("docs"), sum("reprints").as("reprints"), sum("stories_first"))
            .orderBy(col("reprints").desc(), col("source"))
            .limit(ReportInputs.TOP_STORIES)
            .collectAsList()) {
      amplification.add(
          new ReportInputs.Amplification(r.getString(0), lng(r, 1), lng(r, 2), lng(r, 3)));
    }
    return new ReportInputs.Stories(mode, stories, list, amplification);
  }

  // ---------------------------------------------------------------- terms

  private ReportInputs.Terms terms() {
    Dataset<Row> tf = table(Catalog.TERM_FREQUENCIES);
    Missing missing = missing(tf, "term_frequencies", "period", "term", "label", "term_count");
    if (missing != null) {
      return new ReportInputs.Terms(missing, List.of(), Map.of(), List.of(), List.of());
    }
    Column docCount = functions.coalesce(col("doc_count"), col("term_count"));
    Dataset<Row> base =
        tf.select(
            when(col("period").isin(views.toArray()), col("period")).as("vp"),
            when(col("source").isin(filterSources.toArray()), col("source")).as("fs"),
            when(col("lang").isin(filterLangs.toArray()), col("lang")).as("fl"),
            col("lang"),
            col("term"),
            col("label"),
            col("term_count"),
            docCount.as("doc_count"));
    // Every (period, source, lang) cell at once: one grouping set per combination of filters.
    List<String> sets = new ArrayList<>();
    for (boolean p : new boolean[] {false, true}) {
      for (boolean s : new boolean[] {false, true}) {
        for (boolean l : new boolean[] {false, true}) {
          // One filter at a time: a source or a language, not both.
          if ((s && filterSources.isEmpty()) || (l && filterLangs.isEmpty()) || (s && l)) {
            continue;
          }
          List<String> g = new ArrayList<>();
          if (p) {
            g.add("vp");
          }
          if (s) {
            g.add("fs");
          }
          if (l) {
            g.add("fl");
          }
          g.add("lang");
          g.add("term");
          sets.add("(" + String.join(", ", g) + ")");
        }
      }
    }
    String view = "marsad_report_tf_" + Math.abs(System.nanoTime());
    base.createOrReplaceTempView(view);
    Dataset<Row> cells;
    Dataset<Row> cached = null;
    try {
      cells =
          spark.sql(
              "SELECT CASE WHEN grouping(vp) = 0 THEN vp ELSE 'all' END AS p,"
                  + " grouping(vp) AS gp, grouping(fs) AS gs, grouping(fl) AS gl, fs, fl, lang,"
                  + " term, max(label) AS label, sum(term_count) AS n, sum(doc_count) AS docs FROM "
                  + view
                  + " GROUP BY vp, fs, fl, lang, term GROUPING SETS ("
                  + String.join(", ", sets)
                  + ")");
      // Kept for the comparison units, which are two of its grouping sets: term_frequencies is
      // read and aggregated once (the cache fills in the first query, no job of its own).
      cells =
          cells
              .filter(
                  col("gp")
                      .equalTo(1)
                      .or(col("p").isNotNull())
                      .and(col("gs").equalTo(1).or(col("fs").isNotNull()))
                      .and(col("gl").equalTo(1).or(col("fl").isNotNull())))
              .persist(StorageLevel.MEMORY_AND_DISK());
      cached = cells;
      List<Row> top =
          cells
              .withColumn(
                  "r",
                  row_number()
                      .over(
                          Window.partitionBy("p", "gs", "fs", "gl", "fl")
                              .orderBy(col("n").desc(), col("lang"), col("term"))))
              .filter(col("r").leq(ReportInputs.TOP_ITEMS))
              .select("p", "gs", "fs", "gl", "fl", "lang", "term", "label", "n", "docs", "r")
              .collectAsList();
      Map<List<String>, List<ReportInputs.TermCount>> byCell = new TreeMap<>(LIST_ORDER);
      List<Row> sortedTop = new ArrayList<>(top);
      sortedTop.sort(Comparator.comparingInt(r -> r.getInt(10)));
      for (Row r : sortedTop) {
        String source = r.getByte(1) == 0 ? r.getString(2) : null;
        String lang = r.getByte(3) == 0 ? r.getString(4) : null;
        byCell
            .computeIfAbsent(Arrays.asList(r.getString(0), source, lang), k -> new ArrayList<>())
            .add(
                new ReportInputs.TermCount(
                    r.getString(5), r.getString(6), r.getString(7), lng(r, 8), lng(r, 9)));
      }
      List<ReportInputs.TermCell> termCells = new ArrayList<>();
      byCell.forEach(
          (k, v) -> termCells.add(new ReportInputs.TermCell(k.get(0), k.get(1), k.get(2), v)));
      return new ReportInputs.Terms(
          null, termCells, keyness(), collocations(), compareUnits(cells));
    } finally {
      if (cached != null) {
        cached.unpersist();
      }
      spark.catalog().dropTempView(view);
    }
  }

  /** Orders keys with nulls first (null source or lang: all). */
  private static final Comparator<List<String>> LIST_ORDER =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          String x = a.get(i);
          String y = b.get(i);
          int c =
              x == null
                  ? (y == null ? 0 : -1)
                  : y == null
                      ? 1
                      : (x.equals(ReportInputs.ALL)
                          ? (y.equals(x) ? 0 : -1)
                          : y.equals(ReportInputs.ALL) ? 1 : x.compareTo(y));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };

  /**
   * The terms of each period and of each filter source in the main languages, from {@code cells}
   * (the report's term cells: the grouping sets (period, lang, term) and (source, lang, term) are
   * among them).
   */
  private List<ReportInputs.TermUnit> compareUnits(Dataset<Row> cells) {
    List<String> langs =
        filterLangs.isEmpty() ? (mainLang == null ? List.of() : List.of(mainLang)) : filterLangs;
    if (langs.isEmpty()) {
      return List.of();
    }
    Column byPeriod = col("gp").equalTo(0).and(col("gs").equalTo(1)).and(col("gl").equalTo(1));
    Column bySource = col("gp").equalTo(1).and(col("gs").equalTo(0)).and(col("gl").equalTo(1));
    Dataset<Row> units =
        cells
            .filter(col("lang").isin(langs.toArray()).and(byPeriod.or(bySource)))
            .select(
                when(byPeriod, lit("period")).otherwise(lit("source")).as("kind"),
                when(byPeriod, col("p")).otherwise(col("fs")).as("key"),
                col("lang"),
                col("term"),
                col("label"),
                col("n"),
                col("docs"))
            .filter(col("key").isNotNull())
            .withColumn("tokens", sum("n").over(Window.partitionBy("kind", "key", "lang")))
            .withColumn(
                "r",
                row_number()
                    .over(
                        Window.partitionBy("kind", "key", "lang")
                            .orderBy(col("n").desc(), col("term"))));
    Dataset<Row> candidates =
        units.filter(col("r").leq(ReportInputs.COMPARE_TERMS)).select("lang", "term").distinct();
    List<Row> rows =
        units
            .join(candidates, new String[] {"lang", "term"}, "left_semi")
            .select("kind", "key", "lang", "term", "label", "n", "docs", "tokens")
            .collectAsList();
    Map<List<String>, List<Row>> byUnit = new TreeMap<>(LIST_ORDER);
    for (Row r : rows) {
      byUnit
          .computeIfAbsent(
              List.of(r.getString(0), r.getString(1), r.getString(2)), k -> new ArrayList<>())
          .add(r);
    }
    List<ReportInputs.TermUnit> out = new ArrayList<>();
    byUnit.forEach(
        (k, list) -> {
          list.sort(
              Comparator.comparing((Row r) -> -r.getLong(5)).thenComparing(r -> r.getString(3)));
          out.add(
              new ReportInputs.TermUnit(
                  k.get(0),
                  k.get(1),
                  k.get(2),
                  list.get(0).getLong(7),
                  list.stream()
                      .filter(r -> r.getLong(5) > 0)
                      .map(
                          r ->
                              new ReportInputs.TermCount(
                                  r.getString(2),
                                  r.getString(3),
                                  r.getString(4),
                                  r.getLong(5),
                                  lng(r, 6)))
                      .toList()));
        });
    return out;
  }

  private Map<String, List<ReportInputs.Keyness>> keyness() {
    Dataset<Row> key = table(Catalog.TERM_KEYNESS);
    if (missing(key, "term_keyness", "period", "term", "label", "g2", "log_ratio") != null) {
      return Map.of();
    }
    Map<String, List<ReportInputs.Keyness>> out = new TreeMap<>();
    for (Row r :
        topN(
                key.filter(col("log_ratio").gt(0)),
                "period",
                col("g2").desc(),
                "term",
                ReportInputs.TOP_ITEMS)
            .select("period", "lang", "term", "label", "g2", "log_ratio", "count_period")
            .collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(
              new ReportInputs.Keyness(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  dbl(r, 4),
                  dbl(r, 5),
                  lngOrNull(r, 6)));
    }
    return out;
  }

  private List<ReportInputs.Collocation> collocations() {
    Dataset<Row> coll = table(Catalog.COLLOCATIONS);
    if (missing(coll, "collocations", "label", "count", "g2") != null) {
      return List.of();
    }
    return coll
        .orderBy(col("g2").desc(), col("label"))
        .limit(ReportInputs.TOP_ITEMS)
        .select("lang", "term", "label", "count", "g2", "pmi")
        .collectAsList()
        .stream()
        .map(
            r ->
                new ReportInputs.Collocation(
                    r.getString(0),
                    r.getString(1),
                    r.getString(2),
                    lng(r, 3),
                    dbl(r, 4),
                    dbl(r, 5)))
        .toList();
  }

  // ---------------------------------------------------------------- topics

  private ReportInputs.Topics topics() {
    Dataset<Row> terms = table(Catalog.TOPICS);
    Dataset<Row> summary = table(Catalog.TOPIC_SUMMARY);
    Missing missing = missing(summary, "topic_summary", "topic_id", "label", "npmi", "prevalence");
    if (missing == null) {
      missing = missing(terms, "topics", "topic_id", "rank", "label", "weight");
    }
    if (missing != null) {
      return new ReportInputs.Topics(missing, List.of(), "", List.of());
    }
    // Small tables (a row per topic, k × 20 terms): sorted here, not by a global sort in Spark.
    List<Row> sum =
        new ArrayList<>(
            summary
                .select("topic_id", "label", "npmi", "weak", "prevalence", "top_doc_ids")
                .collectAsList());
    sum.sort(
        Comparator.comparing((Row r) -> r.isNullAt(4) ? Double.POSITIVE_INFINITY : -r.getDouble(4))
            .thenComparingInt(r -> r.getInt(0)));
    Map<Integer, List<ReportInputs.TopicTerm>> topTerms = new HashMap<>();
    List<Row> termRows =
        new ArrayList<>(
            terms
                .filter(col("rank").leq(ReportInputs.TOPIC_TERMS))
                .select("topic_id", "label", "weight", "rank")
                .collectAsList());
    termRows.sort(
        Comparator.comparingInt((Row r) -> r.getInt(0)).thenComparingInt(r -> r.getInt(3)));
    for (Row r : termRows) {
      topTerms
          .computeIfAbsent(r.getInt(0), k -> new ArrayList<>())
          .add(new ReportInputs.TopicTerm(r.getString(1), dbl(r, 2)));
    }
    // The typical articles: titles and links of those documents only.
    Set<String> ids = new TreeSet<>();
    for (Row r : sum) {
      if (!r.isNullAt(5)) {
        r.<String>getList(5).stream().limit(ReportInputs.TOPIC_DOCS).forEach(ids::add);
      }
    }
    Map<String, String[]> docs = new HashMap<>();
    if (!ids.isEmpty() && documents != null) {
      for (Row r :
          documents
              .filter(col("doc_id").isin(ids.toArray()))
              .select("doc_id", "title", "url")
              .collectAsList()) {
        docs.put(r.getString(0), new String[] {r.getString(1), r.getString(2)});
      }
    }
    Dataset<Row> ts = table(Catalog.TOPIC_STATES);
    String rankedBy = "";
    Map<Integer, List<ReportInputs.TopicState>> states = new HashMap<>();
    if (missing(ts, "topic_states", "topic_id", "state", "docs", "lift") == null) {
      List<Row> rows =
          ts.filter(col("docs").geq(ReportInputs.TOPIC_STATE_MIN_DOCS).and(col("lift").gt(1)))
              .select("topic_id", "state", "docs", "lift", "llr")
              .collectAsList();
      boolean llr = rows.stream().anyMatch(r -> !r.isNullAt(4));
      rankedBy = llr ? "llr" : "lift_docs";
      Map<Integer, List<Row>> byTopic = new HashMap<>();
      for (Row r : rows) {
        if (!llr || (!r.isNullAt(4) && r.getDouble(4) >= ReportInputs.TOPIC_STATE_MIN_LLR)) {
          byTopic.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r);
        }
      }
      Comparator<Row> order =
          llr
              ? Comparator.comparing((Row r) -> -r.getDouble(4))
              : Comparator.comparing((Row r) -> -(r.getDouble(3) * r.getLong(2)));
      byTopic.forEach(
          (t, list) ->
              states.put(
                  t,
                  list.stream()
                      .sorted(order.thenComparing(r -> r.getString(1)))
                      .limit(ReportInputs.TOPIC_STATES)
                      .map(
                          r ->
                              new ReportInputs.TopicState(
                                  r.getString(1), r.getLong(2), dbl(r, 3), dbl(r, 4)))
                      .toList()));
    }
    List<ReportInputs.Topic> topics = new ArrayList<>();
    for (Row r : sum) {
      int id = r.getInt(0);
      Double npmi = dbl(r, 2);
      boolean weak = r.isNullAt(3) ? npmi != null && npmi < 0 : r.getBoolean(3);
      List<ReportInputs.TopicDoc> td = new ArrayList<>();
      if (!r.isNullAt(5)) {
        r.<String>getList(5).stream()
            .limit(ReportInputs.TOPIC_DOCS)
            .forEach(
                d -> {
                  String[] x = docs.get(d);
                  td.add(
                      new ReportInputs.TopicDoc(d, x == null ? "" : x[0], x == null ? null : x[1]));
                });
      }
      topics.add(
          new ReportInputs.Topic(
              id,
              r.getString(1),
              npmi,
              weak,
              dbl(r, 4),
              topTerms.getOrDefault(id, List.of()),
              states.getOrDefault(id, List.of()),
              td));
    }
    return new ReportInputs.Topics(null, topics, rankedBy, topicWeights());
  }

  private List<ReportInputs.TopicWeight> topicWeights() {
    List<ReportInputs.TopicWeight> out = new ArrayList<>();
    Dataset<Row> trends = table(Catalog.TOPIC_TRENDS);
    if (missing(trends, "topic_trends", "period", "topic_id", "weight_sum") != null) {
      return out;
    }
    Column fs =
        filterSources.isEmpty()
            ? lit(null).cast("string")
            : when(col("source").isin(filterSources.toArray()), col("source"));
    Dataset<Row> base =
        trends.select(
            col("period"),
            fs.as("fs"),
            col("topic_id"),
            col("weight_sum"),
            functions.coalesce(col("docs"), lit(0L)).as("docs"));
    Dataset<Row> all =
        base.groupBy("period", "topic_id")
            .agg(sum("weight_sum").as("w"), sum("docs").as("d"))
            .select(
                col("period"),
                lit(null).cast("string").as("fs"),
                col("topic_id"),
                col("w"),
                col("d"));
    Dataset<Row> perSource =
        base.filter(col("fs").isNotNull())
            .groupBy("period", "fs", "topic_id")
            .agg(sum("weight_sum").as("w"), sum("docs").as("d"))
            .select("period", "fs", "topic_id", "w", "d");
    for (Row r :
        (filterSources.isEmpty() ? all : all.unionByName(perSource))
            .filter(col("w").gt(0))
            .collectAsList()) {
      out.add(
          new ReportInputs.TopicWeight(
              r.getString(0), r.getString(1), null, r.getInt(2), r.getDouble(3), lng(r, 4)));
    }
    Dataset<Row> dt = table(Catalog.DOCUMENT_TOPICS);
    if (!filterLangs.isEmpty()
        && documents != null
        && missing(dt, "document_topics", "doc_id", "period", "topic_id", "weight") == null) {
      for (Row r :
          dt.join(
                  documents
                      .filter(col("lang").isin(filterLangs.toArray()))
                      .select(col("doc_id"), col("lang")),
                  "doc_id")
              .groupBy("period", "lang", "topic_id")
              .agg(sum("weight").as("w"), count(lit(1)).as("d"))
              .filter(col("w").gt(0))
              .collectAsList()) {
        out.add(
            new ReportInputs.TopicWeight(
                r.getString(0), null, r.getString(1), r.getInt(2), r.getDouble(3), r.getLong(4)));
      }
    }
    out.sort(
        Comparator.comparing(ReportInputs.TopicWeight::period)
            .thenComparing(w -> String.valueOf(w.source()))
            .thenComparing(w -> String.valueOf(w.lang()))
            .thenComparingInt(ReportInputs.TopicWeight::topic));
    return out;
  }

  // ---------------------------------------------------------------- states

  private ReportInputs.States states() {
    Dataset<Row> dim = table(Catalog.STATES);
    Dataset<Row> counts = table(Catalog.STATE_COUNTS);
    Missing missing = missing(counts, "state_counts", "period", "state", "docs");
    if (missing == null) {
      missing = missing(dim, "states", "iso2", "name_en", "name_ar");
    }
    if (missing != null) {
      return new ReportInputs.States(
          missing, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, Map.of(),
          Map.of(), Map.of());
    }
    Map<String, ReportInputs.StateName> names = new TreeMap<>();
    for (Row r : dim.select("iso2", "name_en", "name_ar", "iso3", "status").collectAsList()) {
      names.put(
          r.getString(0),
          new ReportInputs.StateName(
              r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
    }
    // Documents per state: all periods and each view period, over all sources and per filter
    // source (all periods: every state; a view period: the top states).
    Column vp = when(col("period").isin(views.toArray()), col("period"));
    Column fs =
        filterSources.isEmpty()
            ? lit(null).cast("string")
            : when(col("source").isin(filterSources.toArray()), col("source"));
    Dataset<Row> base = counts.select(vp.as("vp"), fs.as("fs"), col("state"), col("docs"));
    String view = "marsad_report_sc_" + Math.abs(System.nanoTime());
    base.createOrReplaceTempView(view);
    List<Row> rows;
    try {
      rows =
          spark
              .sql(
                  "SELECT CASE WHEN grouping(vp) = 0 THEN vp ELSE 'all' END AS p, grouping(fs) AS"
                      + " gs, fs, state, sum(docs) AS docs FROM "
                      + view
                      + " GROUP BY vp, fs, state GROUPING SETS ((state), (vp, state)"
                      + (filterSources.isEmpty() ? "" : ", (fs, state), (fs, vp, state)")
                      + ")")
              .filter(col("p").isNotNull().and(col("gs").equalTo(1).or(col("fs").isNotNull())))
              .filter(col("docs").gt(0))
              .collectAsList();
    } finally {
      spark.catalog().dropTempView(view);
    }
    Map<String, Map<String, Long>> docs = new LinkedHashMap<>();
    docs.put(ReportInputs.ALL, new TreeMap<>());
    views.forEach(p -> docs.put(p, new TreeMap<>()));
    Map<String, Map<String, Map<String, Long>>> perSource = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.getByte(1) == 1) {
        docs.get(r.getString(0)).put(r.getString(3), r.getLong(4));
      } else {
        perSource
            .computeIfAbsent(r.getString(2), k -> new LinkedHashMap<>())
            .computeIfAbsent(r.getString(0), k -> new TreeMap<>())
            .put(r.getString(3), r.getLong(4));
      }
    }
    Map<String, Map<String, List<Count>>> bySource = new LinkedHashMap<>();
    Map<String, Map<String, Long>> docsBySource = new LinkedHashMap<>();
    for (String s : filterSources) {
      Map<String, Map<String, Long>> m = perSource.getOrDefault(s, Map.of());
      docsBySource.put(s, m.getOrDefault(ReportInputs.ALL, new TreeMap<>()));
      Map<String, List<Count>> lists = new LinkedHashMap<>();
      lists.put(ReportInputs.ALL, topCounts(m.getOrDefault(ReportInputs.ALL, Map.of())));
      views.forEach(p -> lists.put(p, topCounts(m.getOrDefault(p, Map.of()))));
      bySource.put(s, lists);
    }
    List<String> timeStates =
        ranked(docs.get(ReportInputs.ALL)).stream().limit(ReportInputs.TIME_STATES).toList();
    Map<String, Map<String, Long>> time = new LinkedHashMap<>();
    if (!timeStates.isEmpty()) {
      timeStates.forEach(s -> time.put(s, new TreeMap<>()));
      for (Row r :
          counts
              .filter(col("state").isin(timeStates.toArray()))
              .groupBy("state", "period")
              .agg(sum("docs").as("docs"))
              .filter(col("docs").gt(0))
              .collectAsList()) {
        time.get(r.getString(0)).put(r.getString(1), r.getLong(2));
      }
    }
    Map<String, Map<String, List<Count>>> byLang = statesByLang();
    Dataset<Row> co = table(Catalog.STATE_COMENTIONS);
    String scope = null;
    Map<String, ReportInputs.PeriodPairs> pairs = new LinkedHashMap<>();
    Map<String, Map<String, List<Pair>>> partners = new LinkedHashMap<>();
    Map<String, List<Pair>> comparePairs = new LinkedHashMap<>();
    if (missing(co, "state_comentions", "period", "scope", "state_a", "state_b", "co_docs", "npmi")
        == null) {
      List<String> scopes =
          co
              .filter(col("period").equalTo(ReportInputs.ALL))
              .select("scope")
              .distinct()
              .collectAsList()
              .stream()
              .map(r -> r.getString(0))
              .sorted()
              .toList();
      if (!scopes.isEmpty()) {
        scope = scopes.contains("document") ? "document" : scopes.get(0);
        comentions(co, scope, docs, pairs, partners, comparePairs);
      }
    }
    return new ReportInputs.States(
        null,
        names,
        docs,
        time,
        bySource,
        docsBySource,
        byLang,
        scope,
        pairs,
        partners,
        comparePairs);
  }

  private static List<Count> topCounts(Map<String, Long> m) {
    return m.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey))
        .limit(ReportInputs.TOP_ITEMS)
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }

  private static List<String> ranked(Map<String, Long> m) {
    return topCountsAll(m).stream().map(Count::key).toList();
  }

  private static List<Count> topCountsAll(Map<String, Long> m) {
    return m.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey))
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }

  /**
   * The most named states per filter language: counted documents with a mention of a counted form.
   */
  private Map<String, Map<String, List<Count>>> statesByLang() {
    Map<String, Map<String, List<Count>>> out = new LinkedHashMap<>();
    Dataset<Row> mentions = table(Catalog.STATE_MENTIONS);
    if (filterLangs.isEmpty()
        || documents == null
        || missing(mentions, "state_mentions", "doc_id", "state", "form") != null) {
      return out;
    }
    Dataset<Row> docs =
        documents
            .filter(counted().and(col("lang").isin(filterLangs.toArray())))
            .select(col("doc_id"), col("lang"), col("period"));
    Dataset<Row> named =
        mentions
            .filter(col("form").isin(forms.toArray()))
            .select("doc_id", "state")
            .distinct()
            .join(docs, "doc_id");
    Column vp = when(col("period").isin(views.toArray()), col("period"));
    Dataset<Row> both =
        named
            .groupBy(col("lang"), col("state"))
            .agg(count(lit(1)).as("docs"))
            .select(col("lang"), lit(ReportInputs.ALL).as("p"), col("state"), col("docs"))
            .unionByName(
                named
                    .withColumn("p", vp)
                    .filter(col("p").isNotNull())
                    .groupBy("lang", "p", "state")
                    .agg(count(lit(1)).as("docs"))
                    .select("lang", "p", "state", "docs"));
    for (Row r :
        both
            .withColumn(
                "r",
                row_number()
                    .over(
                        Window.partitionBy("lang", "p").orderBy(col("docs").desc(), col("state"))))
            .filter(col("r").leq(ReportInputs.TOP_ITEMS))
            .collectAsList()
            .stream()
            .sorted(Comparator.comparingInt(r -> r.<Integer>getAs("r")))
            .toList()) {
      out.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
          .add(new Count(r.getString(2), r.getLong(3)));
    }
    return out;
  }

  private static final StructType PAIR_KEYS =
      new StructType()
          .add("period", DataTypes.StringType, false)
          .add("state_a", DataTypes.StringType, false)
          .add("state_b", DataTypes.StringType, false);

  private void comentions(
      Dataset<Row> co,
      String scope,
      Map<String, Map<String, Long>> docs,
      Map<String, ReportInputs.PeriodPairs> pairs,
      Map<String, Map<String, List<Pair>>> partners,
      Map<String, List<Pair>> comparePairs) {
    List<String> periods = new ArrayList<>();
    periods.add(ReportInputs.ALL);
    periods.addAll(views);
    Dataset<Row> rows =
        co.filter(col("scope").equalTo(scope).and(col("period").isin(periods.toArray())))
            .select("period", "state_a", "state_b", "co_docs", "npmi");
    Column byCo =
        row_number()
            .over(
                Window.partitionBy("period")
                    .orderBy(
                        col("co_docs").desc(),
                        col("npmi").desc_nulls_last(),
                        col("state_a"),
                        col("state_b")));
    // One collect for the ranked lists: the top pairs, and the top by NPMI at each threshold.
    Dataset<Row> thresholds =
        spark
            .createDataset(ReportInputs.PAIR_THRESHOLDS, org.apache.spark.sql.Encoders.INT())
            .toDF("m");
    Dataset<Row> topRows =
        rows.withColumn("r", byCo)
            .filter(col("r").leq(ReportInputs.TOP_PAIRS))
            .select(
                lit(0).as("m"),
                col("period"),
                col("state_a"),
                col("state_b"),
                col("co_docs"),
                col("npmi"),
                col("r"));
    Dataset<Row> npmiRows =
        rows.filter(col("npmi").isNotNull())
            .crossJoin(broadcast(thresholds))
            .filter(col("co_docs").geq(col("m")))
            .withColumn(
                "r",
                row_number()
                    .over(
                        Window.partitionBy("period", "m")
                            .orderBy(
                                col("npmi").desc(),
                                col("co_docs").desc(),
                                col("state_a"),
                                col("state_b"))))
            .filter(col("r").leq(ReportInputs.TOP_ITEMS))
            .select("m", "period", "state_a", "state_b", "co_docs", "npmi", "r");
    // Counts at each threshold ride along as rows with r = -1 and the count in co_docs.
    Dataset<Row> atLeast =
        rows.crossJoin(broadcast(thresholds))
            .filter(col("co_docs").geq(col("m")))
            .groupBy("period", "m")
            .agg(count(lit(1)).as("co_docs"))
            .select(
                col("m"),
                col("period"),
                lit(null).cast("string").as("state_a"),
                lit(null).cast("string").as("state_b"),
                col("co_docs"),
                lit(null).cast("double").as("npmi"),
                lit(-1).as("r"));
    Map<String, List<Pair>> top = new HashMap<>();
    Map<String, Map<Integer, List<Pair>>> byNpmi = new HashMap<>();
    Map<String, Map<Integer, Long>> counts = new HashMap<>();
    List<Row> collected = topRows.unionByName(npmiRows).unionByName(atLeast).collectAsList();
    List<Row> sortedRows = new ArrayList<>(collected);
    sortedRows.sort(Comparator.comparingInt(r -> r.getInt(6)));
    for (Row r : sortedRows) {
      int m = r.getInt(0);
      String p = r.getString(1);
      if (r.getInt(6) < 0) {
        counts.computeIfAbsent(p, k -> new TreeMap<>()).put(m, r.getLong(4));
      } else if (m == 0) {
        top.computeIfAbsent(p, k -> new ArrayList<>()).add(pair(r, 2));
      } else {
        byNpmi
            .computeIfAbsent(p, k -> new TreeMap<>())
            .computeIfAbsent(m, k -> new ArrayList<>())
            .add(pair(r, 2));
      }
    }
    // The heatmap's states: the most named states of the period that are in a pair of it.
    Map<String, Set<String>> paired = new HashMap<>();
    for (Row r :
        rows.select(col("period"), col("state_a").as("state"))
            .union(rows.select(col("period"), col("state_b").as("state")))
            .distinct()
            .collectAsList()) {
      paired.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getString(1));
    }
    Map<String, List<String>> heatStates = new HashMap<>();
    for (String p : periods) {
      Set<String> in = paired.getOrDefault(p, Set.of());
      heatStates.put(
          p,
          ranked(docs.getOrDefault(p, Map.of())).stream()
              .filter(in::contains)
              .limit(ReportInputs.HEATMAP_STATES)
              .toList());
    }
    // Heat cells, partners and the comparison's candidate pairs: one more collect.
    List<Row> heatKeys = new ArrayList<>();
    heatStates.forEach(
        (p, list) -> {
          for (int i = 0; i < list.size(); i++) {
            for (int j = 0; j < list.size(); j++) {
              if (list.get(i).compareTo(list.get(j)) < 0) {
                heatKeys.add(RowFactory.create(p, list.get(i), list.get(j)));
              }
            }
          }
        });
    Set<List<String>> candidates = new java.util.LinkedHashSet<>();
    for (String p : views) {
      top.getOrDefault(p, List.of()).stream()
          .limit(ReportInputs.COMPARE_PAIRS)
          .forEach(q -> candidates.add(List.of(q.a(), q.b())));
    }
    List<Row> compareKeys = new ArrayList<>();
    for (String p : views) {
      candidates.forEach(c -> compareKeys.add(RowFactory.create(p, c.get(0), c.get(1))));
    }
    Dataset<Row> heat =
        rows.join(
                broadcast(spark.createDataFrame(heatKeys, PAIR_KEYS)),
                new String[] {"period", "state_a", "state_b"},
                "left_semi")
            .select(
                lit("heat").as("kind"),
                col("period"),
                col("state_a"),
                col("state_b"),
                col("co_docs"),
                col("npmi"),
                lit(0).as("r"));
    Dataset<Row> compare =
        "document".equals(scope)
            ? rows.join(
                    broadcast(spark.createDataFrame(compareKeys, PAIR_KEYS)),
                    new String[] {"period", "state_a", "state_b"},
                    "left_semi")
                .select(
                    lit("compare").as("kind"),
                    col("period"),
                    col("state_a"),
                    col("state_b"),
                    col("co_docs"),
                    col("npmi"),
                    lit(0).as("r"))
            : null;
    Dataset<Row> both =
        rows.select(
                col("period"),
                col("state_a").as("state"),
                col("state_a"),
                col("state_b"),
                col("co_docs"),
                col("npmi"))
            .union(
                rows.select(
                    col("period"),
                    col("state_b").as("state"),
                    col("state_a"),
                    col("state_b"),
                    col("co_docs"),
                    col("npmi")));
    Column other =
        when(col("state").equalTo(col("state_a")), col("state_b")).otherwise(col("state_a"));
    Dataset<Row> partnerRows =
        both.withColumn(
                "r",
                row_number()
                    .over(
                        Window.partitionBy("period", "state")
                            .orderBy(col("co_docs").desc(), col("npmi").desc_nulls_last(), other)))
            .filter(col("r").leq(ReportInputs.PARTNERS))
            .select(
                col("state").as("kind"),
                col("period"),
                col("state_a"),
                col("state_b"),
                col("co_docs"),
                col("npmi"),
                col("r"));
    Dataset<Row> more = heat.unionByName(partnerRows);
    if (compare != null) {
      more = more.unionByName(compare);
    }
    Map<String, List<Pair>> heatPairs = new HashMap<>();
    Map<String, Map<String, List<Row>>> partnerLists = new HashMap<>();
    for (Row r : more.collectAsList()) {
      String kind = r.getString(0);
      String p = r.getString(1);
      if (kind.equals("heat") && r.getInt(6) == 0) {
        heatPairs.computeIfAbsent(p, k -> new ArrayList<>()).add(pair(r, 2));
      } else if (kind.equals("compare") && r.getInt(6) == 0) {
        comparePairs.computeIfAbsent(p, k -> new ArrayList<>()).add(pair(r, 2));
      } else {
        partnerLists
            .computeIfAbsent(p, k -> new HashMap<>())
            .computeIfAbsent(kind, k -> new ArrayList<>())
            .add(r);
      }
    }
    Comparator<Pair> order =
        Comparator.comparingLong((Pair q) -> -q.co())
            .thenComparing(q -> q.npmi() == null ? Double.POSITIVE_INFINITY : -q.npmi())
            .thenComparing(Pair::a)
            .thenComparing(Pair::b);
    for (String p : periods) {
      List<Pair> h = new ArrayList<>(heatPairs.getOrDefault(p, List.of()));
      h.sort(order);
      Map<Integer, List<Pair>> bn = new TreeMap<>();
      for (int m : ReportInputs.PAIR_THRESHOLDS) {
        bn.put(m, byNpmi.getOrDefault(p, Map.of()).getOrDefault(m, List.of()));
      }
      Map<Integer, Long> al = new TreeMap<>();
      for (int m : ReportInputs.PAIR_THRESHOLDS) {
        al.put(m, counts.getOrDefault(p, Map.of()).getOrDefault(m, 0L));
      }
      pairs.put(
          p,
          new ReportInputs.PeriodPairs(
              top.getOrDefault(p, List.of()), al, bn, heatStates.getOrDefault(p, List.of()), h));
      // Partners: every state for all periods, the most named of a view period.
      Map<String, List<Row>> lists = partnerLists.getOrDefault(p, Map.of());
      Set<String> wanted =
          p.equals(ReportInputs.ALL)
              ? new TreeSet<>(lists.keySet())
              : new TreeSet<>(
                  ranked(docs.getOrDefault(p, Map.of())).stream()
                      .limit(ReportInputs.PARTNER_STATES)
                      .toList());
      Map<String, List<Pair>> byState = new TreeMap<>();
      for (String s : wanted) {
        List<Row> l = lists.get(s);
        if (l != null) {
          byState.put(
              s,
              l.stream()
                  .sorted(Comparator.comparingInt(r -> r.getInt(6)))
                  .map(r -> pair(r, 2))
                  .toList());
        }
      }
      partners.put(p, byState);
    }
    for (String p : views) {
      List<Pair> l = comparePairs.computeIfAbsent(p, k -> new ArrayList<>());
      l.sort(order);
    }
    comparePairs.keySet().retainAll(views);
  }

  private static Pair pair(Row r, int from) {
    return new Pair(
        r.getString(from), r.getString(from + 1), r.getLong(from + 2), dbl(r, from + 3));
  }

  // ---------------------------------------------------------------- what changed

  private ReportInputs.Changes changes() {
    Dataset<Row> st = table(Catalog.STATE_TRENDS);
    Dataset<Row> ct = table(Catalog.COMENTION_TRENDS);
    Dataset<Row> tt = table(Catalog.TERM_TRENDS);
    Missing stMissing =
        missing(
            st, "state_trends", "period", "state", "docs", "share_of_docs", "burst_g2", "burst");
    Missing ctMissing =
        missing(
            ct, "comention_trends", "period", "state_a", "state_b", "co_docs", "burst_g2", "burst");
    Missing ttMissing =
        missing(
            tt, "term_trends", "period", "lang", "term", "label", "g2", "log_ratio", "direction");
    if (stMissing != null && ctMissing != null && ttMissing != null) {
      return new ReportInputs.Changes(
          Missing.table("state_trends"), stMissing, ctMissing, ttMissing, Map.of());
    }
    List<String> periods =
        views.stream().filter(p -> org.marsad.trends.PeriodCalendar.slot(p) != null).toList();
    Map<String, List<ReportInputs.StateChange>> bursts = new HashMap<>();
    Map<String, List<ReportInputs.StateChange>> rises = new HashMap<>();
    Map<String, List<ReportInputs.PairChange>> pairs = new HashMap<>();
    Map<String, List<ReportInputs.TermChange>> rising = new HashMap<>();
    Map<String, List<ReportInputs.TermChange>> falling = new HashMap<>();
    Object[] keys = periods.toArray();
    if (stMissing == null && keys.length > 0) {
      Dataset<Row> rows = st.filter(col("period").isin(keys));
      Dataset<Row> b =
          topN(
                  rows.filter(col("burst")),
                  "period",
                  col("burst_g2").desc(),
                  "state",
                  ReportInputs.CHANGE_ITEMS)
              .withColumn("list", lit("burst"));
      Dataset<Row> r =
          topN(
                  rows.filter(
                      col("burst")
                          .equalTo(false)
                          .and(col("share_change").gt(0))
                          .and(col("docs").geq(2))),
                  "period",
                  col("share_change").desc(),
                  "state",
                  ReportInputs.CHANGE_RISES)
              .withColumn("list", lit("rise"));
      List<Row> all = new ArrayList<>(b.unionByName(r).collectAsList());
      all.sort(Comparator.comparingInt(x -> x.<Integer>getAs("_rank")));
      for (Row x : all) {
        ReportInputs.StateChange c =
            new ReportInputs.StateChange(
                x.getAs("state"),
                ((Number) x.getAs("docs")).longValue(),
                lngAs(x, "docs_total"),
                dblAs(x, "share_of_docs"),
                dblAs(x, "prev_share_of_docs"),
                dblAs(x, "share_change"),
                lngAs(x, "window_docs"),
                lngAs(x, "window_docs_total"),
                dblAs(x, "window_share"),
                dblAs(x, "burst_g2"),
                dblAs(x, "burst_log_ratio"));
        ("burst".equals(x.getAs("list")) ? bursts : rises)
            .computeIfAbsent(x.getAs("period"), k -> new ArrayList<>())
            .add(c);
      }
    }
    if (ctMissing == null && keys.length > 0) {
      for (Row x : topBurstingPairs(ct.filter(col("period").isin(keys).and(col("burst"))))) {
        pairs
            .computeIfAbsent(x.getAs("period"), k -> new ArrayList<>())
            .add(
                new ReportInputs.PairChange(
                    x.getAs("state_a"),
                    x.getAs("state_b"),
                    ((Number) x.getAs("co_docs")).longValue(),
                    lngAs(x, "docs_total"),
                    dblAs(x, "npmi"),
                    lngAs(x, "prev_co_docs"),
                    lngAs(x, "co_docs_change"),
                    dblAs(x, "npmi_change"),
                    lngAs(x, "window_co_docs"),
                    lngAs(x, "window_docs_total"),
                    dblAs(x, "burst_g2"),
                    dblAs(x, "burst_log_ratio")));
      }
    }
    if (ttMissing == null && keys.length > 0) {
      Dataset<Row> rows =
          tt.filter(col("period").isin(keys))
              .withColumn("_key", functions.concat_ws("|", col("period"), col("direction")));
      List<Row> all =
          new ArrayList<>(
              topN(rows, "_key", col("g2").desc(), "term", ReportInputs.CHANGE_TERMS)
                  .collectAsList());
      all.sort(Comparator.comparingInt(x -> x.<Integer>getAs("_rank")));
      for (Row x : all) {
        ReportInputs.TermChange c =
            new ReportInputs.TermChange(
                x.getAs("lang"),
                x.getAs("term"),
                x.getAs("label"),
                lngAs(x, "count_period"),
                lngAs(x, "count_prev"),
                dblAs(x, "g2"),
                dblAs(x, "log_ratio"));
        ("rising".equals(x.getAs("direction")) ? rising : falling)
            .computeIfAbsent(x.getAs("period"), k -> new ArrayList<>())
            .add(c);
      }
    }
    Map<String, ReportInputs.PeriodChanges> byPeriod = new LinkedHashMap<>();
    for (String p : periods) {
      byPeriod.put(
          p,
          new ReportInputs.PeriodChanges(
              bursts.getOrDefault(p, List.of()),
              rises.getOrDefault(p, List.of()),
              pairs.getOrDefault(p, List.of()),
              rising.getOrDefault(p, List.of()),
              falling.getOrDefault(p, List.of())));
    }
    return new ReportInputs.Changes(null, stMissing, ctMissing, ttMissing, byPeriod);
  }

  // ---------------------------------------------------------------- evidence

  private ReportInputs.Evidence evidence(ReportInputs.EvidenceRequest want) {
    Dataset<Row> pairsTable = table(Catalog.COMENTION_EVIDENCE);
    Missing pairsMissing =
        missing(
            pairsTable,
            "comention_evidence",
            "period",
            "state_a",
            "state_b",
            "rank",
            "doc_id",
            "sentence",
            "a_start",
            "a_end",
            "b_start",
            "b_end");
    Map<PairKey, List<ReportInputs.PairSentence>> pairs = new LinkedHashMap<>();
    if (pairsMissing == null && !want.pairs().isEmpty()) {
      List<Row> keys =
          want.pairs().stream().map(k -> RowFactory.create(k.period(), k.a(), k.b())).toList();
      for (Row r :
          pairsTable
              .filter(col("rank").leq(ReportInputs.SENTENCES))
              .join(
                  broadcast(spark.createDataFrame(keys, PAIR_KEYS)),
                  new String[] {"period", "state_a", "state_b"},
                  "left_semi")
              .collectAsList()
              .stream()
              .sorted(Comparator.comparingInt(r -> r.<Integer>getAs("rank")))
              .toList()) {
        pairs
            .computeIfAbsent(
                new PairKey(r.getAs("period"), r.getAs("state_a"), r.getAs("state_b")),
                k -> new ArrayList<>())
            .add(
                new ReportInputs.PairSentence(
                    sentence(r),
                    intAs(r, "a_start"),
                    intAs(r, "a_end"),
                    intAs(r, "b_start"),
                    intAs(r, "b_end")));
      }
    }
    Dataset<Row> termsTable = table(Catalog.TERM_EVIDENCE);
    Missing termsMissing =
        missing(
            termsTable,
            "term_evidence",
            "period",
            "lang",
            "term",
            "kind",
            "rank",
            "doc_id",
            "sentence",
            "start",
            "end");
    Map<TermKey, List<ReportInputs.TermSentence>> terms = new LinkedHashMap<>();
    if (termsMissing == null && !want.terms().isEmpty()) {
      StructType schema =
          new StructType()
              .add("period", DataTypes.StringType, false)
              .add("lang", DataTypes.StringType, false)
              .add("term", DataTypes.StringType, false);
      List<Row> keys =
          want.terms().stream()
              .map(k -> RowFactory.create(k.period(), k.lang(), k.term()))
              .toList();
      for (Row r :
          termsTable
              .filter(col("rank").leq(ReportInputs.SENTENCES))
              .join(
                  broadcast(spark.createDataFrame(keys, schema)),
                  new String[] {"period", "lang", "term"},
                  "left_semi")
              .collectAsList()
              .stream()
              .sorted(
                  Comparator.comparing((Row r) -> r.<String>getAs("kind"))
                      .thenComparingInt(r -> r.<Integer>getAs("rank")))
              .toList()) {
        terms
            .computeIfAbsent(
                new TermKey(r.getAs("period"), r.getAs("lang"), r.getAs("term")),
                k -> new ArrayList<>())
            .add(
                new ReportInputs.TermSentence(
                    r.getAs("kind"), sentence(r), intAs(r, "start"), intAs(r, "end")));
      }
    }
    Dataset<Row> mentions = table(Catalog.STATE_MENTIONS);
    Missing statesMissing =
        missing(
            mentions,
            "state_mentions",
            "doc_id",
            "period",
            "state",
            "form",
            "field",
            "start",
            "context",
            "context_start",
            "context_end");
    if (statesMissing == null && documents == null) {
      statesMissing = Missing.table("documents");
    }
    Map<StateKey, List<ReportInputs.Spanned>> states = new LinkedHashMap<>();
    if (statesMissing == null && !want.states().isEmpty()) {
      StructType schema =
          new StructType()
              .add("kperiod", DataTypes.StringType, false)
              .add("state", DataTypes.StringType, false);
      List<Row> keys =
          want.states().stream().map(k -> RowFactory.create(k.period(), k.state())).toList();
      Dataset<Row> docs =
          documents
              .filter(counted())
              .select(
                  col("doc_id"), col("source"), col("published_at"), col("story_id"), col("url"));
      Dataset<Row> m =
          mentions
              .filter(col("form").isin(forms.toArray()).and(col("context").isNotNull()))
              .join(broadcast(spark.createDataFrame(keys, schema)), "state")
              .filter(
                  col("kperiod")
                      .equalTo(ReportInputs.ALL)
                      .or(col("kperiod").equalTo(col("period"))))
              .withColumn(
                  "first",
                  row_number()
                      .over(
                          Window.partitionBy("kperiod", "state", "doc_id")
                              .orderBy(
                                  when(col("field").equalTo("title"), 0).otherwise(1),
                                  col("start"))))
              .filter(col("first").equalTo(1))
              .join(docs, "doc_id")
              .withColumn(
                  "r",
                  row_number()
                      .over(
                          Window.partitionBy("kperiod", "state")
                              .orderBy(col("published_at").asc_nulls_last(), col("doc_id"))))
              .filter(col("r").leq(ReportInputs.STATE_SENTENCES));
      List<Row> rows = new ArrayList<>(m.collectAsList());
      rows.sort(Comparator.comparingInt(r -> r.<Integer>getAs("r")));
      for (Row r : rows) {
        ReportInputs.Sentence s =
            new ReportInputs.Sentence(
                r.getAs("context"),
                r.getAs("source"),
                ts(r.getAs("published_at")),
                r.getAs("doc_id"),
                r.getAs("field"),
                r.getAs("story_id"),
                r.getAs("url"));
        states
            .computeIfAbsent(
                new StateKey(r.getAs("kperiod"), r.getAs("state")), k -> new ArrayList<>())
            .add(new ReportInputs.Spanned(s, intAs(r, "context_start"), intAs(r, "context_end")));
      }
    }
    return new ReportInputs.Evidence(
        pairsMissing, termsMissing, statesMissing, pairs, terms, states);
  }

  // ---------------------------------------------------------------- relations

  /**
   * The relations of the pairs {@code in} shows, in three collected jobs at most (the conflict
   * bursts, then the counts and the sentences of the keys they and the page ask for); null when the
   * run wrote no comention_relations (--relations off, or a folder older than relations).
   */
  private ReportInputs.Relations relations(ReportInputs in) {
    Dataset<Row> cr = table(RelationsCatalog.COMENTION_RELATIONS);
    if (cr == null) {
      return null;
    }
    Missing crMissing =
        missing(
            cr,
            "comention_relations",
            "period",
            "state_a",
            "state_b",
            "sentences",
            "cooperation",
            "conflict",
            "neutral",
            "verbal_cooperation",
            "material_cooperation",
            "verbal_conflict",
            "material_conflict",
            "tone",
            "relation");
    if (crMissing != null) {
      return ReportInputs.Relations.none(crMissing);
    }
    Dataset<Row> rt = table(RelationsCatalog.RELATION_TRENDS);
    Missing rtMissing =
        missing(
            rt,
            "relation_trends",
            "period",
            "state_a",
            "state_b",
            "relation",
            "sentences",
            "share",
            "burst_g2",
            "burst");
    Map<String, List<ReportInputs.RelationBurst>> bursts = new LinkedHashMap<>();
    Object[] periods =
        views.stream().filter(p -> org.marsad.trends.PeriodCalendar.slot(p) != null).toArray();
    if (rtMissing == null && periods.length > 0) {
      for (Row x :
          topBurstingPairs(
              rt.filter(
                  col("period")
                      .isin(periods)
                      .and(col("relation").equalTo("conflict"))
                      .and(col("burst"))))) {
        bursts
            .computeIfAbsent(x.getAs("period"), k -> new ArrayList<>())
            .add(
                new ReportInputs.RelationBurst(
                    x.getAs("state_a"),
                    x.getAs("state_b"),
                    ((Number) x.getAs("sentences")).longValue(),
                    lngAs(x, "pair_sentences"),
                    dblAs(x, "share"),
                    dblAs(x, "prev_share"),
                    dblAs(x, "share_change"),
                    lngAs(x, "window_sentences"),
                    lngAs(x, "window_pair_sentences"),
                    dblAs(x, "window_share"),
                    dblAs(x, "burst_g2"),
                    dblAs(x, "burst_log_ratio")));
      }
    }
    ReportInputs.RelationsRequest want = in.relationsRequest(bursts);
    Map<PairKey, ReportInputs.Tone> tones = new LinkedHashMap<>();
    if (!want.tones().isEmpty()) {
      for (Row r :
          cr.join(broadcast(keys(want.tones())), PAIR_COLUMNS, "left_semi").collectAsList()) {
        tones.put(
            new PairKey(r.getAs("period"), r.getAs("state_a"), r.getAs("state_b")),
            new ReportInputs.Tone(
                lng0(r, "sentences"),
                lng0(r, "docs"),
                lng0(r, "cooperation"),
                lng0(r, "conflict"),
                lng0(r, "neutral"),
                lng0(r, "verbal_cooperation"),
                lng0(r, "material_cooperation"),
                lng0(r, "verbal_conflict"),
                lng0(r, "material_conflict"),
                dblAs(r, "tone"),
                r.getAs("relation")));
      }
    }
    Dataset<Row> re = table(RelationsCatalog.RELATION_EVIDENCE);
    Missing reMissing =
        missing(
            re,
            "relation_evidence",
            "period",
            "state_a",
            "state_b",
            "relation",
            "quad",
            "rank",
            "doc_id",
            "sentence",
            "a_start",
            "a_end",
            "b_start",
            "b_end",
            "cue_start",
            "cue_end");
    Map<PairKey, List<ReportInputs.RelationSentence>> evidence = new LinkedHashMap<>();
    if (reMissing == null && !want.evidence().isEmpty()) {
      List<Row> rows =
          new ArrayList<>(
              re.filter(col("rank").leq(ReportInputs.RELATION_SENTENCES))
                  .join(broadcast(keys(want.evidence())), PAIR_COLUMNS, "left_semi")
                  .collectAsList());
      rows.sort(
          Comparator.comparingInt((Row r) -> quadOrder(r.getAs("quad")))
              .thenComparing(r -> String.valueOf(r.<Object>getAs("quad")))
              .thenComparingInt(r -> r.<Integer>getAs("rank")));
      for (Row r : rows) {
        evidence
            .computeIfAbsent(
                new PairKey(r.getAs("period"), r.getAs("state_a"), r.getAs("state_b")),
                k -> new ArrayList<>())
            .add(
                new ReportInputs.RelationSentence(
                    r.getAs("relation"),
                    r.getAs("quad"),
                    r.<Integer>getAs("rank"),
                    sentence(r),
                    intAs(r, "a_start"),
                    intAs(r, "a_end"),
                    intAs(r, "b_start"),
                    intAs(r, "b_end"),
                    has(r, "cue") ? r.getAs("cue") : null,
                    intAs(r, "cue_start"),
                    intAs(r, "cue_end"),
                    has(r, "direction") ? r.getAs("direction") : null));
      }
    }
    return new ReportInputs.Relations(null, rtMissing, reMissing, tones, bursts, evidence);
  }

  private static final String[] PAIR_COLUMNS = {"period", "state_a", "state_b"};

  private Dataset<Row> keys(List<PairKey> keys) {
    return spark.createDataFrame(
        keys.stream().map(k -> RowFactory.create(k.period(), k.a(), k.b())).toList(), PAIR_KEYS);
  }

  /** Cooperation, conflict, then neutral sentences (the order of ReportData.QUADS). */
  private static int quadOrder(Object quad) {
    int i = ReportData.QUADS.indexOf(String.valueOf(quad));
    return i < 0 ? ReportData.QUADS.size() : i;
  }

  private static ReportInputs.Sentence sentence(Row r) {
    return new ReportInputs.Sentence(
        r.getAs("sentence"),
        has(r, "source") ? r.getAs("source") : null,
        has(r, "published_at") ? ts(r.getAs("published_at")) : null,
        r.getAs("doc_id"),
        has(r, "field") ? r.getAs("field") : null,
        has(r, "story_id") ? r.getAs("story_id") : null,
        has(r, "url") ? r.getAs("url") : null);
  }

  private static Instant ts(Object t) {
    return t instanceof Timestamp x ? x.toInstant() : null;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The table under the output folder with its catalog schema (plus the optional columns of {@link
   * #EXTRA}), or null when it is absent; {@code period} as a string.
   */
  private Dataset<Row> table(Table t) {
    Path dir = new Path(output, t.name());
    try {
      if (!fs.exists(dir)) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read table " + dir + ": " + e.getMessage(), e);
    }
    StructType schema = t.schema();
    for (StructField f : EXTRA.getOrDefault(t.name(), List.of())) {
      if (!Arrays.asList(schema.fieldNames()).contains(f.name())) {
        schema = schema.add(f);
      }
    }
    return spark.read().schema(schema).parquet(dir.toString());
  }

  /** Null when {@code d} exists with every column, else what is missing. */
  private static Missing missing(Dataset<Row> d, String name, String... columns) {
    if (d == null) {
      return Missing.table(name);
    }
    List<String> absent =
        Arrays.stream(columns).filter(c -> !Arrays.asList(d.columns()).contains(c)).toList();
    return absent.isEmpty() ? null : new Missing(name, absent);
  }

  private static boolean has(Row r, String field) {
    return Arrays.asList(r.schema().fieldNames()).contains(field);
  }

  /**
   * The {@link ReportInputs#CHANGE_ITEMS} pairs of each period with the largest burst_g2 among
   * {@code bursting} (rows of state_a, state_b, period, burst_g2), in rank order, in one collect.
   */
  private static List<Row> topBurstingPairs(Dataset<Row> bursting) {
    Dataset<Row> b =
        bursting.withColumn("pair", functions.concat_ws("|", col("state_a"), col("state_b")));
    List<Row> rows =
        new ArrayList<>(
            topN(b, "period", col("burst_g2").desc(), "pair", ReportInputs.CHANGE_ITEMS)
                .collectAsList());
    rows.sort(Comparator.comparingInt(x -> x.<Integer>getAs("_rank")));
    return rows;
  }

  /**
   * The first {@code n} rows per {@code partition} by {@code order}, ties broken by {@code key}.
   */
  private static Dataset<Row> topN(
      Dataset<Row> d, String partition, Column order, String key, int n) {
    return d.withColumn(
            "_rank", row_number().over(Window.partitionBy(partition).orderBy(order, col(key))))
        .filter(col("_rank").leq(n));
  }

  private static long lng(Row r, int i) {
    return r.isNullAt(i) ? 0L : ((Number) r.get(i)).longValue();
  }

  private static Long lngOrNull(Row r, int i) {
    return r.isNullAt(i) ? null : ((Number) r.get(i)).longValue();
  }

  private static Double dbl(Row r, int i) {
    if (r.isNullAt(i)) {
      return null;
    }
    double x = ((Number) r.get(i)).doubleValue();
    return Double.isFinite(x) ? x : null;
  }

  private static Long lngAs(Row r, String field) {
    return !has(r, field) || r.isNullAt(r.fieldIndex(field))
        ? null
        : ((Number) r.getAs(field)).longValue();
  }

  private static long lng0(Row r, String field) {
    Long x = lngAs(r, field);
    return x == null ? 0L : x;
  }

  private static Double dblAs(Row r, String field) {
    return !has(r, field) ? null : dbl(r, r.fieldIndex(field));
  }

  private static Integer intAs(Row r, String field) {
    Object v = r.getAs(field);
    return v == null ? null : ((Number) v).intValue();
  }
}
