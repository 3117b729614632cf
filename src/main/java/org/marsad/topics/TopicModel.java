package org.marsad.topics;

import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted topic model: the vocabulary that turns a document's analysed terms into counts, the LDA
 * model, and the readable labels of the vocabulary (lang, term, label). Saved under {@code
 * <output>/models/topics} as {@code vocabulary/} and {@code lda/} (Spark ML formats, loadable with
 * {@code CountVectorizerModel.load} and {@code LocalLDAModel.load}) and {@code labels/} (Parquet).
 *
 * @param vocabulary analysed term → count vector
 * @param lda the LDA model
 * @param labels lang, term, label of the vocabulary terms
 */
public record TopicModel(CountVectorizerModel vocabulary, LocalLDAModel lda, Dataset<Row> labels) {

  /** Sub-folder of the vocabulary model. */
  public static final String VOCABULARY = "vocabulary";

  /** Sub-folder of the LDA model. */
  public static final String LDA = "lda";

  /** Sub-folder of the labels table. */
  public static final String LABELS = "labels";

  /** Number of topics. */
  public int k() {
    return lda.getK();
  }
}
