package org.marsad.topics;

import java.io.IOException;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Saves and loads fitted topic models ({@code <output>/models/topics}). */
public final class TopicModels {

  private TopicModels() {}

  /** Saves {@code model} under {@code dir}: vocabulary/, lda/ and labels/. */
  public static void save(TopicModel model, String dir) {
    try {
      model.vocabulary().write().overwrite().save(dir + "/" + TopicModel.VOCABULARY);
      model.lda().write().overwrite().save(dir + "/" + TopicModel.LDA);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "Cannot save the topic model to " + dir + ": " + e.getMessage(), e);
    }
    model
        .labels()
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(dir + "/" + TopicModel.LABELS);
  }

  /**
   * Loads a model saved by {@link #save}.
   *
   * @throws IllegalArgumentException naming the folder and what is missing
   */
  public static TopicModel load(SparkSession spark, String dir) {
    String part = TopicModel.VOCABULARY;
    try {
      CountVectorizerModel cv = CountVectorizerModel.load(dir + "/" + part);
      part = TopicModel.LDA;
      LocalLDAModel lda = LocalLDAModel.load(dir + "/" + part);
      part = TopicModel.LABELS;
      Dataset<Row> labels = spark.read().parquet(dir + "/" + part);
      return new TopicModel(cv, lda, labels);
    } catch (RuntimeException e) { // Spark's AnalysisException, Hadoop's InvalidInputException
      throw new IllegalArgumentException(
          "Cannot use --model "
              + dir
              + ": no readable "
              + part
              + "/ in it ("
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + "); give the models/topics folder of an earlier run's --output",
          e);
    }
  }
}
