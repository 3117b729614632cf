package org.marsad.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.corpus.CorpusOptions;
import org.marsad.pipeline.TermsBlob;
import org.marsad.topics.Coherence;
import org.marsad.topics.TopicSettings;

/** The topics stage on sample-data/: tables, quality figures, model reuse and --k auto. */
@Tag("spark")
class TopicsTest {

  @TempDir static Path tmp;
  static String out;
  static JobConfig config;

  @BeforeAll
  static void runOnSample() {
    out = tmp.resolve("out").toString();
    String in = SharedSpark.repo().resolve("sample-data/corpus").toString();
    config = JobTestSupport.config(in, out, CorpusOptions.defaults());
    MarsadJob.run(
        SharedSpark.get(), config, Set.of(MarsadJob.Stage.STATES, MarsadJob.Stage.TOPICS), "test");
  }

  static Dataset<Row> table(String name) {
    return JobTestSupport.table(out, name);
  }

  @Test
  void topicsListRankedTermsWithReadableLabels() {
    Dataset<Row> topics = table("topics");
    assertThat(topics.select("topic_id").distinct().count()).isEqualTo(5);
    assertThat(topics.count()).isEqualTo(5L * TopicSettings.TOP_TERMS);
    assertThat(topics.filter(col("label").isNull().or(col("weight").leq(0))).count()).isZero();
    for (Row r : topics.groupBy("topic_id").agg(sum("weight")).collectAsList()) {
      assertThat(r.getDouble(1)).isBetween(0.0, 1.0);
    }
    // Within a topic, rank 1 weighs most.
    List<Row> t0 = topics.filter(col("topic_id").equalTo(0)).orderBy("rank").collectAsList();
    for (int i = 1; i < t0.size(); i++) {
      assertThat(t0.get(i).<Double>getAs("weight"))
          .isLessThanOrEqualTo(t0.get(i - 1).getAs("weight"));
    }
  }

  @Test
  void summaryCarriesCoherencePrevalenceAndTypicalDocuments() throws IOException {
    List<Row> rows = table("topic_summary").orderBy("topic_id").collectAsList();
    assertThat(rows).hasSize(5);
    double prevalence = 0;
    double npmiSum = 0;
    for (Row r : rows) {
      assertThat(r.<String>getAs("label")).contains(" · ");
      assertThat(r.<Double>getAs("npmi")).isBetween(-1.0, 1.0);
      assertThat(r.getList(r.fieldIndex("top_doc_ids"))).isNotEmpty();
      prevalence += r.<Double>getAs("prevalence");
      npmiSum += r.<Double>getAs("npmi");
    }
    assertThat(prevalence).isCloseTo(1.0, within(1e-9));
    JsonNode m = new ObjectMapper().readTree(Files.readString(Path.of(out, "_manifest.json")));
    JsonNode q = m.get("topics");
    assertThat(q.get("k").asInt()).isEqualTo(5);
    assertThat(q.get("npmi_mean").asDouble()).isCloseTo(npmiSum / 5, within(1e-9));
    assertThat(q.get("diversity").asDouble()).isBetween(0.1, 1.0);
  }

  @Test
  void coherenceCountedOnSparkEqualsTheSameCountInMemory() {
    Dataset<Row> docs = table("documents");
    // Recompute the top lists' NPMI in plain Java from the analysed terms of the documents.
    Dataset<Row> counted = analysed().counted();
    List<List<String>> tops = topLists(table("topics"), 5);
    List<List<String>> inMemory = new ArrayList<>();
    for (Row r : counted.select("terms").collectAsList()) {
      List<String> terms = new ArrayList<>();
      TermsBlob.readTerms((byte[]) r.get(0), (t, n) -> terms.add(t));
      inMemory.add(terms);
    }
    Map<String, Long> java = Coherence.count(inMemory, Coherence.scoredTerms(tops));
    double[] npmi = Coherence.topicNpmi(tops, inMemory.size(), java);
    Map<Integer, Double> written = new HashMap<>();
    for (Row r : table("topic_summary").collectAsList()) {
      written.put(r.getInt(0), r.getDouble(2));
    }
    for (int t = 0; t < 5; t++) {
      assertThat(written.get(t)).isCloseTo(npmi[t], within(1e-12));
    }
    assertThat(docs.filter(col("duplicate_of").isNull()).count()).isEqualTo(inMemory.size());
  }

  /** Each topic's terms in rank order, from a topics table. */
  static List<List<String>> topLists(Dataset<Row> topics, int k) {
    List<List<String>> lists = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      lists.add(new ArrayList<>());
    }
    for (Row r : topics.orderBy("topic_id", "rank").select("topic_id", "term").collectAsList()) {
      lists.get(r.getInt(0)).add(r.getString(1));
    }
    return lists;
  }

  @Test
  void aFitOnTheClusterGivesTheSameTopicsAsAFitOnTheDriverBitForBit() {
    // The fit's statistics add up in fixed point, and a document's mini-batch draws and start
    // depend on its id only: one Spark job per step gives exactly the driver's model.
    String outCluster = tmp.resolve("out-cluster").toString();
    MarsadJob.run(
        SharedSpark.get(),
        JobTestSupport.withPaths(config, config.inputs().get(0), outCluster)
            .with(org.marsad.topics.TopicsSettings.DRIVER_FIT_MAX, 0L),
        Set.of(MarsadJob.Stage.STATES, MarsadJob.Stage.TOPICS),
        "test");
    for (String t :
        List.of("topics", "topic_summary", "document_topics", "topic_trends", "topic_states")) {
      List<Row> expected = sorted(table(t));
      List<Row> actual = sorted(JobTestSupport.table(outCluster, t));
      assertThat(actual).as(t).isEqualTo(expected);
    }
  }

  private static List<Row> sorted(Dataset<Row> d) {
    List<Row> rows = new ArrayList<>(d.collectAsList());
    rows.sort(java.util.Comparator.comparing(Row::toString));
    return rows;
  }

  private static org.marsad.corpus.Corpus analysed() {
    return MarsadJob.analyse(
        org.marsad.io.CorpusReader.read(SharedSpark.get(), config.inputs()), config);
  }

  @Test
  void documentTopicsAndTrendsAreConsistent() {
    Dataset<Row> dt = table("document_topics");
    assertThat(dt.filter(col("weight").lt(TopicSettings.MIN_WEIGHT)).count()).isZero();
    for (Row r : dt.groupBy("doc_id").agg(sum("weight")).collectAsList()) {
      assertThat(r.getDouble(1)).isLessThanOrEqualTo(1.0 + 1e-9);
    }
    // The seed article (2021-09) has a topic mixture.
    assertThat(dt.filter(col("period").equalTo("2021-09")).count()).isPositive();
    for (Row r :
        table("topic_trends").groupBy("period", "source").agg(sum("share")).collectAsList()) {
      assertThat(r.getDouble(2)).isCloseTo(1.0, within(1e-9));
    }
  }

  @Test
  void topicStatesRelateTopicsToNamedStates() {
    Dataset<Row> ts = table("topic_states");
    assertThat(ts.count()).isPositive();
    assertThat(ts.filter(col("lift").leq(0).or(col("state_docs").lt(2))).count()).isZero();
    // Lift averages to about 1 over topics when weighted by the topic's overall weight.
    assertThat(ts.select("state").distinct().collectAsList().stream().map(r -> r.getString(0)))
        .contains("RU");
  }

  @Test
  void theSavedModelInfersMixturesForNewDocumentsWithoutRefitting() {
    String model = Path.of(out, org.marsad.catalog.Catalog.TOPIC_MODEL).toString();
    String[] cols = {"id", "title", "text", "published_at"};
    String news =
        JobTestSupport.writeCorpus(
            tmp.resolve("new"),
            cols,
            new Object[] {
              "n1",
              "الترجي يفوز على النجم في الدوري",
              "فاز فريق الترجي على النجم الساحلي بهدفين في مباراة الدوري التونسي لكرة القدم واللاعب سجل هدفا",
              "2018-03-02"
            },
            new Object[] {
              "n2",
              "الحكومة والبرلمان",
              "ناقش مجلس نواب الشعب مشروع قانون المالية مع الحكومة ووزير المالية في جلسة عامة",
              "2018-03-05"
            });
    String out2 = tmp.resolve("out-model").toString();
    TopicSettings d = config.topics();
    JobConfig c =
        JobTestSupport.withTopics(
            JobTestSupport.withPaths(config, news, out2),
            new TopicSettings(
                d.k(),
                d.sweep(),
                d.vocabSize(),
                d.minDf(),
                d.maxDf(),
                d.optimizer(),
                d.maxIter(),
                d.seed(),
                d.subsampling(),
                model));
    MarsadJob.run(SharedSpark.get(), c, Set.of(MarsadJob.Stage.TOPICS), "test");
    assertThat(Files.exists(Path.of(out2, org.marsad.catalog.Catalog.TOPIC_MODEL))).isFalse();
    assertThat(
            JobTestSupport.table(out2, "topics")
                .orderBy("topic_id", "rank")
                .select("topic_id", "term", "weight")
                .collectAsList())
        .isEqualTo(
            table("topics")
                .orderBy("topic_id", "rank")
                .select("topic_id", "term", "weight")
                .collectAsList());
    Dataset<Row> dt = JobTestSupport.table(out2, "document_topics");
    assertThat(dt.select("doc_id").distinct().collectAsList().stream().map(r -> r.getString(0)))
        .containsExactlyInAnyOrder("n1", "n2");
    // Inferring the training documents again with the saved model gives the same mixtures.
    String out3 = tmp.resolve("out-same").toString();
    MarsadJob.run(
        SharedSpark.get(),
        JobTestSupport.withTopics(
            JobTestSupport.withPaths(config, config.inputs().get(0), out3), c.topics()),
        Set.of(MarsadJob.Stage.TOPICS),
        "test");
    Dataset<Row> again = JobTestSupport.table(out3, "document_topics");
    Dataset<Row> first = table("document_topics");
    assertThat(again.count()).isEqualTo(first.count());
    Row diff =
        again
            .join(
                first.withColumnRenamed("weight", "w0"),
                new String[] {"doc_id", "topic_id"},
                "full_outer")
            .selectExpr("max(abs(coalesce(weight, 0) - coalesce(w0, 0)))")
            .first();
    assertThat(diff.getDouble(0)).isLessThan(1e-6);
  }

  @Test
  void kAutoSweepsAndKeepsTheMostCoherentFit() {
    String out4 = tmp.resolve("out-auto").toString();
    TopicSettings d = config.topics();
    JobConfig c =
        JobTestSupport.withTopics(
            JobTestSupport.withPaths(config, config.inputs().get(0), out4),
            new TopicSettings(
                0,
                List.of(3, 6),
                d.vocabSize(),
                d.minDf(),
                d.maxDf(),
                d.optimizer(),
                d.maxIter(),
                d.seed(),
                d.subsampling(),
                null));
    MarsadJob.run(SharedSpark.get(), c, Set.of(MarsadJob.Stage.TOPICS), "test");
    List<Row> sweep = JobTestSupport.table(out4, "topic_sweep").orderBy("k").collectAsList();
    assertThat(sweep).extracting(r -> r.getInt(0)).containsExactly(3, 6);
    assertThat(sweep.stream().filter(r -> r.getBoolean(4)).count()).isEqualTo(1);
    int chosen = sweep.stream().filter(r -> r.getBoolean(4)).findFirst().orElseThrow().getInt(0);
    assertThat(JobTestSupport.table(out4, "topic_summary").count()).isEqualTo(chosen);
  }
}
