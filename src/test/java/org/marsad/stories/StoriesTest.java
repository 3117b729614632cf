package org.marsad.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;

/** Stories from hand-made documents with known answers, in every mode, and determinism. */
@Tag("spark")
class StoriesTest {

  private static final StoryParams P = StoryParams.defaults();

  private static final StructType SCHEMA =
      new StructType()
          .add("doc_id", DataTypes.StringType)
          .add("published_at", DataTypes.TimestampType)
          .add("period", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("title", DataTypes.StringType)
          .add("text", DataTypes.StringType);

  /** A text of n distinct made-up Arabic-looking words, starting at word {@code from}. */
  static String words(int from, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < from + n; i++) {
      int x = i * 7919 % 100_003;
      b.append("كلمة").append(Integer.toString(x, 36)).append(i % 17 == 16 ? ". " : " ");
    }
    return b.toString().strip();
  }

  static Row doc(String id, String time, String source, String text) {
    return RowFactory.create(
        id,
        time == null ? null : Timestamp.from(Instant.parse(time)),
        time == null ? "all" : time.substring(0, 7),
        source,
        "title of " + id,
        text);
  }

  static Dataset<Row> docs(List<Row> rows, int partitions) {
    SparkSession spark = SharedSpark.get();
    return Stories.withFingerprints(
        spark.createDataFrame(rows, SCHEMA).repartition(partitions), "text", P);
  }

  static Map<String, String> storyOf(StoryTables t) {
    Map<String, String> out = new HashMap<>();
    for (Row r : t.documents().collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  @Test
  void aChainIsOneStoryThoughItsEndsAreNotSimilar() {
    // A~B and B~C share 70 of 100 tokens; A and C only 40 (Jaccard 0.24, containment 0.38).
    List<Row> rows =
        List.of(
            doc("C", "2024-01-01T12:00:00Z", "s3", words(60, 100)),
            doc("A", "2024-01-01T08:00:00Z", "s1", words(0, 100)),
            doc("B", "2024-01-01T10:00:00Z", "s2", words(30, 100)),
            doc("X", "2024-01-01T09:00:00Z", "s1", words(5000, 100)));
    Fingerprint a = Stories.fingerprintText(words(0, 100), P);
    Fingerprint c = Stories.fingerprintText(words(60, 100), P);
    assertThat(a.similarity(c).sameStory(P)).isFalse();
    StoryTables t = Stories.compute(docs(rows, 2), DedupMode.NEAR, P);
    assertThat(storyOf(t)).containsEntry("A", "A").containsEntry("B", "A").containsEntry("C", "A");
    assertThat(storyOf(t)).containsEntry("X", "X");
    Row story = t.stories().filter("story_id = 'A'").first();
    assertThat(story.<String>getAs("first_doc_id")).isEqualTo("A");
    assertThat(story.<String>getAs("first_source")).isEqualTo("s1");
    assertThat(story.<String>getAs("title")).isEqualTo("title of A");
    assertThat(story.<Long>getAs("docs")).isEqualTo(3L);
    assertThat(story.<Integer>getAs("sources")).isEqualTo(3);
    assertThat(story.<Double>getAs("span_hours")).isEqualTo(4.0);
    assertThat(story.<String>getAs("period")).isEqualTo("2024-01");
  }

  @Test
  void theDriversUnionFindGivesTheStoriesOfTheDistributedComponents() {
    // A chain A-B-C (A and C not similar) and two loose documents: the same stories either way.
    List<Row> rows =
        List.of(
            doc("C", "2024-01-01T12:00:00Z", "s3", words(60, 100)),
            doc("A", "2024-01-01T08:00:00Z", "s1", words(0, 100)),
            doc("B", "2024-01-01T10:00:00Z", "s2", words(30, 100)),
            doc("D", "2024-01-02T10:00:00Z", "s2", words(3000, 100)),
            doc("X", "2024-01-01T09:00:00Z", "s1", words(5000, 100)));
    Map<String, String> onDriver =
        storyOf(Stories.compute(docs(rows, 2), DedupMode.NEAR, P, 1_000_000));
    Map<String, String> distributed = storyOf(Stories.compute(docs(rows, 2), DedupMode.NEAR, P, 0));
    assertThat(onDriver).isEqualTo(distributed);
    assertThat(onDriver).containsEntry("C", "A").containsEntry("D", "D").containsEntry("X", "X");
  }

  @Test
  void twoArticlesOnTheSameEventAreTwoStories() {
    String a =
        "عقد قادة دول منظمة معاهدة الأمن الجماعي قمتهم في دوشنبه عاصمة طاجيكستان يوم الخميس،"
            + " وبحثوا الوضع في أفغانستان بعد انسحاب القوات الأمريكية. وقال الرئيس الروسي"
            + " فلاديمير بوتين إن المنظمة مستعدة لمواجهة أي تهديد على حدودها الجنوبية، فيما دعا"
            + " رئيس طاجيكستان إمام علي رحمن إلى تعزيز الحدود. وشارك في القمة رؤساء كازاخستان"
            + " وقرغيزستان وأرمينيا وبيلاروسيا، وصدر في ختامها بيان مشترك.";
    String b =
        "في العاصمة الطاجيكية دوشنبه، اجتمع الخميس رؤساء الدول الأعضاء في منظمة معاهدة الأمن"
            + " الجماعي لمناقشة التطورات الأفغانية. وأكد بوتين في كلمته عبر الفيديو أن روسيا ستدعم"
            + " طاجيكستان في حماية حدودها، بينما طالب رحمن بمساعدة عسكرية عاجلة. وحضر الاجتماع"
            + " قادة أرمينيا وبيلاروسيا وكازاخستان وقرغيزستان، واتفقوا على إجراء مناورات مشتركة.";
    List<Row> rows =
        List.of(
            doc("a", "2021-09-16T10:00:00Z", "thawra", a),
            doc("b", "2021-09-16T11:00:00Z", "sana", b),
            doc("a2", "2021-09-16T12:00:00Z", "wam", "دوشنبه - وام: " + a));
    StoryTables t = Stories.compute(docs(rows, 2), DedupMode.NEAR, P);
    assertThat(storyOf(t)).containsEntry("a", "a").containsEntry("a2", "a").containsEntry("b", "b");
  }

  @Test
  void aTruncatedCopyJoinsTheStoryOfItsOriginal() {
    String full = words(0, 400);
    String lead = words(0, 170); // 42% of the article: Jaccard about 0.42, contained
    List<Row> rows =
        List.of(
            doc("orig", "2024-03-01T08:00:00Z", "agency", full),
            doc("cut", "2024-03-01T09:30:00Z", "outlet", lead + " المصدر: وكالة الأنباء"),
            doc("other", "2024-03-01T09:00:00Z", "outlet", words(900, 400)));
    StoryTables t = Stories.compute(docs(rows, 2), DedupMode.NEAR, P);
    assertThat(storyOf(t)).containsEntry("cut", "orig").containsEntry("other", "other");
    List<Row> docs = t.documents().orderBy("doc_id").collectAsList();
    assertThat(docs)
        .extracting(r -> r.getString(0) + ":" + r.getBoolean(2))
        .containsExactly("cut:false", "orig:true", "other:true");
  }

  @Test
  void nullDatesSortLastAndTiesGoToTheSmallestId() {
    String text = words(0, 200);
    List<Row> rows =
        List.of(
            doc("n1", null, "s1", text),
            doc("t2", "2024-05-01T00:00:00Z", "s2", text),
            doc("t1", "2024-05-01T00:00:00Z", "s3", text));
    StoryTables t = Stories.compute(docs(rows, 2), DedupMode.NEAR, P);
    assertThat(storyOf(t)).containsOnly(entry("n1", "t1"), entry("t1", "t1"), entry("t2", "t1"));
    Row s = t.stories().first();
    assertThat(s.<Double>getAs("span_hours")).isEqualTo(0.0);
  }

  @Test
  void exactModeGroupsOnlyIdenticalTextsAndNoneModeNothing() {
    String text = words(0, 200);
    List<Row> rows =
        List.of(
            doc("e1", "2024-01-02T00:00:00Z", "s1", text),
            doc("e2", "2024-01-01T00:00:00Z", "s2", text),
            doc("near", "2024-01-03T00:00:00Z", "s3", text.replaceFirst("كلمة", "خبر")),
            doc("x", "2024-01-03T00:00:00Z", "s3", words(7000, 50)));
    Dataset<Row> d = docs(rows, 2);
    assertThat(storyOf(Stories.compute(d, DedupMode.EXACT, P)))
        .containsOnly(entry("e1", "e2"), entry("e2", "e2"), entry("near", "near"), entry("x", "x"));
    assertThat(storyOf(Stories.compute(d, DedupMode.NEAR, P)))
        .containsOnly(entry("e1", "e2"), entry("e2", "e2"), entry("near", "e2"), entry("x", "x"));
    StoryTables none = Stories.compute(d, DedupMode.NONE, P);
    assertThat(storyOf(none))
        .containsOnly(entry("e1", "e1"), entry("e2", "e2"), entry("near", "near"), entry("x", "x"));
    assertThat(none.stories().count()).isEqualTo(4);
  }

  @Test
  void aDocumentWithoutFingerprintIsAStoryOfItsOwn() {
    String text = words(0, 100);
    List<Row> rows =
        List.of(
            doc("a", "2024-01-01T00:00:00Z", "s1", text),
            doc("b", "2024-01-02T00:00:00Z", "s2", text),
            doc("n1", "2024-01-01T00:00:00Z", "s3", text),
            doc("n2", "2024-01-01T00:00:00Z", "s3", text));
    Dataset<Row> d =
        docs(rows, 2)
            .withColumn(
                "fingerprint",
                org.apache
                    .spark
                    .sql
                    .functions
                    .when(
                        org.apache.spark.sql.functions.col("doc_id").startsWith("n"),
                        org.apache.spark.sql.functions.lit(null).cast("binary"))
                    .otherwise(org.apache.spark.sql.functions.col("fingerprint")));
    for (DedupMode m : DedupMode.values()) {
      Map<String, String> s = storyOf(Stories.compute(d, m, P));
      assertThat(s).as(m.option()).containsEntry("n1", "n1").containsEntry("n2", "n2");
      assertThat(s.get("b")).as(m.option()).isEqualTo(m == DedupMode.NONE ? "b" : "a");
    }
  }

  @Test
  void anEmptyCorpusGivesEmptyTables() {
    Dataset<Row> d = docs(List.of(), 2);
    for (DedupMode m : DedupMode.values()) {
      StoryTables t = Stories.compute(d, m, P);
      assertThat(t.documents().count()).isZero();
      assertThat(t.stories().count()).isZero();
      assertThat(t.amplification().count()).isZero();
      t.release();
    }
  }

  @Test
  void amplificationCountsFirstsReprintsAndPickUps() {
    String s1 = words(0, 150);
    String s2 = words(3000, 150);
    List<Row> rows =
        List.of(
            doc("w1", "2024-02-01T08:00:00Z", "wire", s1),
            doc("o1", "2024-02-01T09:00:00Z", "outlet", s1 + " المصدر: وكالة"),
            doc("p1", "2024-02-01T10:00:00Z", "paper", s1),
            doc("w1b", "2024-02-01T11:00:00Z", "wire", s1 + " تحديث"),
            doc("o2", "2024-02-02T08:00:00Z", "outlet", s2),
            doc("w2", "2024-03-01T08:00:00Z", "wire", s2));
    StoryTables t = Stories.compute(docs(rows, 2), DedupMode.NEAR, P);
    Map<String, Row> amp = new HashMap<>();
    for (Row r : t.amplification().collectAsList()) {
      amp.put(r.getString(0) + "/" + r.getString(1), r);
    }
    assertThat(amp.keySet())
        .containsExactlyInAnyOrder(
            "2024-02/wire", "2024-02/outlet", "2024-02/paper", "2024-03/wire");
    Row wire = amp.get("2024-02/wire");
    assertThat(
            List.of(
                wire.<Long>getAs("docs"),
                wire.<Long>getAs("stories"),
                wire.<Long>getAs("stories_first"),
                wire.<Long>getAs("reprints"),
                wire.<Long>getAs("self_repeats"),
                wire.<Long>getAs("picked_up")))
        .containsExactly(2L, 1L, 1L, 0L, 1L, 2L);
    Row outlet = amp.get("2024-02/outlet");
    assertThat(
            List.of(
                outlet.<Long>getAs("docs"),
                outlet.<Long>getAs("stories_first"),
                outlet.<Long>getAs("reprints"),
                outlet.<Long>getAs("picked_up")))
        .containsExactly(2L, 1L, 1L, 1L);
    assertThat(outlet.<Double>getAs("reprint_share")).isEqualTo(0.5);
    Row march = amp.get("2024-03/wire");
    assertThat(march.<Long>getAs("reprints")).isEqualTo(1L);
    assertThat(t.amplification().columns())
        .containsExactly(
            "period",
            "source",
            "docs",
            "stories",
            "stories_first",
            "reprints",
            "self_repeats",
            "picked_up",
            "reprint_share");
    assertThat(t.stories().columns())
        .containsExactly(
            "story_id",
            "period",
            "first_doc_id",
            "first_published_at",
            "first_source",
            "title",
            "docs",
            "sources",
            "span_hours");
    assertThat(t.documents().columns()).containsExactly("doc_id", "story_id", "story_first");
  }

  @Test
  void aBoilerplateBucketIsSplitYetItsStoryStaysWhole() {
    // 60 copies of one text with a bucket cap of 4: every band bucket is split into sub-buckets
    // whose heads are chained; the copies are still one story.
    String text = words(0, 120);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(
          doc(
              String.format("c%02d", i),
              "2024-01-01T00:00:00Z",
              "s" + i,
              text + " نسخة" + Integer.toString(i, 36)));
    }
    rows.add(doc("alone", "2024-01-01T00:00:00Z", "s", words(9000, 120)));
    StoryTables t = Stories.compute(docs(rows, 3), DedupMode.NEAR, P.withMaxBucket(4));
    Map<String, String> s = storyOf(t);
    assertThat(s.values().stream().filter("c00"::equals).count()).isEqualTo(60);
    assertThat(s).containsEntry("alone", "alone");
  }

  @Test
  void aBucketOfNDocumentsGivesAtMostNTimesWindowPairs() {
    List<Row> members = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      members.add(RowFactory.create(42L, i * 31 % 1000, 1, 0));
    }
    members.sort(java.util.Comparator.comparingLong(r -> r.getLong(1)));
    Stories.BucketScan scan = new Stories.BucketScan(members.iterator(), 2, true);
    int pairs = 0;
    while (scan.hasNext()) {
      Row r = scan.next();
      assertThat(r.getLong(1)).isLessThan(r.getLong(2));
      pairs++;
    }
    assertThat(pairs).isEqualTo(999 + 998);
  }

  @Test
  void theOutputIsTheSameWhateverThePartitioning() {
    List<Row> rows = new ArrayList<>();
    for (int s = 0; s < 12; s++) {
      String base = words(s * 1000, 150 + s * 10);
      for (int c = 0; c <= s % 4; c++) {
        String text = c == 0 ? base : base.substring(0, base.length() * (60 + 10 * c) / 100);
        rows.add(
            doc(
                "d" + s + "_" + c,
                c == 3 ? null : "2024-01-0" + (1 + c) + "T00:00:00Z",
                "src" + (s + c) % 5,
                text));
      }
    }
    List<Row> one = sorted(Stories.compute(docs(rows, 1), DedupMode.NEAR, P));
    List<Row> four = sorted(Stories.compute(docs(rows, 4), DedupMode.NEAR, P));
    assertThat(four).isEqualTo(one);
    assertThat(one.stream().map(r -> r.getString(1)).distinct().count()).isEqualTo(12);
    // Same seed again: the same; another seed: the same stories on these clear-cut cases.
    assertThat(sorted(Stories.compute(docs(rows, 3), DedupMode.NEAR, P))).isEqualTo(one);
    StoryParams other = P.withSeed(99);
    Dataset<Row> d =
        Stories.withFingerprints(
            SharedSpark.get().createDataFrame(rows, SCHEMA).repartition(2), "text", other);
    assertThat(sorted(Stories.compute(d, DedupMode.NEAR, other))).isEqualTo(one);
  }

  @Test
  void fingerprintsOfOtherParametersAreRefused() {
    List<Row> rows =
        List.of(
            doc("a", "2024-01-01T00:00:00Z", "s", words(0, 50)),
            doc("b", "2024-01-01T00:00:00Z", "s", words(0, 50)));
    Dataset<Row> d = docs(rows, 1);
    assertThatThrownBy(
            () -> Stories.compute(d, DedupMode.NEAR, P.withSeed(5)).documents().collectAsList())
        .hasStackTraceContaining(
            "Cannot detect stories: the fingerprints were made with other parameters");
    assertThatThrownBy(() -> Stories.compute(d.drop("title"), DedupMode.NEAR, P))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot detect stories: no column 'title'; available: [");
  }

  @Test
  void connectedComponentsOfAChainAStarAndAPair() {
    List<Row> edges = new ArrayList<>();
    for (long i = 100; i < 160; i++) {
      edges.add(RowFactory.create(i + 1, i)); // a chain of 61 nodes, shuffled orientation below
    }
    for (long i = 1; i <= 30; i++) {
      edges.add(RowFactory.create(500L, 500L + i * 3)); // a star around 500
    }
    edges.add(RowFactory.create(7L, 9L));
    edges.add(RowFactory.create(9L, 7L));
    Dataset<Row> e = SharedSpark.get().createDataFrame(edges, ConnectedComponents.EDGES);
    Map<Long, Long> comp = new HashMap<>();
    for (Row r : ConnectedComponents.components(e, 40).collectAsList()) {
      assertThat(comp.put(r.getLong(0), r.getLong(1))).isNull();
    }
    assertThat(comp).hasSize(61 + 31 + 2);
    for (long i = 100; i <= 160; i++) {
      assertThat(comp).containsEntry(i, 100L);
    }
    assertThat(comp).containsEntry(590L, 500L).containsEntry(9L, 7L).containsEntry(7L, 7L);
  }

  private static List<Row> sorted(StoryTables t) {
    return t.documents().orderBy("doc_id").collectAsList();
  }

  private static Map.Entry<String, String> entry(String k, String v) {
    return Map.entry(k, v);
  }
}
