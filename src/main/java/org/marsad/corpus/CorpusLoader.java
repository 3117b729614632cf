package org.marsad.corpus;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.marsad.pipeline.InputColumns;

/**
 * Turns the analysis pass's intermediate into a corpus: among otherwise valid rows the first
 * occurrence of an id (in input order) is kept and the others rejected as {@code duplicate_id};
 * among the documents, exact duplicate texts point at the first one ({@code duplicate_of}). Only
 * the ids and text hashes that repeat are collected (small tables, joined back by broadcast when
 * they fit), so the per-document values are never shuffled for this.
 */
public final class CorpusLoader {

  private CorpusLoader() {}

  /**
   * Checks that the columns named in {@code options} exist in {@code schema}.
   *
   * @throws IllegalArgumentException naming the missing column, the available ones and the option
   */
  public static void checkColumns(StructType schema, CorpusOptions options) {
    List<String> available = new ArrayList<>(Arrays.asList(schema.fieldNames()));
    available.remove(InputColumns.FILE);
    available.remove(InputColumns.ROW);
    requireColumn(available, options.idCol(), "--id-col");
    requireColumn(available, options.textCol(), "--text-col");
    if (options.titleColSet()) {
      requireColumn(available, options.titleCol(), "--title-col");
    }
    if (options.dateColSet()) {
      requireColumn(available, options.dateCol(), "--date-col");
    }
    if (options.sourceColSet()) {
      requireColumn(available, options.sourceCol(), "--source-col");
    }
    if (options.langColSet()) {
      requireColumn(available, options.langCol(), "--lang-col");
    }
  }

  private static final java.util.regex.Pattern DATE_LIKE =
      java.util.regex.Pattern.compile(
          "(?i).*(date|time|published|pubdate|created|updated|timestamp|day|تاريخ|زمان).*");

  /**
   * The columns of {@code schema} that look like dates (a date or timestamp type, or a name such as
   * date, time, published_at), for the warning of a corpus read without its date column.
   */
  public static List<String> dateLikeColumns(StructType schema) {
    List<String> out = new ArrayList<>();
    for (var f : schema.fields()) {
      String n = f.name();
      if (n.equals(org.marsad.pipeline.InputColumns.FILE)
          || n.equals(org.marsad.pipeline.InputColumns.ROW)) {
        continue;
      }
      var t = f.dataType();
      if (t instanceof org.apache.spark.sql.types.TimestampType
          || t instanceof org.apache.spark.sql.types.TimestampNTZType
          || t instanceof org.apache.spark.sql.types.DateType
          || DATE_LIKE.matcher(n).matches()) {
        out.add(n);
      }
    }
    return out;
  }

  private static void requireColumn(List<String> available, String name, String option) {
    if (!available.contains(name)) {
      throw new IllegalArgumentException(
          "Cannot read corpus: no column '"
              + name
              + "'; available: "
              + available
              + "; set "
              + option);
    }
  }

  /** The corpus of an analysis pass's intermediate (lazy but for the two small key tables). */
  public static Corpus load(Dataset<Row> pass) {
    Dataset<Row> valid = pass.filter(col("reason").isNull());
    Dataset<Row> repeatedIds =
        valid
            .groupBy("doc_id")
            .agg(min(struct(col("file"), col("row"))).as("first"), count(lit(1)).as("n"))
            .filter(col("n").gt(1))
            .select(col("doc_id").as("dup_id"), col("first"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> ids =
        repeatedIds.count() <= Corpus.BROADCAST_ROWS ? broadcast(repeatedIds) : repeatedIds;
    Dataset<Row> kept =
        valid
            .join(ids, col("doc_id").equalTo(col("dup_id")), "left")
            .withColumn(
                "is_dup_id",
                col("first")
                    .isNotNull()
                    .and(struct(col("file"), col("row")).notEqual(col("first"))));
    Dataset<Row> docs = kept.filter(col("is_dup_id").equalTo(false));
    Dataset<Row> repeatedTexts =
        docs.groupBy("text_hash")
            .agg(
                min(struct(col("file"), col("row"), col("doc_id"))).as("first_doc"),
                count(lit(1)).as("n"))
            .filter(col("n").gt(1))
            .select(col("text_hash").as("dup_hash"), col("first_doc.doc_id").as("first_id"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    return new Corpus(
        pass, kept, repeatedIds, repeatedTexts, repeatedTexts.count() <= Corpus.BROADCAST_ROWS);
  }
}
