package org.marsad.io;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.marsad.topics.TopicModel;

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
    Path root = new Path(dir);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (String part : new String[] {TopicModel.VOCABULARY, TopicModel.LDA, TopicModel.LABELS}) {
        if (!fs.exists(new Path(root, part))) {
          throw new IllegalArgumentException(
              "Cannot use --model "
                  + dir
                  + ": no "
                  + part
                  + "/ in it; give the models/topics folder of an earlier run's --output");
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "Cannot read --model " + dir + ": " + e.getMessage(), e);
    }
    CountVectorizerModel cv = CountVectorizerModel.load(dir + "/" + TopicModel.VOCABULARY);
    LocalLDAModel lda = LocalLDAModel.load(dir + "/" + TopicModel.LDA);
    Dataset<Row> labels = spark.read().parquet(dir + "/" + TopicModel.LABELS);
    return new TopicModel(cv, lda, labels);
  }
}
