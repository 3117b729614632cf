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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.catalog.Catalog;
import org.marsad.evidence.EvidenceTables;
import org.marsad.io.TableReader;
import org.marsad.trends.PeriodCalendar;
import org.marsad.trends.TrendSettings;
import org.marsad.trends.Trends;

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

  /** Latest periods with their own state charts and "What changed" lists (plus all periods). */
  static final int VIEW_PERIODS = 24;

  /** Bursting states and pairs, and rising terms, listed per period under "What changed". */
  static final int CHANGE_ITEMS = 10;

  static final int CHANGE_TERMS = 15;

  /**
   * Pair-periods and term-periods whose evidence sentences are embedded (at most {@link
   * org.marsad.evidence.EvidenceTables#DEFAULT_PER_ITEM} each), which bounds the page's size.
   */
  static final int MAX_EVIDENCE_PAIRS = 1_000;

  static final int MAX_EVIDENCE_TERMS = 600;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final String output;
  private final FileSystem fs;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Set<String> docPeriods = new TreeSet<>();
  private final Set<String> otherPeriods = new TreeSet<>();
  private final Map<String, Long> counted = new HashMap<>();

  /** Periods the page names but does not chart (the predecessor of a period, say). */
  private final Set<String> named = new TreeSet<>();

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
    root.set("changes", changes());
    root.set("evidence", evidence(root));
    // The time axis comes from the documents; without them, from the periods the tables name.
    List<String> axis = Periods.axis(docPeriods.isEmpty() ? otherPeriods : docPeriods);
    ObjectNode periods = root.putObject("periods");
    ArrayNode keys = periods.putArray("keys");
    ObjectNode labels = periods.putObject("labels");
    Set<String> all = new TreeSet<>(axis);
    all.addAll(docPeriods);
    all.addAll(otherPeriods);
    all.addAll(named);
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

  /** Stories shown per list: the most reprinted stories and the outlets that amplify most. */
  static final int TOP_STORIES = 12;

  /**
   * The stories part of the corpus overview (when the stories tables exist): stories against
   * documents, the most reprinted stories with their outlets, and amplification per source. Small
   * aggregates only: the top stories' outlets come from the documents of those stories alone.
   */
  private void stories(ObjectNode c, Dataset<Row> documents, JsonNode manifest) {
    Dataset<Row> st = table(Catalog.STORIES);
    Dataset<Row> amp = table(Catalog.STORY_AMPLIFICATION);
    if (st == null || amp == null || !has(documents, "story_id")) {
      return;
    }
    ObjectNode o = c.putObject("stories");
    o.put("mode", manifest == null ? "" : manifest.path("dedup").path("mode").asText(""));
    o.put("stories", st.count());
    List<Row> top =
        st.filter(col("docs").gt(1))
            .orderBy(col("docs").desc(), col("sources").desc(), col("story_id"))
            .limit(TOP_STORIES)
            .select("story_id", "title", "docs", "sources", "first_source", "first_published_at")
            .collectAsList();
    Map<String, List<String>> outlets = new HashMap<>();
    if (!top.isEmpty()) {
      List<String> ids = top.stream().map(r -> r.getString(0)).toList();
      for (Row r :
          documents
              .filter(col("story_id").isin(ids.toArray()))
              .groupBy("story_id", "source")
              .count()
              .orderBy(col("story_id"), col("count").desc(), col("source"))
              .collectAsList()) {
        outlets
            .computeIfAbsent(r.getString(0), k -> new ArrayList<>())
            .add(nz(r.getString(1), "unknown"));
      }
    }
    ArrayNode t = o.putArray("top");
    for (Row r : top) {
      ObjectNode x = t.addObject();
      x.put("title", r.isNullAt(1) ? "" : r.getString(1));
      x.put("docs", r.getLong(2));
      x.put("sources", r.getInt(3));
      x.put("first_source", nz(r.getString(4), "unknown"));
      x.put("first", r.isNullAt(5) ? "" : WHEN.format(r.getTimestamp(5).toInstant()));
      x.set("outlets", mapper.valueToTree(outlets.getOrDefault(r.getString(0), List.of())));
    }
    ArrayNode a = o.putArray("amplification");
    for (Row r :
        amp.groupBy("source")
            .agg(
                sum("docs").as("docs"),
                sum("reprints").as("reprints"),
                sum("stories_first").as("first"))
            .orderBy(col("reprints").desc(), col("source"))
            .limit(TOP_STORIES)
            .collectAsList()) {
      ObjectNode x = a.addObject();
      x.put("source", nz(r.getString(0), "unknown"));
      x.put("docs", r.getLong(1));
      x.put("reprints", r.getLong(2));
      x.put("first", r.getLong(3));
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
    for (Row r :
        documents
            .filter(col("duplicate_of").isNull())
            .groupBy("period")
            .agg(count("*").as("n"))
            .collectAsList()) {
      counted.put(r.getString(0), r.getLong(1));
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
    stories(c, documents, manifest);

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
        o.put("term", (String) r.getAs("term"));
        if (has(key, "lang")) {
          o.put("lang", (String) r.getAs("lang"));
        }
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
        if (has(coll, "term")) {
          o.put("term", (String) r.getAs("term"));
        }
        if (has(coll, "lang")) {
          o.put("lang", (String) r.getAs("lang"));
        }
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
      // Weak: its top terms occur together less often than chance (older outputs: from npmi).
      Double npmi = num(r, "npmi");
      boolean weak =
          has(summary, "weak") && !r.isNullAt(r.fieldIndex("weak"))
              ? r.<Boolean>getAs("weak")
              : npmi != null && npmi < 0;
      o.put("weak", weak);
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
    // Small aggregates only (a day-period corpus of years has states x thousands of periods):
    // totals per state, the time series of the most named, the per-period lists of the latest.
    Map<String, Long> totals = new HashMap<>();
    for (Row r : counts.groupBy("state").agg(sum("docs").as("docs")).collectAsList()) {
      totals.put(r.getString(0), ((Number) r.get(1)).longValue());
    }
    Map<String, Long> totalDocs = ranked(totals);
    ArrayNode top = s.putArray("top");
    totalDocs.entrySet().stream()
        .limit(TOP_ITEMS)
        .forEach(e -> top.addObject().put("state", e.getKey()).put("docs", e.getValue()));
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
        obj(time, r.getString(0)).put(r.getString(1), ((Number) r.get(2)).longValue());
      }
    }
    s.set("order", mapper.valueToTree(timeStates));

    // The state charts and the network of each of the latest periods, beside those of all.
    List<String> dated =
        counts.select("period").distinct().collectAsList().stream()
            .map(r -> r.getString(0))
            .filter(p -> p != null && !p.equals("all"))
            .sorted()
            .toList();
    List<String> views = dated.subList(Math.max(0, dated.size() - VIEW_PERIODS), dated.size());
    s.set("periods", mapper.valueToTree(views));
    Map<String, Map<String, Long>> byPeriod = new TreeMap<>();
    if (!views.isEmpty()) {
      for (Row r :
          counts
              .filter(col("period").isin(views.toArray()))
              .groupBy("period", "state")
              .agg(sum("docs").as("docs"))
              .collectAsList()) {
        byPeriod
            .computeIfAbsent(r.getString(0), p -> new HashMap<>())
            .put(r.getString(1), ((Number) r.get(2)).longValue());
      }
    }
    ObjectNode perPeriod = s.putObject("by_period");
    for (String p : views) {
      ArrayNode t = perPeriod.putObject(p).putArray("top");
      ranked(byPeriod.getOrDefault(p, Map.of())).entrySet().stream()
          .limit(TOP_ITEMS)
          .forEach(e -> t.addObject().put("state", e.getKey()).put("docs", e.getValue()));
    }

    Dataset<Row> co = table(Catalog.STATE_COMENTIONS);
    if (missing(co, "state_comentions", "period", "scope", "state_a", "state_b", "co_docs", "npmi")
        == null) {
      comentions(s, co, totalDocs, views, byPeriod);
    }
    return s;
  }

  /** The states by documents, most named first (ties: by code). */
  private static Map<String, Long> ranked(Map<String, Long> docs) {
    Map<String, Long> out = new LinkedHashMap<>();
    docs.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private record Pair(String a, String b, long co, double npmi) {}

  private static final Comparator<Pair> BY_CO =
      Comparator.comparingLong((Pair p) -> -p.co())
          .thenComparing(p -> -p.npmi())
          .thenComparing(Pair::a)
          .thenComparing(Pair::b);

  private void comentions(
      ObjectNode s,
      Dataset<Row> co,
      Map<String, Long> totalDocs,
      List<String> views,
      Map<String, Map<String, Long>> byPeriod) {
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
      pairs.add(pair(r, 0));
    }
    ObjectNode c = pairView(scope, pairs, totalDocs);
    if (c == null) {
      return;
    }
    s.set("comentions", c);
    if (views.isEmpty()) {
      return;
    }
    Map<String, List<Pair>> perPeriod = new HashMap<>();
    for (Row r :
        co.filter(col("scope").equalTo(scope).and(col("period").isin(views.toArray())))
            .select("period", "state_a", "state_b", "co_docs", "npmi")
            .orderBy(col("co_docs").desc(), col("npmi").desc(), col("state_a"), col("state_b"))
            .limit(200_000)
            .collectAsList()) {
      perPeriod.computeIfAbsent(r.getString(0), p -> new ArrayList<>()).add(pair(r, 1));
    }
    ObjectNode byView = (ObjectNode) s.get("by_period");
    for (String p : views) {
      List<Pair> list = perPeriod.getOrDefault(p, List.of());
      ObjectNode v = pairView(scope, list, ranked(byPeriod.getOrDefault(p, Map.of())));
      if (v != null) {
        ((ObjectNode) byView.get(p)).set("comentions", v);
      }
    }
  }

  private static Pair pair(Row r, int from) {
    return new Pair(
        r.getString(from),
        r.getString(from + 1),
        ((Number) r.get(from + 2)).longValue(),
        r.isNullAt(from + 3) ? Double.NaN : ((Number) r.get(from + 3)).doubleValue());
  }

  /**
   * The pair charts, network and heatmap of one period's pairs (sorted by co-mentions), or null
   * when there is no pair; {@code docs} are the documents naming each state, most named first.
   */
  private ObjectNode pairView(String scope, List<Pair> pairs, Map<String, Long> docs) {
    if (pairs.isEmpty()) {
      return null;
    }
    pairs = pairs.stream().sorted(BY_CO).toList();
    ObjectNode c = mapper.createObjectNode();
    c.put("scope", scope);
    long minPair = threshold(pairs, 10);
    c.put("min_co_docs", minPair);
    ArrayNode byNpmi = c.putArray("by_npmi");
    pairs.stream()
        .filter(p -> p.co() >= minPair && Double.isFinite(p.npmi()))
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
              nodes.put(p.a(), docs.getOrDefault(p.a(), p.co()));
              nodes.put(p.b(), docs.getOrDefault(p.b(), p.co()));
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
        docs.keySet().stream().filter(paired::contains).limit(HEATMAP_STATES).toList();
    Set<String> heatSet = new HashSet<>(heat);
    c.set("heat_states", mapper.valueToTree(heat));
    ArrayNode cells = c.putArray("heat");
    pairs.stream()
        .filter(p -> heatSet.contains(p.a()) && heatSet.contains(p.b()))
        .forEach(p -> pair(cells, p));
    return c;
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

  // ---------------------------------------------------------------- what changed

  private ObjectNode changes() {
    ObjectNode c = mapper.createObjectNode();
    Dataset<Row> st = table(Catalog.STATE_TRENDS);
    Dataset<Row> ct = table(Catalog.COMENTION_TRENDS);
    Dataset<Row> tt = table(Catalog.TERM_TRENDS);
    String stMissing =
        missing(
            st, "state_trends", "period", "state", "docs", "share_of_docs", "burst_g2", "burst");
    String ctMissing =
        missing(
            ct, "comention_trends", "period", "state_a", "state_b", "co_docs", "burst_g2", "burst");
    String ttMissing =
        missing(
            tt, "term_trends", "period", "lang", "term", "label", "g2", "log_ratio", "direction");
    if (stMissing != null && ctMissing != null && ttMissing != null) {
      return absent(
          c,
          "This output has no trend tables (state_trends, comention_trends, term_trends), so the"
              + " report cannot say what changed.");
    }
    c.put("available", true);
    TrendSettings d = TrendSettings.DEFAULTS;
    c.putObject("settings")
        .put("window", d.window())
        .put("min_docs", d.minDocs())
        .put("min_g2", d.minG2())
        .put("min_log_ratio", d.minLogRatio())
        .put("term_min_g2", Trends.DEFAULT_TERM_MIN_G2);
    ObjectNode notes = c.putObject("missing");
    TreeSet<String> periods = new TreeSet<>();
    List<Dataset<Row>> present = new ArrayList<>();
    if (stMissing == null) {
      present.add(st);
    }
    if (ctMissing == null) {
      present.add(ct);
    }
    if (ttMissing == null) {
      present.add(tt);
    }
    // The periods with documents (trend rows exist only there); without a documents table, the
    // periods the trend tables name.
    if (!counted.isEmpty()) {
      counted.keySet().stream().filter(p -> PeriodCalendar.slot(p) != null).forEach(periods::add);
    } else {
      for (Dataset<Row> t : present) {
        t.select("period").distinct().collectAsList().stream()
            .map(r -> r.getString(0))
            .filter(p -> p != null && PeriodCalendar.slot(p) != null)
            .forEach(periods::add);
      }
    }
    if (stMissing != null) {
      notes.put("states", "No bursting states: " + stMissing + ".");
    }
    if (ctMissing != null) {
      notes.put("pairs", "No bursting pairs: " + ctMissing + ".");
    }
    if (ttMissing != null) {
      notes.put("terms", "No rising terms: " + ttMissing + ".");
    }
    List<String> shown =
        new ArrayList<>(periods)
            .subList(Math.max(0, periods.size() - VIEW_PERIODS), periods.size());
    c.set("periods", mapper.valueToTree(shown));
    if (shown.isEmpty()) {
      return c;
    }
    otherPeriods.addAll(shown);
    c.put("latest", shown.get(shown.size() - 1));
    ObjectNode previous = c.putObject("previous");
    shown.forEach(p -> previous.put(p, PeriodCalendar.previous(p)));
    shown.forEach(p -> named.add(PeriodCalendar.previous(p)));
    // What each comparison rests on: counted documents of the period, of the one before and of
    // the window (calendar periods without documents count 0).
    if (!counted.isEmpty()) {
      ObjectNode docs = c.putObject("docs");
      for (String p : shown) {
        PeriodCalendar.Slot slot = PeriodCalendar.slot(p);
        long window = 0;
        for (int k = 1; k <= d.window(); k++) {
          String q = PeriodCalendar.label(new PeriodCalendar.Slot(slot.kind(), slot.index() - k));
          window += counted.getOrDefault(q, 0L);
        }
        docs.putObject(p)
            .put("period", counted.getOrDefault(p, 0L))
            .put("prev", counted.getOrDefault(PeriodCalendar.previous(p), 0L))
            .put("window", window);
      }
    }
    ObjectNode by = c.putObject("by_period");
    shown.forEach(by::putObject);
    Object[] keys = shown.toArray();
    if (stMissing == null) {
      Dataset<Row> rows = st.filter(col("period").isin(keys));
      // Bursts first (strongest G²); then, for context, the largest rises in share that are none.
      for (Row r :
          topN(rows.filter(col("burst")), "period", col("burst_g2").desc(), "state", CHANGE_ITEMS)
              .collectAsList()) {
        stateChange(arr((ObjectNode) by.get((String) r.getAs("period")), "states"), r);
      }
      Dataset<Row> rises =
          rows.filter(
              col("burst").equalTo(false).and(col("share_change").gt(0)).and(col("docs").geq(2)));
      for (Row r : topN(rises, "period", col("share_change").desc(), "state", 5).collectAsList()) {
        stateChange(arr((ObjectNode) by.get((String) r.getAs("period")), "rises"), r);
      }
    }
    if (ctMissing == null) {
      Dataset<Row> bursts =
          ct.filter(col("period").isin(keys).and(col("burst")))
              .withColumn("pair", functions.concat_ws("|", col("state_a"), col("state_b")));
      for (Row r :
          topN(bursts, "period", col("burst_g2").desc(), "pair", CHANGE_ITEMS).collectAsList()) {
        ObjectNode o = arr((ObjectNode) by.get((String) r.getAs("period")), "pairs").addObject();
        o.put("a", (String) r.getAs("state_a"));
        o.put("b", (String) r.getAs("state_b"));
        o.put("co", ((Number) r.getAs("co_docs")).longValue());
        putLong(o, "total", r, "docs_total");
        o.put("npmi", num(r, "npmi"));
        putLong(o, "prev_co", r, "prev_co_docs");
        putLong(o, "change", r, "co_docs_change");
        o.put("npmi_change", num(r, "npmi_change"));
        putLong(o, "window_co", r, "window_co_docs");
        putLong(o, "window_total", r, "window_docs_total");
        o.put("g2", num(r, "burst_g2"));
        o.put("lr", num(r, "burst_log_ratio"));
      }
    }
    if (ttMissing == null) {
      Dataset<Row> rows =
          tt.filter(col("period").isin(keys))
              .withColumn("_key", functions.concat_ws("|", col("period"), col("direction")));
      for (Row r : topN(rows, "_key", col("g2").desc(), "term", CHANGE_TERMS).collectAsList()) {
        String dir = Trends.RISING.equals(r.getAs("direction")) ? "rising" : "falling";
        ObjectNode o = arr((ObjectNode) by.get((String) r.getAs("period")), dir).addObject();
        o.put("label", (String) r.getAs("label"));
        o.put("term", (String) r.getAs("term"));
        o.put("lang", (String) r.getAs("lang"));
        putLong(o, "n", r, "count_period");
        putLong(o, "prev", r, "count_prev");
        o.put("g2", num(r, "g2"));
        o.put("lr", num(r, "log_ratio"));
      }
    }
    return c;
  }

  private static void stateChange(ArrayNode list, Row r) {
    ObjectNode o = list.addObject();
    o.put("state", (String) r.getAs("state"));
    o.put("docs", ((Number) r.getAs("docs")).longValue());
    putLong(o, "total", r, "docs_total");
    o.put("share", num(r, "share_of_docs"));
    o.put("prev_share", num(r, "prev_share_of_docs"));
    o.put("change", num(r, "share_change"));
    o.put("window_share", num(r, "window_share"));
    o.put("g2", num(r, "burst_g2"));
    o.put("lr", num(r, "burst_log_ratio"));
  }

  private static void putLong(ObjectNode o, String key, Row r, String field) {
    if (!Arrays.asList(r.schema().fieldNames()).contains(field)
        || r.isNullAt(r.fieldIndex(field))) {
      o.putNull(key);
    } else {
      o.put(key, ((Number) r.getAs(field)).longValue());
    }
  }

  // ---------------------------------------------------------------- evidence

  /**
   * The evidence sentences of the pairs and terms the report shows: all periods first, then the
   * "What changed" lists, then the other periods from the latest back, up to {@link
   * #MAX_EVIDENCE_PAIRS} pair-periods and {@link #MAX_EVIDENCE_TERMS} term-periods. Sentences are
   * stored once and referred to by index.
   */
  private ObjectNode evidence(ObjectNode root) {
    ObjectNode e = mapper.createObjectNode();
    ArrayNode sentences = e.putArray("sentences");
    Map<String, Integer> index = new HashMap<>();
    Dataset<Row> pairs = table(Catalog.COMENTION_EVIDENCE);
    String pairsMissing =
        missing(
            pairs,
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
    e.put("pairs_available", pairsMissing == null);
    if (pairsMissing != null) {
      e.put(
          "pairs_message",
          "There are no evidence sentences for pairs in this output: " + pairsMissing + ".");
    } else {
      Set<List<String>> wanted = pairKeys(root);
      e.put("pairs_total", wanted.size());
      List<Row> rows =
          keyed(pairs, wanted, MAX_EVIDENCE_PAIRS, "period", "state_a", "state_b")
              .orderBy("period", "state_a", "state_b", "rank")
              .collectAsList();
      ObjectNode out = e.putObject("pairs");
      for (Row r : rows) {
        String key = r.getAs("period") + "|" + r.getAs("state_a") + "|" + r.getAs("state_b");
        arr(out, key)
            .addArray()
            .add(sentence(sentences, index, r))
            .add(intOf(r, "a_start"))
            .add(intOf(r, "a_end"))
            .add(intOf(r, "b_start"))
            .add(intOf(r, "b_end"));
      }
      e.put("pairs_embedded", Math.min(wanted.size(), MAX_EVIDENCE_PAIRS));
    }
    Dataset<Row> terms = table(Catalog.TERM_EVIDENCE);
    String termsMissing =
        missing(
            terms,
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
    e.put("terms_available", termsMissing == null);
    if (termsMissing != null) {
      e.put(
          "terms_message",
          "There are no evidence sentences for terms in this output: " + termsMissing + ".");
    } else {
      Set<List<String>> wanted = termKeys(root);
      List<Row> rows =
          keyed(terms, wanted, MAX_EVIDENCE_TERMS, "period", "lang", "term")
              .orderBy("period", "lang", "term", "kind", "rank")
              .collectAsList();
      ObjectNode out = e.putObject("terms");
      for (Row r : rows) {
        String key =
            r.getAs("period")
                + "|"
                + r.getAs("lang")
                + "|"
                + r.getAs("term")
                + "|"
                + r.getAs("kind");
        arr(out, key)
            .addArray()
            .add(sentence(sentences, index, r))
            .add(intOf(r, "start"))
            .add(intOf(r, "end"));
      }
    }
    return e;
  }

  /** The rows of {@code table} (rank within the default) whose keys are the first {@code max}. */
  private Dataset<Row> keyed(Dataset<Row> table, Set<List<String>> wanted, int max, String... k) {
    StructType schema = new StructType();
    for (String c : k) {
      schema = schema.add(c, DataTypes.StringType, false);
    }
    List<Row> keys = wanted.stream().limit(max).map(l -> RowFactory.create(l.toArray())).toList();
    Dataset<Row> d = spark.createDataFrame(keys, schema);
    return table
        .filter(col("rank").leq(EvidenceTables.DEFAULT_PER_ITEM))
        .join(functions.broadcast(d), k);
  }

  private static int sentence(ArrayNode sentences, Map<String, Integer> index, Row r) {
    String text = r.getAs("sentence");
    String field = has(r, "field") ? r.getAs("field") : null;
    String key = r.getAs("doc_id") + "\u0000" + field + "\u0000" + text;
    Integer i = index.get(key);
    if (i == null) {
      i = sentences.size();
      index.put(key, i);
      ArrayNode s = sentences.addArray();
      s.add(text == null ? "" : text);
      s.add(has(r, "source") ? (String) r.getAs("source") : null);
      Object t = has(r, "published_at") ? r.getAs("published_at") : null;
      s.add(t instanceof java.sql.Timestamp ts ? DAY.format(ts.toInstant()) : null);
      s.add((String) r.getAs("doc_id"));
      s.add(field);
      s.add(has(r, "story_id") ? (String) r.getAs("story_id") : null);
    }
    return i;
  }

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private static boolean has(Row r, String field) {
    return Arrays.asList(r.schema().fieldNames()).contains(field);
  }

  private static Integer intOf(Row r, String field) {
    Object v = r.getAs(field);
    return v == null ? null : ((Number) v).intValue();
  }

  /** The pairs the report shows, as (period, state_a, state_b), in the order they matter. */
  private static Set<List<String>> pairKeys(ObjectNode root) {
    Set<List<String>> keys = new LinkedHashSet<>();
    JsonNode states = root.path("states");
    addPairs(keys, "all", states.path("comentions"));
    JsonNode changes = root.path("changes");
    List<String> periods = new ArrayList<>();
    changes.path("periods").forEach(p -> periods.add(p.asText()));
    for (int i = periods.size() - 1; i >= 0; i--) {
      String p = periods.get(i);
      changes.path("by_period").path(p).path("pairs").forEach(x -> addPair(keys, p, x));
    }
    List<String> views = new ArrayList<>();
    states.path("periods").forEach(p -> views.add(p.asText()));
    for (int i = views.size() - 1; i >= 0; i--) {
      String p = views.get(i);
      addPairs(keys, p, states.path("by_period").path(p).path("comentions"));
    }
    return keys;
  }

  private static void addPairs(Set<List<String>> keys, String period, JsonNode view) {
    for (String list : List.of("by_npmi", "by_co_docs", "edges", "heat")) {
      view.path(list).forEach(x -> addPair(keys, period, x));
    }
  }

  private static void addPair(Set<List<String>> keys, String period, JsonNode p) {
    keys.add(List.of(period, p.path("a").asText(), p.path("b").asText()));
  }

  /** The terms the report shows, as (period, lang, term). */
  private static Set<List<String>> termKeys(ObjectNode root) {
    Set<List<String>> keys = new LinkedHashSet<>();
    JsonNode changes = root.path("changes");
    List<String> periods = new ArrayList<>();
    changes.path("periods").forEach(p -> periods.add(p.asText()));
    for (int i = periods.size() - 1; i >= 0; i--) {
      String p = periods.get(i);
      for (String dir : List.of("rising", "falling")) {
        changes.path("by_period").path(p).path(dir).forEach(x -> addTerm(keys, p, x));
      }
    }
    JsonNode terms = root.path("terms");
    terms.path("collocations").forEach(x -> addTerm(keys, "all", x));
    List<String> keyPeriods = new ArrayList<>();
    terms.path("keyness").fieldNames().forEachRemaining(keyPeriods::add);
    keyPeriods.sort(Comparator.reverseOrder());
    for (String p : keyPeriods) {
      terms.path("keyness").path(p).forEach(x -> addTerm(keys, p, x));
    }
    return keys;
  }

  private static void addTerm(Set<List<String>> keys, String period, JsonNode t) {
    if (t.hasNonNull("term") && t.hasNonNull("lang")) {
      keys.add(List.of(period, t.path("lang").asText(), t.path("term").asText()));
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The table under the output folder, or null when it is absent; {@code period} as a string. */
  Dataset<Row> table(org.marsad.pipeline.Table t) {
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
