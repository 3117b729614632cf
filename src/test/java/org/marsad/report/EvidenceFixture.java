package org.marsad.report;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.evidence.EvidenceTables;
import org.marsad.relations.RelationsCatalog;
import org.marsad.trends.TrendFixtures;
import org.marsad.trends.Trends;

/**
 * A hand-written output folder with the evidence tables in the schemas the one-pass job will write
 * ({@code comention_evidence}, {@code term_evidence}, {@code state_mentions} with its context
 * columns) and the trend tables computed from it by {@link Trends}: three months of 20 Arabic
 * documents each, five states, Iran and Syria named together far more often in March, a rising and
 * a falling term, and one sentence full of HTML and a spreadsheet formula.
 */
public final class EvidenceFixture {

  /** The hostile sentence: it names Iran and Syria, with markup and a formula around them. */
  public static final String HOSTILE =
      "قال <script>marsadCheck.errors.push('evidence escaped badly')</script> إن إيران"
          + " و=HYPERLINK(\"http://evil.example\",\"سوريا\") اتفقتا.";

  public static final String HOSTILE_DOC = "m03-17";

  static final Map<String, String[]> STATES = new LinkedHashMap<>();

  static {
    STATES.put("IR", new String[] {"IRN", "Iran", "إيران"});
    STATES.put("RU", new String[] {"RUS", "Russia", "روسيا"});
    STATES.put("SY", new String[] {"SYR", "Syria", "سوريا"});
    STATES.put("TR", new String[] {"TUR", "Turkey", "تركيا"});
    STATES.put("US", new String[] {"USA", "United States", "الولايات المتحدة"});
  }

  /** One document: its id, period, source, states and text (one sentence). */
  record Doc(String id, String period, String source, List<String> states, String text) {

    int start(String iso) {
      return text.indexOf(STATES.get(iso)[2]);
    }

    int end(String iso) {
      return start(iso) + STATES.get(iso)[2].length();
    }
  }

  private EvidenceFixture() {}

  /** The documents: which states each names, by month (the rest of the 20 name none). */
  static List<Doc> docs() {
    List<Doc> docs = new ArrayList<>();
    String[][][] months = {
      {
        {"IR", "SY"},
        {"IR", "SY"},
        {"IR", "SY"},
        {"IR", "SY"},
        {"RU", "SY"},
        {"RU", "SY"},
        {"US", "IR"},
        {"TR"}
      },
      {{"IR", "SY"}, {"IR", "SY"}, {"IR", "SY"}, {"RU", "SY"}, {"RU", "SY"}, {"US"}, {"TR", "RU"}},
      {
        {"IR", "SY"}, {"IR", "SY"}, {"IR", "SY"}, {"IR", "SY"}, {"IR", "SY"}, {"IR", "SY"},
        {"IR", "SY"}, {"IR", "SY"}, {"IR", "SY"}, {"IR", "SY"}, {"IR", "SY"}, {"IR", "SY"},
        {"RU", "SY"}, {"RU", "SY"}, {"US", "IR"}, {"TR"}, {"IR", "SY"}
      }
    };
    for (int m = 0; m < months.length; m++) {
      for (int i = 1; i <= 20; i++) {
        String id = String.format(java.util.Locale.ROOT, "m%02d-%02d", m + 1, i);
        List<String> states = i <= months[m].length ? List.of(months[m][i - 1]) : List.of();
        String text;
        if (id.equals(HOSTILE_DOC)) {
          text = HOSTILE;
        } else if (states.size() == 2) {
          text =
              "بحث وزير خارجية "
                  + STATES.get(states.get(0))[2]
                  + " مع نظيره في "
                  + STATES.get(states.get(1))[2]
                  + " الوضع الإقليمي في اجتماع رقم "
                  + i
                  + ".";
        } else if (states.size() == 1) {
          text = "أعلنت " + STATES.get(states.get(0))[2] + " عن خطة جديدة للاقتصاد.";
        } else {
          text = "تقرير محلي عن الطقس والأسواق رقم " + i + ".";
        }
        docs.add(new Doc(id, "2017-0" + (m + 1), i % 2 == 0 ? "beta" : "alpha", states, text));
      }
    }
    return docs;
  }

  /** Writes every table under {@code out}. */
  public static void write(SparkSession spark, Path out) {
    List<Doc> docs = docs();
    List<Row> documents = new ArrayList<>();
    List<Row> mentions = new ArrayList<>();
    for (Doc d : docs) {
      documents.add(
          RowFactory.create(
              d.id(), d.source(), published(d), d.period(), "ar", "عنوان " + d.id(), 12, null));
      for (String iso : d.states()) {
        mentions.add(
            RowFactory.create(
                d.id(),
                d.period(),
                d.source(),
                iso,
                "name",
                STATES.get(iso)[2],
                "text",
                d.start(iso),
                d.end(iso),
                0,
                d.text(),
                d.start(iso),
                d.end(iso)));
      }
    }
    save(
        spark,
        out,
        "documents",
        new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("published_at", DataTypes.TimestampType)
            .add("period", DataTypes.StringType)
            .add("lang", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("n_tokens", DataTypes.IntegerType)
            .add("duplicate_of", DataTypes.StringType),
        documents,
        "period");
    StructType mentionSchema =
        new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("state", DataTypes.StringType)
            .add("form", DataTypes.StringType)
            .add("surface", DataTypes.StringType)
            .add("field", DataTypes.StringType)
            .add("start", DataTypes.IntegerType)
            .add("end", DataTypes.IntegerType)
            .add("sentence", DataTypes.IntegerType);
    for (var f : EvidenceTables.STATE_MENTION_CONTEXT.fields()) {
      mentionSchema = mentionSchema.add(f);
    }
    save(spark, out, "state_mentions", mentionSchema, mentions, "period");

    List<Row> states = new ArrayList<>();
    STATES.forEach((iso, v) -> states.add(RowFactory.create(iso, v[0], v[1], v[2], "un_member")));
    save(
        spark,
        out,
        "states",
        new StructType()
            .add("iso2", DataTypes.StringType)
            .add("iso3", DataTypes.StringType)
            .add("name_en", DataTypes.StringType)
            .add("name_ar", DataTypes.StringType)
            .add("status", DataTypes.StringType),
        states);

    writeStateCounts(spark, out, docs);
    writeComentions(spark, out, docs);
    writeTerms(spark, out, docs);

    // The trend tables, as the job will compute them from the tables above.
    Dataset<Row> periodDocs = TrendFixtures.periodDocs(read(spark, out, "documents"));
    saveTable(
        out,
        "state_trends",
        TrendFixtures.stateTrends(read(spark, out, "state_counts"), periodDocs),
        "period");
    saveTable(
        out,
        "comention_trends",
        TrendFixtures.comentionTrends(read(spark, out, "state_comentions"), periodDocs, 1),
        "period");
    saveTable(
        out,
        "term_trends",
        TrendFixtures.termTrends(read(spark, out, "term_frequencies"), 5),
        "period");
  }

  /** The cue of a fixture sentence: "agreed" in the hostile one, "discussed" in the others. */
  static String cue(Doc d) {
    return d.id().equals(HOSTILE_DOC) ? "اتفقتا" : "بحث";
  }

  /**
   * Writes the relation tables under {@code out} (after {@link #write}): every sentence naming two
   * states is verbal cooperation with its cue ("discussed", the hostile one "agreed"), so each
   * pair's tone is 0.5 and no conflict share bursts.
   */
  public static void writeRelations(SparkSession spark, Path out) {
    List<Doc> docs = docs();
    List<Row> relations = new ArrayList<>();
    List<Row> trends = new ArrayList<>();
    List<Row> evidence = new ArrayList<>();
    TreeSet<String> periods = new TreeSet<>();
    docs.forEach(d -> periods.add(d.period()));
    List<String> all = new ArrayList<>(periods);
    all.add("all");
    for (String p : all) {
      Map<String, List<Doc>> pairs = new TreeMap<>();
      for (Doc d : docs) {
        if (d.states().size() == 2 && (p.equals("all") || d.period().equals(p))) {
          List<String> ab = d.states().stream().sorted().toList();
          pairs.computeIfAbsent(ab.get(0) + "|" + ab.get(1), k -> new ArrayList<>()).add(d);
        }
      }
      for (Map.Entry<String, List<Doc>> e : pairs.entrySet()) {
        String[] ab = e.getKey().split("\\|");
        long n = e.getValue().size();
        relations.add(
            RowFactory.create(
                p,
                ab[0],
                ab[1],
                n,
                n,
                n,
                0L,
                0L,
                n,
                0L,
                0L,
                0L,
                0L,
                0L,
                n,
                0L,
                1.0,
                0.0,
                0.5,
                "cooperation"));
        if (!p.equals("all")) {
          for (String relation : List.of("cooperation", "conflict")) {
            long k = relation.equals("cooperation") ? n : 0L;
            trends.add(
                RowFactory.create(
                    p,
                    ab[0],
                    ab[1],
                    relation,
                    k,
                    n,
                    k / (double) n,
                    null,
                    null,
                    0L,
                    0L,
                    null,
                    0.0,
                    0.0,
                    false));
          }
        }
        List<Doc> ev = new ArrayList<>(e.getValue());
        ev.sort(
            (x, y) ->
                x.id().equals(HOSTILE_DOC)
                    ? -1
                    : y.id().equals(HOSTILE_DOC) ? 1 : x.id().compareTo(y.id()));
        for (int r = 0; r < Math.min(3, ev.size()); r++) {
          Doc d = ev.get(r);
          int cue = d.text().indexOf(cue(d));
          evidence.add(
              RowFactory.create(
                  p,
                  ab[0],
                  ab[1],
                  "cooperation",
                  "verbal_cooperation",
                  r + 1,
                  d.id(),
                  d.source(),
                  published(d),
                  null,
                  "text",
                  d.text(),
                  d.start(ab[0]),
                  d.end(ab[0]),
                  d.start(ab[1]),
                  d.end(ab[1]),
                  cue(d),
                  cue,
                  cue + cue(d).length(),
                  "none",
                  null));
        }
      }
    }
    save(
        spark,
        out,
        "comention_relations",
        RelationsCatalog.COMENTION_RELATIONS.schema(),
        relations,
        "period");
    save(
        spark, out, "relation_trends", RelationsCatalog.RELATION_TRENDS.schema(), trends, "period");
    save(
        spark,
        out,
        "relation_evidence",
        RelationsCatalog.RELATION_EVIDENCE.schema(),
        evidence,
        "period");
  }

  private static Timestamp published(Doc d) {
    int day = Integer.parseInt(d.id().substring(4));
    return Timestamp.from(
        Instant.parse(d.period() + "-" + String.format("%02d", day) + "T09:30:00Z"));
  }

  private static void writeStateCounts(SparkSession spark, Path out, List<Doc> docs) {
    Map<String, Long> totals = new TreeMap<>();
    Map<String, Long> counts = new TreeMap<>();
    for (Doc d : docs) {
      totals.merge(d.period() + "|" + d.source(), 1L, Long::sum);
      for (String iso : d.states()) {
        counts.merge(d.period() + "|" + d.source() + "|" + iso, 1L, Long::sum);
      }
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach(
        (k, n) -> {
          String[] p = k.split("\\|");
          long total = totals.get(p[0] + "|" + p[1]);
          rows.add(RowFactory.create(p[0], p[1], p[2], n, n, (double) n / total));
        });
    save(
        spark,
        out,
        "state_counts",
        new StructType()
            .add("period", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("state", DataTypes.StringType)
            .add("docs", DataTypes.LongType)
            .add("mentions", DataTypes.LongType)
            .add("share_of_docs", DataTypes.DoubleType),
        rows,
        "period");
  }

  /** state_comentions (document scope, each period and all) with the README's measures. */
  private static void writeComentions(SparkSession spark, Path out, List<Doc> docs) {
    List<Row> rows = new ArrayList<>();
    List<Row> evidence = new ArrayList<>();
    TreeSet<String> periods = new TreeSet<>();
    docs.forEach(d -> periods.add(d.period()));
    List<String> all = new ArrayList<>(periods);
    all.add("all");
    for (String p : all) {
      List<Doc> in = docs.stream().filter(d -> p.equals("all") || d.period().equals(p)).toList();
      Map<String, Long> single = new TreeMap<>();
      Map<String, List<Doc>> pairs = new TreeMap<>();
      for (Doc d : in) {
        d.states().forEach(s -> single.merge(s, 1L, Long::sum));
        List<String> sorted = d.states().stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
          for (int j = i + 1; j < sorted.size(); j++) {
            pairs
                .computeIfAbsent(sorted.get(i) + "|" + sorted.get(j), k -> new ArrayList<>())
                .add(d);
          }
        }
      }
      double n = in.size();
      for (Map.Entry<String, List<Doc>> e : pairs.entrySet()) {
        String[] ab = e.getKey().split("\\|");
        double c = e.getValue().size();
        double a = single.get(ab[0]);
        double b = single.get(ab[1]);
        double pmi = Math.log(c * n / (a * b)) / Math.log(2);
        double npmi = c >= n ? 1.0 : pmi / -(Math.log(c / n) / Math.log(2));
        double llr =
            2
                * (xlogx(c, a * b / n)
                    + xlogx(a - c, a * (n - b) / n)
                    + xlogx(b - c, (n - a) * b / n)
                    + xlogx(n - a - b + c, (n - a) * (n - b) / n));
        rows.add(
            RowFactory.create(
                p,
                "document",
                ab[0],
                ab[1],
                (long) c,
                (long) a,
                (long) b,
                (long) n,
                c / (a + b - c),
                2 * c / (a + b),
                pmi,
                npmi,
                c * n / (a * b),
                llr,
                c / a,
                c / b));
        // Evidence: the hostile sentence first when it names the pair, then by document.
        List<Doc> ev = new ArrayList<>(e.getValue());
        ev.sort(
            (x, y) ->
                x.id().equals(HOSTILE_DOC)
                    ? -1
                    : y.id().equals(HOSTILE_DOC) ? 1 : x.id().compareTo(y.id()));
        for (int r = 0; r < Math.min(EvidenceTables.DEFAULT_PER_ITEM, ev.size()); r++) {
          Doc d = ev.get(r);
          evidence.add(
              RowFactory.create(
                  p,
                  ab[0],
                  ab[1],
                  r + 1,
                  d.id(),
                  d.source(),
                  published(d),
                  r == 1 ? "story-" + d.id() : null,
                  "text",
                  d.text(),
                  d.start(ab[0]),
                  d.end(ab[0]),
                  d.start(ab[1]),
                  d.end(ab[1])));
        }
      }
    }
    StructType schema =
        new StructType()
            .add("period", DataTypes.StringType)
            .add("scope", DataTypes.StringType)
            .add("state_a", DataTypes.StringType)
            .add("state_b", DataTypes.StringType)
            .add("co_docs", DataTypes.LongType)
            .add("docs_a", DataTypes.LongType)
            .add("docs_b", DataTypes.LongType)
            .add("docs_total", DataTypes.LongType);
    for (String m :
        List.of("jaccard", "dice", "pmi", "npmi", "lift", "llr", "p_b_given_a", "p_a_given_b")) {
      schema = schema.add(m, DataTypes.DoubleType);
    }
    save(spark, out, "state_comentions", schema, rows, "period");
    save(spark, out, "comention_evidence", EvidenceTables.COMENTION_EVIDENCE, evidence, "period");
  }

  private static double xlogx(double x, double e) {
    return x > 0 ? x * Math.log(x / e) : 0;
  }

  /** Term counts per month: a truce that rises in March, elections that fall. */
  static final Object[][] TERMS = {
    // term, label, January, February, March
    {"هدنه", "هدنة", 2L, 3L, 30L},
    {"اقتصاد", "الاقتصاد", 20L, 22L, 18L},
    {"انتخاب", "الانتخابات", 15L, 14L, 1L},
    {"حكومه", "الحكومة", 40L, 40L, 40L},
  };

  private static void writeTerms(SparkSession spark, Path out, List<Doc> docs) {
    List<Row> tf = new ArrayList<>();
    long[] totals = new long[3];
    for (Object[] t : TERMS) {
      for (int m = 0; m < 3; m++) {
        long n = (Long) t[2 + m];
        totals[m] += n;
        tf.add(
            RowFactory.create("2017-0" + (m + 1), "alpha", "ar", t[0], t[1], n, Math.min(n, 20)));
      }
    }
    save(
        spark,
        out,
        "term_frequencies",
        new StructType()
            .add("period", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("lang", DataTypes.StringType)
            .add("term", DataTypes.StringType)
            .add("label", DataTypes.StringType)
            .add("term_count", DataTypes.LongType)
            .add("doc_count", DataTypes.LongType),
        tf,
        "period");
    // term_keyness as the README defines it: each month against the two others.
    long all = totals[0] + totals[1] + totals[2];
    List<Row> key = new ArrayList<>();
    for (Object[] t : TERMS) {
      long sum = (Long) t[2] + (Long) t[3] + (Long) t[4];
      for (int m = 0; m < 3; m++) {
        double a = (Long) t[2 + m];
        double b = sum - a;
        double c = totals[m];
        double d = all - c;
        double e1 = c * (a + b) / (c + d);
        double e2 = d * (a + b) / (c + d);
        double g2 = 2 * (xlogx(a, e1) + xlogx(b, e2));
        double lr = Math.log((Math.max(a, 0.5) / c) / (Math.max(b, 0.5) / d)) / Math.log(2);
        key.add(
            RowFactory.create("2017-0" + (m + 1), "ar", t[0], t[1], (long) a, (long) b, g2, lr));
      }
    }
    save(
        spark,
        out,
        "term_keyness",
        new StructType()
            .add("period", DataTypes.StringType)
            .add("lang", DataTypes.StringType)
            .add("term", DataTypes.StringType)
            .add("label", DataTypes.StringType)
            .add("count_period", DataTypes.LongType)
            .add("count_rest", DataTypes.LongType)
            .add("g2", DataTypes.DoubleType)
            .add("log_ratio", DataTypes.DoubleType),
        key,
        "period");
    save(
        spark,
        out,
        "collocations",
        new StructType()
            .add("lang", DataTypes.StringType)
            .add("term", DataTypes.StringType)
            .add("term_a", DataTypes.StringType)
            .add("term_b", DataTypes.StringType)
            .add("label", DataTypes.StringType)
            .add("count", DataTypes.LongType)
            .add("pmi", DataTypes.DoubleType)
            .add("g2", DataTypes.DoubleType),
        List.of(
            RowFactory.create("ar", "وقف اطلاق", "وقف", "اطلاق", "وقف إطلاق", 12L, 6.1, 80.2),
            RowFactory.create(
                "ar", "وزير خارجيه", "وزير", "خارجيه", "وزير خارجية", 9L, 5.2, 50.7)));
    String truce = "أعلنت الأطراف هدنة جديدة في المدينة.";
    String cease = "دعا المجلس إلى وقف إطلاق النار فورا.";
    int t = truce.indexOf("هدنة");
    int c = cease.indexOf("وقف إطلاق");
    Timestamp when = Timestamp.from(Instant.parse("2017-03-05T08:00:00Z"));
    save(
        spark,
        out,
        "term_evidence",
        EvidenceTables.TERM_EVIDENCE,
        List.of(
            RowFactory.create(
                "2017-03",
                "ar",
                "هدنه",
                "هدنة",
                EvidenceTables.KEYNESS,
                1,
                "m03-18",
                "alpha",
                when,
                truce,
                t,
                t + 4),
            RowFactory.create(
                "all",
                "ar",
                "وقف اطلاق",
                "وقف إطلاق",
                EvidenceTables.COLLOCATION,
                1,
                "m03-19",
                "alpha",
                when,
                cease,
                c,
                c + 9)),
        "period");
  }

  private static Dataset<Row> read(SparkSession spark, Path out, String table) {
    Dataset<Row> d = spark.read().parquet(out.resolve(table).toString());
    return d.withColumn("period", col("period").cast("string"));
  }

  private static void save(
      SparkSession spark,
      Path out,
      String table,
      StructType schema,
      List<Row> rows,
      String... partitionBy) {
    // Rows written before a table gained columns (url) get nulls for them.
    List<Row> padded = new ArrayList<>();
    for (Row r : rows) {
      Object[] v = new Object[schema.size()];
      for (int i = 0; i < Math.min(r.length(), v.length); i++) {
        v[i] = r.get(i);
      }
      padded.add(RowFactory.create(v));
    }
    saveTable(out, table, spark.createDataFrame(padded, schema), partitionBy);
  }

  private static void saveTable(Path out, String table, Dataset<Row> d, String... partitionBy) {
    d.coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy(partitionBy)
        .parquet(out.resolve(table).toString());
  }
}
