package org.marsad.bench;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.marsad.corpus.DateParser;
import org.marsad.stories.DedupMode;
import org.marsad.stories.Stories;
import org.marsad.stories.StoryParams;
import org.marsad.stories.StoryTables;
import org.marsad.text.ArabicNormalizer;
import org.marsad.text.RawToken;
import org.marsad.text.TextCleaner;
import org.marsad.text.Tokenizer;

/**
 * Evaluation of story detection with a known answer: distinct ANT articles are reprinted by made-up
 * outlets (new headline, boilerplate, word edits, dropped, reordered or shortened sentences,
 * truncation, copies of copies), mixed into the whole ANT corpus (whose same-URL and identical-text
 * rows are one story), and the detected stories are scored by pairwise precision and recall,
 * overall and per bucket of the share of the shorter text's sentences that the copy keeps verbatim.
 * Prints {@code story_eval ...} lines.
 *
 * <p>Usage: StoryEval [ANT_PATH] [originals=2000] [seed=7] [name=value,... of StoryParams]
 */
public final class StoryEval {

  /** One article of the evaluation set. */
  public record Article(
      String docId, String source, String title, String text, Instant published, String url) {}

  /**
   * A made-up reprint.
   *
   * @param doc the copy
   * @param originalId the ANT article it reprints
   * @param kind the recipe that made it
   * @param share verbatim-shared sentences over the sentences of the shorter of copy and original
   * @param derived true when made from another copy (a reprint of a reprint)
   */
  public record Copy(Article doc, String originalId, String kind, double share, boolean derived) {}

  /** Scores of one clustering against the truth. */
  public record Score(long truePairs, long predictedPairs, long correctPairs) {
    public double precision() {
      return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
      return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }
  }

  /** Made-up outlets, each with its own dateline style, source line and promo paragraph. */
  static final String[][] OUTLETS = {
    {"alwatan-daily", "الرياض - واس:", "المصدر: وكالة الأنباء السعودية (واس)", "promo1"},
    {"nahar-online", "دمشق - سانا:", "المصدر: سانا", "promo2"},
    {"gulf-post", "الدوحة - قنا:", "(قنا)", "promo3"},
    {"emirates-today", "أبوظبي - وام:", "المصدر: وكالة أنباء الإمارات (وام)", "promo4"},
    {"cairo-news24", "القاهرة - أ ش أ:", "المصدر: وكالة أنباء الشرق الأوسط", "promo1"},
    {"maghreb-express", "باريس - أ ف ب:", "(أ ف ب)", "promo2"},
    {"levant-times", "بيروت - رويترز:", "المصدر: رويترز", "promo3"},
    {"arab-wire-digest", "عمان - بترا:", "المصدر: وكالة الأنباء", "promo4"},
    {"aljazira-net-mirror", "", "جميع الحقوق محفوظة ولا يجوز النقل دون ذكر المصدر.", "promo1"},
    {"sahel-voice", "", "المصدر: وكالات", "promo2"},
  };

  static final Map<String, String> PROMOS =
      Map.of(
          "promo1",
          "تابعوا آخر الأخبار العاجلة والتقارير الحصرية على حساباتنا في مواقع التواصل الاجتماعي،"
              + " وحملوا تطبيقنا المجاني للهواتف الذكية لتصلكم الأخبار أولا بأول.",
          "promo2",
          "اشترك في نشرتنا البريدية اليومية لتصلك أهم الأخبار والتحليلات من المنطقة والعالم كل صباح"
              + " مجانا، ويمكنك إلغاء الاشتراك في أي وقت.",
          "promo3",
          "اقرأ أيضا: تغطية خاصة لأهم الأحداث السياسية والاقتصادية في المنطقة العربية خلال الأسبوع"
              + " الجاري، مع آراء الخبراء والمحللين.",
          "promo4",
          "للمزيد من الأخبار والتقارير تابعونا عبر موقعنا الإلكتروني وصفحتنا على فيسبوك وحسابنا على"
              + " تويتر وقناتنا على يوتيوب.");

  /** Words that small edits substitute or insert (common news verbs and fillers). */
  static final String[] EDIT_WORDS = {
    "أكد", "أعلن", "قال", "أوضح", "أشار", "مشيرا", "مؤكدا", "أيضا", "بدوره", "من جهته", "الجديد",
    "اليوم", "أمس", "الرسمية", "الكبير", "نحو", "حوالي", "وفقا", "حسبما", "وأضاف", "وتابع"
  };

  private StoryEval() {}

  /** Entry point. */
  public static void main(String[] args) {
    String path = args.length > 0 ? args[0] : "../shared/corpora/ant-multisource";
    int originals = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
    StoryParams params = StoryParams.defaults();
    if (args.length > 3) {
      params = params.with(args[3]);
    }
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
    List<Article> ant = readAnt(spark, path);
    Map<String, String> antTruth = truthOfCorpus(ant);
    List<Copy> copies = makeCopies(pickOriginals(ant, antTruth, originals, seed), seed);
    List<Article> all = new ArrayList<>(ant);
    copies.forEach(c -> all.add(c.doc()));
    System.out.printf(
        Locale.ROOT,
        "story_eval_set ant_docs=%d copies=%d originals=%d params=%s%n",
        ant.size(),
        copies.size(),
        copies.stream().map(Copy::originalId).distinct().count(),
        params);
    long t0 = System.nanoTime();
    Map<String, String> predicted = detect(spark, all, params, DedupMode.NEAR);
    System.out.printf(
        Locale.ROOT, "story_eval_detect seconds=%.1f%n", (System.nanoTime() - t0) / 1e9);
    report(ant, copies, antTruth, predicted, negatives(ant, antTruth));
    spark.stop();
  }

  /** Verdicts of the independent judge on pairs of real articles. */
  enum Verdict {
    REPRINT,
    AMBIGUOUS,
    DISTINCT
  }

  /**
   * The judge: the longest common subsequence of the two token sequences over the shorter's length.
   * Order-aware and independent of shingles: a copy with edits keeps it at 0.8 or more, articles
   * written independently on one event share names and function words in order up to about 0.5.
   */
  static Verdict judge(int[] a, int[] b) {
    double r = lcsRatio(a, b);
    return r >= 0.8 ? Verdict.REPRINT : r < 0.5 ? Verdict.DISTINCT : Verdict.AMBIGUOUS;
  }

  static double lcsRatio(int[] a, int[] b) {
    int[] s = a.length <= b.length ? a : b;
    int[] l = a.length <= b.length ? b : a;
    if (s.length == 0) {
      return 0;
    }
    int[] prev = new int[l.length + 1];
    int[] cur = new int[l.length + 1];
    for (int i = 1; i <= s.length; i++) {
      int x = s[i - 1];
      for (int j = 1; j <= l.length; j++) {
        cur[j] = x == l[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return (double) prev[l.length] / s.length;
  }

  /** Token ids of a text (normalised tokens, as the fingerprint sees them). */
  static int[] tokenIds(String text, Map<String, Integer> vocabulary) {
    List<RawToken> raw = Tokenizer.tokenize(TextCleaner.clean(text));
    int[] out = new int[raw.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          vocabulary.computeIfAbsent(
              ArabicNormalizer.normalize(raw.get(i).surface()), k -> vocabulary.size());
    }
    return out;
  }

  /** Prints the score lines. */
  static void report(
      List<Article> ant,
      List<Copy> copies,
      Map<String, String> antTruth,
      Map<String, String> predicted,
      List<String[]> negatives) {
    Map<String, Article> byId = new HashMap<>();
    ant.forEach(a -> byId.put(a.docId(), a));
    // Pool the real pairs whose truth ANT does not give: the hard negatives and every pair of
    // ANT articles the detector joined beyond same URL or text; the judge decides them.
    Map<String, List<String>> clusters = new HashMap<>();
    for (Article a : ant) {
      clusters.computeIfAbsent(predicted.get(a.docId()), k -> new ArrayList<>()).add(a.docId());
    }
    Set<List<String>> pool = new java.util.LinkedHashSet<>();
    for (String[] n : negatives) {
      pool.add(List.of(n[0], n[1]));
    }
    for (List<String> c : clusters.values()) {
      c.sort(null);
      for (int i = 0; i < c.size(); i++) {
        for (int j = i + 1; j < c.size(); j++) {
          if (!antTruth.get(c.get(i)).equals(antTruth.get(c.get(j)))) {
            pool.add(List.of(c.get(i), c.get(j)));
          }
        }
      }
    }
    Map<String, Integer> vocabulary = new HashMap<>();
    Map<String, int[]> tokens = new HashMap<>();
    Map<List<String>, Verdict> verdicts = new HashMap<>();
    for (List<String> p : pool) {
      int[] a = tokens.computeIfAbsent(p.get(0), k -> tokenIds(byId.get(k).text(), vocabulary));
      int[] b = tokens.computeIfAbsent(p.get(1), k -> tokenIds(byId.get(k).text(), vocabulary));
      verdicts.put(p, judge(a, b));
    }
    String pairsFile = System.getProperty("storyeval.pairs");
    if (pairsFile != null) {
      StringBuilder b = new StringBuilder();
      verdicts.forEach(
          (p, v) ->
              b.append(p.get(0)).append(' ').append(p.get(1)).append(' ').append(v).append('\n'));
      try {
        java.nio.file.Files.writeString(java.nio.file.Path.of(pairsFile), b);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    // Adjudicated truth: ANT's stories joined by the judged reprints; copies follow originals.
    Map<String, String> parent = new HashMap<>();
    for (Article a : ant) {
      parent.put(a.docId(), a.docId());
    }
    for (Article a : ant) {
      union(parent, a.docId(), antTruth.get(a.docId()));
    }
    verdicts.forEach(
        (p, v) -> {
          if (v == Verdict.REPRINT) {
            union(parent, p.get(0), p.get(1));
          }
        });
    Map<String, String> truth = new HashMap<>();
    for (Article a : ant) {
      truth.put(a.docId(), find(parent, a.docId()));
    }
    Map<String, String> strict = new HashMap<>(antTruth);
    Map<String, String> rep = new HashMap<>();
    for (Copy c : copies) {
      rep.put(c.doc().docId(), c.originalId());
      truth.put(c.doc().docId(), truth.get(c.originalId()));
      strict.put(c.doc().docId(), antTruth.get(c.originalId()));
    }
    Set<List<String>> excluded = new HashSet<>();
    verdicts.forEach(
        (p, v) -> {
          if (v == Verdict.AMBIGUOUS && !truth.get(p.get(0)).equals(truth.get(p.get(1)))) {
            excluded.add(p);
          }
        });
    int[] byVerdict = new int[3];
    int[] mergedByVerdict = new int[3];
    verdicts.forEach(
        (p, v) -> {
          byVerdict[v.ordinal()]++;
          if (predicted.get(p.get(0)).equals(predicted.get(p.get(1)))) {
            mergedByVerdict[v.ordinal()]++;
          }
        });
    System.out.printf(
        Locale.ROOT,
        "story_eval_judge pooled_ant_pairs=%d reprint=%d (joined %d) ambiguous=%d (joined %d,"
            + " not scored) distinct=%d (joined %d)%n",
        pool.size(),
        byVerdict[0],
        mergedByVerdict[0],
        byVerdict[1],
        mergedByVerdict[1],
        byVerdict[2],
        mergedByVerdict[2]);

    if (Boolean.getBoolean("storyeval.dump")) {
      Map<String, Integer> size = new HashMap<>();
      predicted.values().forEach(v -> size.merge(v, 1, Integer::sum));
      verdicts.forEach(
          (p, v) -> {
            if (v == Verdict.DISTINCT && predicted.get(p.get(0)).equals(predicted.get(p.get(1)))) {
              Article a = byId.get(p.get(0));
              Article b = byId.get(p.get(1));
              System.out.printf(
                  Locale.ROOT,
                  "dump_distinct_joined cluster=%s size=%d lcs=%.2f %s | %s%n  A: %s%n  B: %s%n",
                  predicted.get(p.get(0)),
                  size.get(predicted.get(p.get(0))),
                  lcsRatio(tokens.get(p.get(0)), tokens.get(p.get(1))),
                  a.docId(),
                  b.docId(),
                  snippet(a.text()),
                  snippet(b.text()));
            }
          });
    }
    if (Boolean.getBoolean("storyeval.dump")) {
      Map<String, Article> docs = new HashMap<>(byId);
      copies.forEach(c -> docs.put(c.doc().docId(), c.doc()));
      Map<String, List<String>> byPred = new HashMap<>();
      for (String d : docs.keySet()) {
        byPred.computeIfAbsent(predicted.get(d), k -> new ArrayList<>()).add(d);
      }
      for (List<String> c : byPred.values()) {
        for (String x : c) {
          for (String y : c) {
            if (rep.containsKey(x) && x.compareTo(y) < 0 && !truth.get(x).equals(truth.get(y))) {
              String rx = rep.get(x);
              String ry = rep.getOrDefault(y, y);
              List<String> p = rx.compareTo(ry) < 0 ? List.of(rx, ry) : List.of(ry, rx);
              if (!excluded.contains(p)) {
                System.out.printf(
                    Locale.ROOT,
                    "dump_copy_false %s (%s of %s) ~ %s (of %s)%n  X: %s%n  Y: %s%n",
                    x,
                    docs.get(x).source(),
                    rx,
                    y,
                    ry,
                    snippet(docs.get(x).text()),
                    snippet(docs.get(y).text()));
              }
            }
          }
        }
      }
    }
    Set<String> antIds = new HashSet<>(byId.keySet());
    Map<String, Predicate<Copy>> buckets = new LinkedHashMap<>();
    buckets.put("all", c -> true);
    buckets.put("share>=0.8", c -> c.share() >= 0.8);
    buckets.put("share_0.5-0.8", c -> c.share() >= 0.5 && c.share() < 0.8);
    buckets.put("share<0.5", c -> c.share() < 0.5);
    TreeMap<String, Boolean> kinds = new TreeMap<>();
    copies.forEach(c -> kinds.put(c.kind(), true));
    for (String k : kinds.keySet()) {
      buckets.put("kind=" + k, c -> c.kind().equals(k));
    }
    for (Map.Entry<String, Predicate<Copy>> b : buckets.entrySet()) {
      Set<String> universe = new HashSet<>(antIds);
      int n = 0;
      long found = 0;
      for (Copy c : copies) {
        if (b.getValue().test(c)) {
          universe.add(c.doc().docId());
          n++;
          if (predicted.get(c.doc().docId()).equals(predicted.get(c.originalId()))) {
            found++;
          }
        }
      }
      Score s = score(universe, truth, predicted, excluded, rep);
      Score cs = copyPairs(universe, antIds, truth, predicted, excluded, rep);
      System.out.printf(
          Locale.ROOT,
          "story_eval bucket=%s copies=%d precision=%.4f recall=%.4f pairs=%d/%d/%d"
              + " copy_pairs_precision=%.4f copy_pairs_recall=%.4f copy_pairs=%d/%d/%d"
              + " copy_recall=%.4f%n",
          b.getKey(),
          n,
          s.precision(),
          s.recall(),
          s.correctPairs(),
          s.truePairs(),
          s.predictedPairs(),
          cs.precision(),
          cs.recall(),
          cs.correctPairs(),
          cs.truePairs(),
          cs.predictedPairs(),
          n == 0 ? 1.0 : (double) found / n);
    }
    Set<String> everything = new HashSet<>(antIds);
    copies.forEach(c -> everything.add(c.doc().docId()));
    Score st = score(everything, strict, predicted);
    System.out.printf(
        Locale.ROOT,
        "story_eval strict_truth (ANT same URL or text only, no judge) precision=%.4f recall=%.4f"
            + " pairs=%d/%d/%d%n",
        st.precision(),
        st.recall(),
        st.correctPairs(),
        st.truePairs(),
        st.predictedPairs());
    Score antOnly = score(antIds, truth, predicted, excluded, rep);
    System.out.printf(
        Locale.ROOT,
        "story_eval ant_only precision=%.4f recall=%.4f pairs=%d/%d/%d%n",
        antOnly.precision(),
        antOnly.recall(),
        antOnly.correctPairs(),
        antOnly.truePairs(),
        antOnly.predictedPairs());
    long merged = 0;
    long distinct = 0;
    for (String[] p : negatives) {
      if (verdicts.get(List.of(p[0], p[1])) == Verdict.DISTINCT) {
        distinct++;
        if (predicted.get(p[0]).equals(predicted.get(p[1]))) {
          merged++;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "story_eval negatives same_day_cross_outlet_pairs=%d judged_distinct=%d joined=%d%n",
        negatives.size(),
        distinct,
        merged);
  }

  private static String snippet(String t) {
    String x = t.replace('\n', ' ');
    return x.length() <= 300 ? x : x.substring(0, 300);
  }

  /** Runs fingerprinting and detection in Spark; returns doc_id → story_id. */
  public static Map<String, String> detect(
      SparkSession spark, List<Article> docs, StoryParams params, DedupMode mode) {
    Dataset<Row> df = toDataset(spark, docs);
    Dataset<Row> withFp =
        Stories.withFingerprints(df, "text", params).persist(StorageLevel.MEMORY_AND_DISK());
    withFp.count();
    StoryTables t = Stories.compute(withFp, mode, params);
    Map<String, String> out = new HashMap<>();
    for (Row r : t.documents().collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    withFp.unpersist();
    return out;
  }

  /** The articles as the Dataset {@link Stories} reads (text instead of a fingerprint). */
  public static Dataset<Row> toDataset(SparkSession spark, List<Article> docs) {
    StructType schema =
        new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("published_at", DataTypes.TimestampType)
            .add("period", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("text", DataTypes.StringType);
    List<Row> rows = new ArrayList<>(docs.size());
    for (Article a : docs) {
      rows.add(
          RowFactory.create(
              a.docId(),
              a.published() == null ? null : Timestamp.from(a.published()),
              a.published() == null
                  ? "all"
                  : a.published().atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7),
              a.source(),
              a.title(),
              a.text()));
    }
    return spark.createDataFrame(rows, schema).repartition(8);
  }

  /** Reads ANT (docno, src, title, text, time, url). */
  public static List<Article> readAnt(SparkSession spark, String path) {
    DateParser dates = new DateParser(List.of());
    List<Article> out = new ArrayList<>();
    for (Row r :
        spark
            .read()
            .parquet(path)
            .select(col("docno"), col("src"), col("title"), col("text"), col("time"), col("url"))
            .orderBy("docno")
            .collectAsList()) {
      if (r.isNullAt(0) || r.isNullAt(3)) {
        continue;
      }
      out.add(
          new Article(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.isNullAt(4) ? null : dates.parse(r.getString(4)),
              r.getString(5)));
    }
    return out;
  }

  /**
   * The known stories of a corpus: rows with the same URL (ANT files some stories in two
   * categories) or the same cleaned text are one story; the label is the smallest doc_id.
   */
  public static Map<String, String> truthOfCorpus(List<Article> docs) {
    Map<String, String> parent = new HashMap<>();
    Map<String, String> byUrl = new HashMap<>();
    Map<String, String> byText = new HashMap<>();
    for (Article a : docs) {
      parent.put(a.docId(), a.docId());
    }
    for (Article a : docs) {
      if (a.url() != null && !a.url().isBlank()) {
        String other = byUrl.putIfAbsent(a.url().strip(), a.docId());
        if (other != null) {
          union(parent, other, a.docId());
        }
      }
      String clean = TextCleaner.clean(a.text());
      String other = byText.putIfAbsent(clean, a.docId());
      if (other != null) {
        union(parent, other, a.docId());
      }
    }
    Map<String, String> out = new HashMap<>();
    for (Article a : docs) {
      out.put(a.docId(), find(parent, a.docId()));
    }
    return out;
  }

  private static String find(Map<String, String> parent, String x) {
    String p = parent.get(x);
    while (!p.equals(parent.get(p))) {
      p = parent.get(p);
    }
    parent.put(x, p);
    return p;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  /** {@code n} articles of distinct known stories with at least two sentences, chosen by seed. */
  public static List<Article> pickOriginals(
      List<Article> docs, Map<String, String> truth, int n, long seed) {
    List<Article> pool = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Article a : docs) {
      if (seen.add(truth.get(a.docId())) && sentences(a.text()).size() >= 2) {
        pool.add(a);
      }
    }
    java.util.Collections.shuffle(pool, new Random(seed));
    return new ArrayList<>(pool.subList(0, Math.min(n, pool.size())));
  }

  /** Kinds of reprint and their recipes. */
  static final String[] KINDS = {
    "new_title",
    "boilerplate",
    "edits",
    "dropped",
    "reordered",
    "lead",
    "truncated",
    "mixed",
    "heavy"
  };

  /** One to three copies of each original, a quarter of them copies of an earlier copy. */
  public static List<Copy> makeCopies(List<Article> originals, long seed) {
    Random rnd = new Random(seed * 31 + 17);
    List<Copy> out = new ArrayList<>();
    int id = 0;
    for (Article o : originals) {
      int n = 1 + rnd.nextInt(3);
      List<Article> made = new ArrayList<>();
      made.add(o);
      for (int i = 0; i < n; i++) {
        boolean derived = made.size() > 1 && rnd.nextDouble() < 0.25;
        Article from = derived ? made.get(made.size() - 1) : o;
        String kind = derived ? (rnd.nextBoolean() ? "boilerplate" : "edits") : pick(KINDS, rnd);
        String[] outlet = OUTLETS[rnd.nextInt(OUTLETS.length)];
        if (outlet[0].equals(from.source())) {
          outlet = OUTLETS[(java.util.Arrays.asList(OUTLETS).indexOf(outlet) + 1) % OUTLETS.length];
        }
        List<String> body = transform(sentences(from.text()), kind, outlet, rnd);
        String text = String.join("\n", body);
        Instant when =
            from.published() == null
                ? null
                : from.published().plus(Duration.ofMinutes(5 + rnd.nextInt(48 * 60)));
        Article copy =
            new Article(
                String.format(Locale.ROOT, "copy-%05d", id++),
                outlet[0],
                headline(o.title(), rnd),
                text,
                when,
                null);
        made.add(copy);
        out.add(
            new Copy(copy, o.docId(), derived ? "derived" : kind, share(o.text(), text), derived));
      }
    }
    return out;
  }

  static List<String> transform(List<String> s, String kind, String[] outlet, Random rnd) {
    List<String> out = new ArrayList<>(s);
    switch (kind) {
      case "new_title":
        break;
      case "boilerplate":
        boilerplate(out, outlet, rnd);
        break;
      case "edits":
        edits(out, 1 + rnd.nextInt(4), rnd);
        break;
      case "dropped":
        drop(out, Math.max(1, (int) Math.round(out.size() * (0.1 + 0.15 * rnd.nextDouble()))), rnd);
        break;
      case "reordered":
        reorder(out, 1 + rnd.nextInt(2), rnd);
        break;
      case "lead":
        shortenLead(out, rnd);
        break;
      case "truncated":
        truncate(out, 0.4 + 0.3 * rnd.nextDouble());
        break;
      case "mixed":
        shortenLead(out, rnd);
        if (rnd.nextBoolean()) {
          drop(out, 1, rnd);
        } else {
          reorder(out, 1, rnd);
        }
        edits(out, 2 + rnd.nextInt(4), rnd);
        if (rnd.nextBoolean()) {
          truncate(out, 0.5 + 0.3 * rnd.nextDouble());
        }
        boilerplate(out, outlet, rnd);
        break;
      case "heavy":
        // A rewrite: a third to a half of the sentences get three edits each, one is dropped.
        int m = Math.max(1, (int) Math.round(out.size() * (0.33 + 0.17 * rnd.nextDouble())));
        for (int i = 0; i < m; i++) {
          int k = rnd.nextInt(out.size());
          for (int e = 0; e < 3; e++) {
            out.set(k, editWords(out.get(k), rnd));
          }
        }
        drop(out, 1, rnd);
        boilerplate(out, outlet, rnd);
        break;
      default:
        throw new IllegalArgumentException(kind);
    }
    return out;
  }

  static void boilerplate(List<String> s, String[] outlet, Random rnd) {
    double r = rnd.nextDouble();
    if (!outlet[1].isEmpty() && r < 0.6) {
      s.set(0, outlet[1] + " " + s.get(0));
    }
    if (rnd.nextDouble() < 0.6) {
      s.add(outlet[2]);
    }
    if (rnd.nextDouble() < 0.5) {
      s.add(PROMOS.get(outlet[3]));
    }
  }

  static void edits(List<String> s, int n, Random rnd) {
    for (int i = 0; i < n; i++) {
      int k = rnd.nextInt(s.size());
      s.set(k, editWords(s.get(k), rnd));
    }
  }

  /** One small edit of a sentence: substitute, delete or insert a word, or change a number. */
  static String editWords(String sentence, Random rnd) {
    List<String> w = new ArrayList<>(List.of(sentence.split(" ")));
    if (w.size() < 3) {
      return sentence;
    }
    int i = rnd.nextInt(w.size());
    int op = rnd.nextInt(4);
    if (op == 0 || (op == 3 && !w.get(i).matches(".*[0-9].*"))) {
      w.set(i, pick(EDIT_WORDS, rnd));
    } else if (op == 1) {
      w.remove(i);
    } else if (op == 2) {
      w.add(i, pick(EDIT_WORDS, rnd));
    } else {
      w.set(i, w.get(i).replaceFirst("[0-9]", Integer.toString(rnd.nextInt(10))));
    }
    return String.join(" ", w);
  }

  static void drop(List<String> s, int n, Random rnd) {
    for (int i = 0; i < n && s.size() > 1; i++) {
      s.remove(1 + rnd.nextInt(s.size() - 1));
    }
  }

  static void reorder(List<String> s, int n, Random rnd) {
    for (int i = 0; i < n && s.size() > 2; i++) {
      int a = 1 + rnd.nextInt(s.size() - 1);
      String x = s.remove(a);
      s.add(1 + rnd.nextInt(s.size()), x);
    }
  }

  static void shortenLead(List<String> s, Random rnd) {
    String[] w = s.get(0).split(" ");
    if (w.length >= 8) {
      int keep = (int) Math.round(w.length * (0.5 + 0.2 * rnd.nextDouble()));
      s.set(0, String.join(" ", java.util.Arrays.copyOf(w, keep)) + ".");
    }
  }

  static void truncate(List<String> s, double share) {
    int keep = Math.max(1, (int) Math.round(s.size() * share));
    while (s.size() > keep) {
      s.remove(s.size() - 1);
    }
  }

  static String headline(String title, Random rnd) {
    String t = title == null ? "" : title;
    String[] w = t.split(" ");
    String prefix = rnd.nextBoolean() ? "عاجل: " : "";
    if (w.length > 4 && rnd.nextBoolean()) {
      t = String.join(" ", java.util.Arrays.copyOf(w, w.length - 2));
    }
    return prefix + t;
  }

  /** Share of the shorter text's sentences that the other has verbatim. */
  static double share(String original, String copy) {
    List<String> a = sentences(original);
    List<String> b = sentences(copy);
    Set<String> sa = new HashSet<>(a);
    Set<String> sb = new HashSet<>(b);
    List<String> shorter = a.size() <= b.size() ? a : b;
    Set<String> other = a.size() <= b.size() ? sb : sa;
    int shared = 0;
    for (String x : shorter) {
      if (other.contains(x)) {
        shared++;
      }
    }
    return shorter.isEmpty() ? 0 : (double) shared / shorter.size();
  }

  /**
   * Sentences of a text: cut after . ! ? ؟ followed by a space, and at line breaks; each stripped.
   */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        flush(cur, out);
        continue;
      }
      cur.append(c);
      boolean end = c == '.' || c == '!' || c == '?' || c == '\u061F';
      if (end && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
        flush(cur, out);
      }
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    String s = cur.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
    cur.setLength(0);
  }

  private static String pick(String[] a, Random rnd) {
    return a[rnd.nextInt(a.length)];
  }

  /**
   * Pairwise scores of {@code predicted} against {@code truth} over the documents of {@code u},
   * leaving out the pairs whose real articles ({@code rep}: a copy stands for the article it
   * reprints) the judge found ambiguous, when the truth keeps them apart.
   */
  public static Score score(
      Collection<String> u,
      Map<String, String> truth,
      Map<String, String> predicted,
      Set<List<String>> excluded,
      Map<String, String> rep) {
    Map<String, List<String>> clusters = new HashMap<>();
    Map<String, Integer> byTruth = new HashMap<>();
    for (String d : u) {
      clusters.computeIfAbsent(predicted.get(d), k -> new ArrayList<>()).add(d);
      byTruth.merge(truth.get(d), 1, Integer::sum);
    }
    long pred = 0;
    long correct = 0;
    for (List<String> c : clusters.values()) {
      Map<String, Integer> byT = new HashMap<>();
      for (String d : c) {
        byT.merge(truth.get(d), 1, Integer::sum);
      }
      for (int n : byT.values()) {
        correct += (long) n * (n - 1) / 2;
      }
      pred += (long) c.size() * (c.size() - 1) / 2;
      if (!excluded.isEmpty() && byT.size() > 1) {
        for (int i = 0; i < c.size(); i++) {
          for (int j = i + 1; j < c.size(); j++) {
            String a = rep.getOrDefault(c.get(i), c.get(i));
            String b = rep.getOrDefault(c.get(j), c.get(j));
            List<String> p = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
            if (excluded.contains(p) && !truth.get(c.get(i)).equals(truth.get(c.get(j)))) {
              pred--;
            }
          }
        }
      }
    }
    long tru = 0;
    for (int c : byTruth.values()) {
      tru += (long) c * (c - 1) / 2;
    }
    return new Score(tru, pred, correct);
  }

  /** {@link #score} without exclusions. */
  public static Score score(
      Collection<String> u, Map<String, String> truth, Map<String, String> predicted) {
    return score(u, truth, predicted, Set.of(), Map.of());
  }

  /**
   * Pairwise scores over the pairs of {@code u} with at least one made-up copy (not in {@code
   * real}): the known-answer part of the evaluation, apart from pairs of real articles.
   */
  static Score copyPairs(
      Set<String> u,
      Set<String> real,
      Map<String, String> truth,
      Map<String, String> predicted,
      Set<List<String>> excluded,
      Map<String, String> rep) {
    // All pairs minus pairs of real articles, for predicted, true and correct pairs alike.
    Set<String> realInU = new HashSet<>(real);
    realInU.retainAll(u);
    Score all = score(u, truth, predicted, excluded, rep);
    Score onlyReal = score(realInU, truth, predicted, excluded, rep);
    return new Score(
        all.truePairs() - onlyReal.truePairs(),
        all.predictedPairs() - onlyReal.predictedPairs(),
        all.correctPairs() - onlyReal.correctPairs());
  }

  /**
   * Hard negatives: pairs of ANT articles of different outlets published the same day whose word
   * sets overlap most (Jaccard of normalised words of 3+ letters at least 0.25), of different known
   * stories: the same event written up independently.
   */
  public static List<String[]> negatives(List<Article> ant, Map<String, String> truth) {
    Map<String, List<Article>> byDay = new HashMap<>();
    for (Article a : ant) {
      if (a.published() != null) {
        byDay
            .computeIfAbsent(
                a.published().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                k -> new ArrayList<>())
            .add(a);
      }
    }
    List<String[]> out = new ArrayList<>();
    for (List<Article> day : byDay.values()) {
      day.sort(Comparator.comparing(Article::docId));
      List<Set<String>> words = new ArrayList<>();
      for (Article a : day) {
        words.add(words(a.text()));
      }
      for (int i = 0; i < day.size(); i++) {
        for (int j = i + 1; j < day.size(); j++) {
          Article a = day.get(i);
          Article b = day.get(j);
          if (a.source().equals(b.source()) || truth.get(a.docId()).equals(truth.get(b.docId()))) {
            continue;
          }
          if (jaccard(words.get(i), words.get(j)) >= 0.25) {
            out.add(new String[] {a.docId(), b.docId()});
          }
        }
      }
    }
    out.sort(Comparator.comparing((String[] p) -> p[0]).thenComparing(p -> p[1]));
    return out;
  }

  /**
   * The normalised sentences of a text (token lists, as the tokeniser cuts them), the unit of the
   * independent reprint judgement {@link #fuzzyShare}.
   */
  public static List<List<String>> tokenSentences(String text) {
    List<List<String>> out = new ArrayList<>();
    int cur = -1;
    for (RawToken t : Tokenizer.tokenize(TextCleaner.clean(text))) {
      if (t.sentence() != cur) {
        out.add(new ArrayList<>());
        cur = t.sentence();
      }
      out.get(out.size() - 1).add(ArabicNormalizer.normalize(t.surface()));
    }
    return out;
  }

  /**
   * Share of the shorter text's sentences (of at least four tokens) that have a counterpart in the
   * other text: a sentence whose token set has Jaccard similarity at least 0.6 with it, i.e. the
   * same sentence up to a few edited, added or dropped words. An alignment judgement independent of
   * shingles and MinHash, used to adjudicate pairs of real articles.
   */
  public static double fuzzyShare(List<List<String>> a, List<List<String>> b) {
    List<Set<String>> sa = sentenceSets(a);
    List<Set<String>> sb = sentenceSets(b);
    List<Set<String>> shorter = sa.size() <= sb.size() ? sa : sb;
    List<Set<String>> longer = sa.size() <= sb.size() ? sb : sa;
    if (shorter.isEmpty()) {
      return 0;
    }
    int matched = 0;
    for (Set<String> x : shorter) {
      for (Set<String> y : longer) {
        if (jaccard(x, y) >= 0.6) {
          matched++;
          break;
        }
      }
    }
    return (double) matched / shorter.size();
  }

  private static List<Set<String>> sentenceSets(List<List<String>> sentences) {
    List<Set<String>> out = new ArrayList<>();
    for (List<String> s : sentences) {
      if (s.size() >= 4) {
        out.add(new HashSet<>(s));
      }
    }
    return out;
  }

  static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    for (RawToken t : Tokenizer.tokenize(TextCleaner.clean(text))) {
      String n = ArabicNormalizer.normalize(t.surface());
      if (n.length() >= 3) {
        out.add(n);
      }
    }
    return out;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    int both = 0;
    for (String x : a.size() <= b.size() ? a : b) {
      if ((a.size() <= b.size() ? b : a).contains(x)) {
        both++;
      }
    }
    return (double) both / (a.size() + b.size() - both);
  }
}
