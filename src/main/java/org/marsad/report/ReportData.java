package org.marsad.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.marsad.catalog.Catalog;
import org.marsad.io.TableReader;

/**
 * Reads the tables of an output folder with Spark and aggregates them, on the driver, into the
 * small JSON document the report draws. Every section records whether its tables exist; an absent
 * section carries a plain-words message instead of data.
 */
final class ReportData {

  /** Terms shown per period in the frequency and keyness charts. */
  static final int TOP_TERMS = 20;

  /** Collocations, state pairs and most-named states shown. */
  static final int TOP_ITEMS = 20;

  /** Sources drawn separately in the documents chart; the rest are summed as "other sources". */
  static final int MAX_SOURCES = 10;

  /** States drawn in the mentions-over-time and heatmap charts. */
  static final int TIME_STATES = 10;

  static final int HEATMAP_STATES = 20;

  /** Topics drawn as lines of the share-over-time chart. */
  static final int TREND_TOPICS = 10;

  /** Most edges drawn in the co-mention network. */
  static final int MAX_EDGES = 150;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final String output;
  private final FileSystem fs;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Set<String> docPeriods = new TreeSet<>();
  private final Set<String> otherPeriods = new TreeSet<>();

  ReportData(SparkSession spark, String output) {
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

  /** The report's data: meta, period axis and one node per section. */
  ObjectNode build() {
    ObjectNode root = mapper.createObjectNode();
    JsonNode manifest = manifest();
    Dataset<Row> documents = table(Catalog.DOCUMENTS);
    root.set("meta", meta(manifest));
    root.set("corpus", corpus(documents, manifest));
    root.set("terms", terms());
    root.set("topics", topics(documents));
    root.set("states", states());
    // The time axis comes from the documents; without them, from the periods the tables name.
    List<String> axis = Periods.axis(docPeriods.isEmpty() ? otherPeriods : docPeriods);
    ObjectNode periods = root.putObject("periods");
    ArrayNode keys = periods.putArray("keys");
    ObjectNode labels = periods.putObject("labels");
    Set<String> all = new TreeSet<>(axis);
    all.addAll(docPeriods);
    all.addAll(otherPeriods);
    all.add("all");
    axis.forEach(keys::add);
    all.forEach(p -> labels.put(p, Periods.label(p)));
    return root;
  }

  // ---------------------------------------------------------------- meta and corpus

  private JsonNode manifest() {
    Path p = new Path(output, "_manifest.json");
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

  private ObjectNode meta(JsonNode manifest) {
    ObjectNode m = mapper.createObjectNode();
    m.put("output", output);
    m.put("generated", WHEN.format(Instant.now()));
    if (manifest != null) {
      m.put("run_id", manifest.path("run_id").asText(""));
      m.put("command", manifest.path("command").asText(""));
      m.put("version", manifest.path("version").asText(""));
      m.put("finished", when(manifest.path("finished_at").asText(null)));
      m.put("period", manifest.path("config").path("period").asText(""));
      m.set("inputs", manifest.path("inputs"));
    }
    return m;
  }

  private static String when(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return WHEN.format(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private ObjectNode corpus(Dataset<Row> documents, JsonNode manifest) {
    ObjectNode c = mapper.createObjectNode();
    String missing = missing(documents, "documents", "period", "source", "lang", "duplicate_of");
    if (missing != null) {
      return absent(c, "The corpus overview needs the documents table: " + missing + ".");
    }
    c.put("available", true);
    Map<String, Long> perSource = new HashMap<>();
    List<Row> rows = documents.groupBy("period", "source").agg(count("*").as("n")).collectAsList();
    for (Row r : rows) {
      perSource.merge(nz(r.getString(1), "unknown"), r.getLong(2), Long::sum);
      docPeriods.add(r.getString(0));
    }
    List<String> sources = new ArrayList<>(perSource.keySet());
    sources.sort(Comparator.comparing((String s) -> -perSource.get(s)).thenComparing(s -> s));
    Set<String> shown =
        new LinkedHashSet<>(sources.subList(0, Math.min(MAX_SOURCES, sources.size())));
    boolean other = sources.size() > shown.size();
    Map<String, Map<String, Long>> bySource = new LinkedHashMap<>();
    shown.forEach(s -> bySource.put(s, new TreeMap<>()));
    if (other) {
      bySource.put("other sources", new TreeMap<>());
    }
    long docs = 0;
    for (Row r : rows) {
      String s = nz(r.getString(1), "unknown");
      bySource
          .get(shown.contains(s) ? s : "other sources")
          .merge(r.getString(0), r.getLong(2), Long::sum);
      docs += r.getLong(2);
    }
    ArrayNode series = c.putArray("by_source");
    bySource.forEach(
        (s, counts) -> {
          ObjectNode o = series.addObject();
          o.put("source", s);
          ObjectNode per = o.putObject("docs");
          counts.forEach(per::put);
        });
    c.put("sources", sources.size());
    ObjectNode langs = c.putObject("langs");
    for (Row r : documents.groupBy("lang").count().orderBy(col("count").desc()).collectAsList()) {
      langs.put(nz(r.getString(0), "unknown"), r.getLong(1));
    }
    c.put("duplicates", documents.filter(col("duplicate_of").isNotNull()).count());
    c.put("documents", docs);

    Map<String, Long> reasons = new TreeMap<>();
    long rejected = 0;
    if (manifest != null && manifest.has("rejected_by_reason")) {
      manifest
          .get("rejected_by_reason")
          .fields()
          .forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
    } else {
      Dataset<Row> rej = table(Catalog.REJECTED);
      if (rej != null && has(rej, "reason")) {
        for (Row r : rej.groupBy("reason").count().collectAsList()) {
          reasons.put(nz(r.getString(0), "unknown"), r.getLong(1));
        }
      }
    }
    ObjectNode byReason = c.putObject("rejected_by_reason");
    for (Map.Entry<String, Long> e : reasons.entrySet()) {
      byReason.put(e.getKey(), e.getValue());
      rejected += e.getValue();
    }
    c.put("rejected", rejected);
    long rowsIn =
        manifest != null && manifest.path("rows").has("in")
            ? manifest.path("rows").path("in").asLong()
            : docs + rejected;
    c.put("rows_in", rowsIn);
    return c;
  }

  // ---------------------------------------------------------------- terms

  private ObjectNode terms() {
    ObjectNode t = mapper.createObjectNode();
    Dataset<Row> tf = table(Catalog.TERM_FREQUENCIES);
    String missing = missing(tf, "term_frequencies", "period", "term", "label", "term_count");
    if (missing != null) {
      return absent(t, "The terms stage did not run in this output: " + missing + ".");
    }
    t.put("available", true);
    Dataset<Row> perPeriod =
        tf.groupBy("period", "term")
            .agg(
                sum("term_count").as("n"),
                sum(has(tf, "doc_count") ? col("doc_count") : col("term_count")).as("docs"),
                max("label").as("label"));
    ObjectNode top = t.putObject("top");
    for (Row r : topN(perPeriod, "period", col("n").desc(), "term", TOP_TERMS).collectAsList()) {
      String p = r.getAs("period");
      otherPeriods.add(p);
      termRow(top, p, r);
    }
    Dataset<Row> overall =
        perPeriod
            .groupBy("term")
            .agg(sum("n").as("n"), sum("docs").as("docs"), max("label").as("label"))
            .orderBy(col("n").desc(), col("term"))
            .limit(TOP_TERMS);
    for (Row r : overall.collectAsList()) {
      termRow(top, "all", r);
    }

    Dataset<Row> key = table(Catalog.TERM_KEYNESS);
    if (missing(key, "term_keyness", "period", "term", "label", "g2", "log_ratio") == null) {
      ObjectNode keyness = t.putObject("keyness");
      Dataset<Row> winners = key.filter(col("log_ratio").gt(0));
      for (Row r : topN(winners, "period", col("g2").desc(), "term", TOP_TERMS).collectAsList()) {
        ObjectNode o = arr(keyness, (String) r.getAs("period")).addObject();
        o.put("label", (String) r.getAs("label"));
        o.put("g2", num(r, "g2"));
        o.put("log_ratio", num(r, "log_ratio"));
        if (has(key, "count_period")) {
          o.put("n", ((Number) r.getAs("count_period")).longValue());
        }
      }
    }
    Dataset<Row> coll = table(Catalog.COLLOCATIONS);
    if (missing(coll, "collocations", "label", "count", "g2") == null) {
      ArrayNode list = t.putArray("collocations");
      for (Row r : coll.orderBy(col("g2").desc(), col("label")).limit(TOP_ITEMS).collectAsList()) {
        ObjectNode o = list.addObject();
        o.put("label", (String) r.getAs("label"));
        o.put("n", ((Number) r.getAs("count")).longValue());
        o.put("g2", num(r, "g2"));
        if (has(coll, "pmi")) {
          o.put("pmi", num(r, "pmi"));
        }
      }
    }
    return t;
  }

  private static void termRow(ObjectNode top, String period, Row r) {
    ObjectNode o = arr(top, period).addObject();
    o.put("label", (String) r.getAs("label"));
    o.put("n", ((Number) r.getAs("n")).longValue());
    o.put("docs", ((Number) r.getAs("docs")).longValue());
  }

  // ---------------------------------------------------------------- topics

  private ObjectNode topics(Dataset<Row> documents) {
    ObjectNode t = mapper.createObjectNode();
    Dataset<Row> terms = table(Catalog.TOPICS);
    Dataset<Row> summary = table(Catalog.TOPIC_SUMMARY);
    String missing = missing(summary, "topic_summary", "topic_id", "label", "npmi", "prevalence");
    if (missing == null) {
      missing = missing(terms, "topics", "topic_id", "rank", "label", "weight");
    }
    if (missing != null) {
      return absent(t, "The topics stage did not run in this output: " + missing + ".");
    }
    t.put("available", true);
    Map<Integer, ObjectNode> byId = new LinkedHashMap<>();
    ArrayNode list = t.putArray("topics");
    for (Row r : summary.orderBy(col("prevalence").desc(), col("topic_id")).collectAsList()) {
      ObjectNode o = list.addObject();
      int id = ((Number) r.getAs("topic_id")).intValue();
      o.put("id", id);
      o.put("label", (String) r.getAs("label"));
      o.put("npmi", num(r, "npmi"));
      o.put("prevalence", num(r, "prevalence"));
      o.putArray("terms");
      o.putArray("states");
      o.putArray("docs");
      byId.put(id, o);
      if (has(summary, "top_doc_ids") && !r.isNullAt(r.fieldIndex("top_doc_ids"))) {
        List<String> ids = r.getList(r.fieldIndex("top_doc_ids"));
        ids.stream().limit(3).forEach(d -> arr(o, "doc_ids").add(d));
      }
    }
    for (Row r : terms.filter(col("rank").leq(10)).orderBy("topic_id", "rank").collectAsList()) {
      ObjectNode o = byId.get(((Number) r.getAs("topic_id")).intValue());
      if (o != null) {
        ObjectNode term = ((ArrayNode) o.get("terms")).addObject();
        term.put("label", (String) r.getAs("label"));
        term.put("weight", num(r, "weight"));
      }
    }
    topDocTitles(documents, byId);

    Dataset<Row> trends = table(Catalog.TOPIC_TRENDS);
    if (missing(trends, "topic_trends", "period", "topic_id", "weight_sum") == null) {
      // Shares are recomputed over all sources: a topic's weight in the period over all topics'.
      Dataset<Row> perTopic = trends.groupBy("period", "topic_id").agg(sum("weight_sum").as("w"));
      Map<String, Double> totals = new HashMap<>();
      List<Row> rows = perTopic.collectAsList();
      for (Row r : rows) {
        totals.merge(r.getString(0), ((Number) r.get(2)).doubleValue(), Double::sum);
      }
      ObjectNode share = t.putObject("share");
      for (Row r : rows) {
        String p = r.getString(0);
        otherPeriods.add(p);
        double total = totals.get(p);
        obj(share, String.valueOf(((Number) r.get(1)).intValue()))
            .put(p, total > 0 ? ((Number) r.get(2)).doubleValue() / total : 0.0);
      }
    }
    Dataset<Row> states = table(Catalog.TOPIC_STATES);
    if (missing(states, "topic_states", "topic_id", "state", "docs", "lift") == null) {
      Dataset<Row> strong = states.filter(col("docs").geq(2).and(col("lift").gt(1)));
      for (Row r : topN(strong, "topic_id", col("lift").desc(), "state", 3).collectAsList()) {
        ObjectNode o = byId.get(((Number) r.getAs("topic_id")).intValue());
        if (o != null) {
          ObjectNode s = ((ArrayNode) o.get("states")).addObject();
          s.put("state", (String) r.getAs("state"));
          s.put("lift", num(r, "lift"));
          s.put("docs", ((Number) r.getAs("docs")).longValue());
        }
      }
    }
    return t;
  }

  private void topDocTitles(Dataset<Row> documents, Map<Integer, ObjectNode> byId) {
    Set<String> ids = new HashSet<>();
    byId.values().forEach(o -> o.path("doc_ids").forEach(d -> ids.add(d.asText())));
    Map<String, String> titles = new HashMap<>();
    if (!ids.isEmpty() && missing(documents, "documents", "doc_id", "title") == null) {
      for (Row r :
          documents
              .filter(col("doc_id").isin(ids.toArray()))
              .select("doc_id", "title")
              .collectAsList()) {
        titles.put(r.getString(0), r.isNullAt(1) ? "" : r.getString(1));
      }
    }
    for (ObjectNode o : byId.values()) {
      ArrayNode docs = (ArrayNode) o.get("docs");
      o.path("doc_ids")
          .forEach(
              d ->
                  docs.addObject()
                      .put("id", d.asText())
                      .put("title", titles.getOrDefault(d.asText(), "")));
      o.remove("doc_ids");
    }
  }

  // ---------------------------------------------------------------- states

  private ObjectNode states() {
    ObjectNode s = mapper.createObjectNode();
    Dataset<Row> dim = table(Catalog.STATES);
    Dataset<Row> counts = table(Catalog.STATE_COUNTS);
    String missing = missing(counts, "state_counts", "period", "state", "docs");
    if (missing == null) {
      missing = missing(dim, "states", "iso2", "name_en", "name_ar");
    }
    if (missing != null) {
      return absent(s, "The states stage did not run in this output: " + missing + ".");
    }
    s.put("available", true);
    ObjectNode names = s.putObject("names");
    for (Row r : dim.collectAsList()) {
      ObjectNode n = names.putObject((String) r.getAs("iso2"));
      n.put("en", (String) r.getAs("name_en"));
      n.put("ar", (String) r.getAs("name_ar"));
      if (has(dim, "iso3")) {
        n.put("iso3", (String) r.getAs("iso3"));
      }
      if (has(dim, "status")) {
        n.put("status", (String) r.getAs("status"));
      }
    }
    Map<String, Long> totalDocs = new LinkedHashMap<>();
    Dataset<Row> totals =
        counts
            .groupBy("state")
            .agg(sum("docs").as("docs"))
            .orderBy(col("docs").desc(), col("state"));
    ArrayNode top = s.putArray("top");
    for (Row r : totals.collectAsList()) {
      totalDocs.put(r.getString(0), r.getLong(1));
      if (top.size() < TOP_ITEMS) {
        top.addObject().put("state", r.getString(0)).put("docs", r.getLong(1));
      }
    }
    List<String> timeStates = totalDocs.keySet().stream().limit(TIME_STATES).toList();
    ObjectNode time = s.putObject("time");
    if (!timeStates.isEmpty()) {
      for (Row r :
          counts
              .filter(col("state").isin(timeStates.toArray()))
              .groupBy("state", "period")
              .agg(sum("docs").as("docs"))
              .collectAsList()) {
        otherPeriods.add(r.getString(1));
        obj(time, r.getString(0)).put(r.getString(1), r.getLong(2));
      }
    }
    s.set("order", mapper.valueToTree(timeStates));

    Dataset<Row> co = table(Catalog.STATE_COMENTIONS);
    if (missing(co, "state_comentions", "period", "scope", "state_a", "state_b", "co_docs", "npmi")
        == null) {
      comentions(s, co, totalDocs);
    }
    return s;
  }

  private record Pair(String a, String b, long co, double npmi) {}

  private void comentions(ObjectNode s, Dataset<Row> co, Map<String, Long> totalDocs) {
    Dataset<Row> all = co.filter(col("period").equalTo("all"));
    List<String> scopes =
        all.select("scope").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    if (scopes.isEmpty()) {
      return;
    }
    String scope = scopes.contains("document") ? "document" : scopes.get(0);
    List<Pair> pairs = new ArrayList<>();
    for (Row r :
        all.filter(col("scope").equalTo(scope))
            .select("state_a", "state_b", "co_docs", "npmi")
            .orderBy(col("co_docs").desc(), col("npmi").desc(), col("state_a"), col("state_b"))
            .limit(50_000)
            .collectAsList()) {
      pairs.add(
          new Pair(
              r.getString(0),
              r.getString(1),
              ((Number) r.get(2)).longValue(),
              ((Number) r.get(3)).doubleValue()));
    }
    if (pairs.isEmpty()) {
      return;
    }
    ObjectNode c = s.putObject("comentions");
    c.put("scope", scope);
    long minPair = threshold(pairs, 10);
    c.put("min_co_docs", minPair);
    ArrayNode byNpmi = c.putArray("by_npmi");
    pairs.stream()
        .filter(p -> p.co() >= minPair)
        .sorted(Comparator.comparingDouble(Pair::npmi).reversed().thenComparing(p -> -p.co()))
        .limit(TOP_ITEMS)
        .forEach(p -> pair(byNpmi, p));
    ArrayNode byCo = c.putArray("by_co_docs");
    pairs.stream().limit(TOP_ITEMS).forEach(p -> pair(byCo, p));

    long minEdge = threshold(pairs, 40);
    c.put("graph_min_co_docs", minEdge);
    ArrayNode edges = c.putArray("edges");
    Map<String, Long> nodes = new LinkedHashMap<>();
    pairs.stream()
        .filter(p -> p.co() >= minEdge)
        .limit(MAX_EDGES)
        .forEach(
            p -> {
              pair(edges, p);
              nodes.put(p.a(), totalDocs.getOrDefault(p.a(), p.co()));
              nodes.put(p.b(), totalDocs.getOrDefault(p.b(), p.co()));
            });
    ObjectNode graphNodes = c.putObject("nodes");
    nodes.forEach(graphNodes::put);

    // Heatmap: the most named states that take part in any pair, with every pair's NPMI.
    Set<String> paired = new HashSet<>();
    pairs.forEach(
        p -> {
          paired.add(p.a());
          paired.add(p.b());
        });
    List<String> heat =
        totalDocs.keySet().stream().filter(paired::contains).limit(HEATMAP_STATES).toList();
    Set<String> heatSet = new HashSet<>(heat);
    c.set("heat_states", mapper.valueToTree(heat));
    ArrayNode cells = c.putArray("heat");
    pairs.stream()
        .filter(p -> heatSet.contains(p.a()) && heatSet.contains(p.b()))
        .forEach(p -> pair(cells, p));
  }

  /** The largest of 10, 5, 3, 2 co-mentions that at least {@code wanted} pairs reach; else 1. */
  private static long threshold(List<Pair> pairs, int wanted) {
    for (long m : new long[] {10, 5, 3, 2}) {
      if (pairs.stream().filter(p -> p.co() >= m).count() >= wanted) {
        return m;
      }
    }
    return 1;
  }

  private static void pair(ArrayNode list, Pair p) {
    list.addObject()
        .put("a", p.a())
        .put("b", p.b())
        .put("co", p.co())
        .put("npmi", Double.isFinite(p.npmi()) ? p.npmi() : null);
  }

  // ---------------------------------------------------------------- helpers

  /** The table under the output folder, or null when it is absent; {@code period} as a string. */
  Dataset<Row> table(org.marsad.catalog.Table t) {
    return TableReader.read(spark, output, t);
  }

  /** Null when {@code d} exists with every column, else what is missing in plain words. */
  private static String missing(Dataset<Row> d, String name, String... columns) {
    if (d == null) {
      return "no " + name + " table";
    }
    List<String> absent = Arrays.stream(columns).filter(c -> !has(d, c)).toList();
    return absent.isEmpty() ? null : "the " + name + " table has no column " + absent;
  }

  private static boolean has(Dataset<Row> d, String column) {
    return Arrays.asList(d.columns()).contains(column);
  }

  private static ObjectNode absent(ObjectNode node, String message) {
    node.put("available", false);
    node.put("message", message);
    return node;
  }

  /**
   * The first {@code n} rows per {@code partition} by {@code order}, ties broken by {@code key}.
   */
  private static Dataset<Row> topN(
      Dataset<Row> d, String partition, org.apache.spark.sql.Column order, String key, int n) {
    return d.withColumn(
            "_rank", row_number().over(Window.partitionBy(partition).orderBy(order, col(key))))
        .filter(col("_rank").leq(n))
        .orderBy(col(partition), col("_rank"));
  }

  /** A double of a row, null when absent or not finite (JSON has no NaN). */
  private static Double num(Row r, String field) {
    Object v = r.getAs(field);
    if (v == null) {
      return null;
    }
    double x = ((Number) v).doubleValue();
    return Double.isFinite(x) ? x : null;
  }

  private static ObjectNode obj(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    return n instanceof ObjectNode o ? o : parent.putObject(key);
  }

  private static ArrayNode arr(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    return n instanceof ArrayNode a ? a : parent.putArray(key);
  }

  private static String nz(String s, String dflt) {
    return s == null ? dflt : s;
  }
}
