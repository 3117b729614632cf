package org.marsad.report;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Hand-written tables in the schemas of the topics stage (topics, topic_summary, document_topics,
 * topic_trends, topic_states) and a few documents, for testing the report without that stage.
 */
final class TopicFixture {

  /** A topic label that would end the data script if it were not escaped. */
  static final String HOSTILE_LABEL = "</script><script>marsadCheck.errors.push('escaped badly')";

  private TopicFixture() {}

  /** Writes the tables under {@code out}. */
  static void write(SparkSession spark, Path out) {
    StructType topics =
        new StructType()
            .add("topic_id", DataTypes.IntegerType)
            .add("rank", DataTypes.IntegerType)
            .add("term", DataTypes.StringType)
            .add("label", DataTypes.StringType)
            .add("weight", DataTypes.DoubleType);
    save(
        spark,
        out,
        "topics",
        topics,
        List.of(
            RowFactory.create(1, 1, "انتخاب", "الانتخابات", 0.12),
            RowFactory.create(1, 2, "برلمان", "البرلمان", 0.08),
            RowFactory.create(1, 3, "حزب", "حزب", 0.05),
            RowFactory.create(2, 1, "oil", "oil", 0.2),
            RowFactory.create(2, 2, "price", "prices", 0.1),
            RowFactory.create(3, 1, "مباراه", "مباراة", 0.15),
            RowFactory.create(3, 2, "منتخب", "المنتخب", 0.09)));
    StructType summary =
        new StructType()
            .add("topic_id", DataTypes.IntegerType)
            .add("label", DataTypes.StringType)
            .add("npmi", DataTypes.DoubleType)
            .add("prevalence", DataTypes.DoubleType)
            .add("top_doc_ids", DataTypes.createArrayType(DataTypes.StringType));
    save(
        spark,
        out,
        "topic_summary",
        summary,
        List.of(
            RowFactory.create(1, "الانتخابات البرلمان", 0.21, 0.5, List.of("d1", "d2").toArray()),
            RowFactory.create(2, "oil prices", 0.12, 0.3, List.of("d3").toArray()),
            RowFactory.create(3, HOSTILE_LABEL, -0.05, 0.2, new String[0])));
    StructType docTopics =
        new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("topic_id", DataTypes.IntegerType)
            .add("weight", DataTypes.DoubleType);
    save(
        spark,
        out,
        "document_topics",
        docTopics,
        List.of(
            RowFactory.create("d1", "2017-01", "a", 1, 0.9),
            RowFactory.create("d2", "2017-02", "a", 1, 0.7),
            RowFactory.create("d3", "2017-03", "b", 2, 0.8)),
        "period");
    StructType trends =
        new StructType()
            .add("period", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("topic_id", DataTypes.IntegerType)
            .add("docs", DataTypes.LongType)
            .add("weight_sum", DataTypes.DoubleType)
            .add("share", DataTypes.DoubleType);
    // Two sources in 2017-01: the report adds their weights, so topic 1 has (3 + 1) / 8 = 0.5.
    save(
        spark,
        out,
        "topic_trends",
        trends,
        List.of(
            RowFactory.create("2017-01", "a", 1, 3L, 3.0, 0.75),
            RowFactory.create("2017-01", "b", 1, 1L, 1.0, 0.25),
            RowFactory.create("2017-01", "a", 2, 1L, 1.0, 0.25),
            RowFactory.create("2017-01", "b", 3, 3L, 3.0, 0.75),
            RowFactory.create("2017-02", "a", 1, 2L, 2.0, 0.5),
            RowFactory.create("2017-02", "a", 2, 2L, 2.0, 0.5),
            RowFactory.create("2017-03", "b", 2, 1L, 1.0, 0.2),
            RowFactory.create("2017-03", "b", 3, 4L, 4.0, 0.8)),
        "period");
    StructType states =
        new StructType()
            .add("topic_id", DataTypes.IntegerType)
            .add("state", DataTypes.StringType)
            .add("docs", DataTypes.LongType)
            .add("weight_sum", DataTypes.DoubleType)
            .add("lift", DataTypes.DoubleType);
    save(
        spark,
        out,
        "topic_states",
        states,
        List.of(
            RowFactory.create(1, "TN", 5L, 3.5, 2.5),
            RowFactory.create(1, "FR", 1L, 0.5, 9.0),
            RowFactory.create(2, "SA", 2L, 1.5, 4.0)));
    StructType documents =
        new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("lang", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("duplicate_of", DataTypes.StringType);
    save(
        spark,
        out,
        "documents",
        documents,
        List.of(
            RowFactory.create("d1", "a", "2017-01", "ar", "انتخابات بلدية في تونس", null),
            RowFactory.create("d2", "a", "2017-02", "ar", "البرلمان يصادق على القانون", null),
            RowFactory.create("d3", "b", "2017-03", "en", "Oil prices fall", null)),
        "period");
  }

  private static void save(
      SparkSession spark,
      Path out,
      String table,
      StructType schema,
      List<Row> rows,
      String... partitionBy) {
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy(partitionBy)
        .parquet(out.resolve(table).toString());
  }
}
