package org.marsad.jobs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.SharedSpark;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.Period;
import org.marsad.text.Analysis;

/** Helpers to write small corpora and run the job on them. */
public final class JobTestSupport {

  private JobTestSupport() {}

  /** Writes rows of strings (columns named {@code cols}) as a Parquet corpus under {@code dir}. */
  public static String writeCorpus(Path dir, String[] cols, Object[]... rows) {
    StructType schema = new StructType();
    for (String c : cols) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
    SparkSession spark = SharedSpark.get();
    String path = dir.resolve("corpus").toString();
    spark.createDataFrame(list, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    return path;
  }

  /** A config over {@code input} with the given corpus options. */
  public static JobConfig config(String input, String output, CorpusOptions corpus) {
    Map<String, String> resolved = new LinkedHashMap<>();
    resolved.put("input", input);
    Analysis a = Analysis.defaults();
    return new JobConfig(
        List.of(input),
        output,
        corpus,
        a,
        false,
        2,
        2,
        org.marsad.states.match.StateSettings.defaults(a),
        java.util.Set.of("name", "adjective", "capital"),
        true,
        true,
        1,
        smallTopics(),
        2,
        resolved,
        null);
  }

  /** {@code c} with other topic settings. */
  public static JobConfig withTopics(JobConfig c, org.marsad.topics.TopicSettings t) {
    return copy(c, c.inputs(), c.output(), t);
  }

  /** {@code c} reading other input into another output. */
  public static JobConfig withPaths(JobConfig c, String input, String output) {
    return copy(c, List.of(input), output, c.topics());
  }

  private static JobConfig copy(
      JobConfig c, List<String> inputs, String output, org.marsad.topics.TopicSettings t) {
    return new JobConfig(
        inputs,
        output,
        c.corpus(),
        c.analysis(),
        c.csv(),
        c.minCollocationCount(),
        c.minKeynessCount(),
        c.states(),
        c.forms(),
        c.documentScope(),
        c.sentenceScope(),
        c.minCoDocs(),
        t,
        c.minTopicStateDocs(),
        c.resolved(),
        c.postgres());
  }

  /** Topic settings small enough for sample-sized test corpora (k = 5, 30 iterations). */
  public static org.marsad.topics.TopicSettings smallTopics() {
    org.marsad.topics.TopicSettings d = org.marsad.topics.TopicSettings.defaults();
    return new org.marsad.topics.TopicSettings(
        5, List.of(3, 5), d.vocabSize(), 2, d.maxDf(), d.optimizer(), 30, 7, 0.2, null);
  }

  /** Corpus options naming the date column explicitly. */
  public static CorpusOptions withDate(String dateCol) {
    CorpusOptions d = CorpusOptions.defaults();
    return new CorpusOptions(
        d.idCol(),
        d.textCol(),
        d.titleCol(),
        dateCol,
        d.sourceCol(),
        d.langCol(),
        false,
        true,
        false,
        false,
        List.of(),
        Period.MONTH);
  }

  /**
   * Reads an output table (a catalog table with its declared schema, which the test thereby also
   * checks: a column missing from the files reads as null).
   */
  public static Dataset<Row> table(String output, String name) {
    org.marsad.catalog.Table t = org.marsad.catalog.Catalog.get(name);
    if (t == null) {
      return SharedSpark.get().read().parquet(Path.of(output, name).toString());
    }
    Dataset<Row> d = org.marsad.io.TableReader.read(SharedSpark.get(), output, t);
    if (d == null) {
      throw new IllegalStateException("no table " + name + " in " + output);
    }
    return d;
  }
}
