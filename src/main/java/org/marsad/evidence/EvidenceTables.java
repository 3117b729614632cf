package org.marsad.evidence;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schemas of the evidence tables, the sentences behind the numbers: {@code comention_evidence}
 * (sentences naming both states of a pair), {@code term_evidence} (sentences holding a keyness
 * winner or a collocation) and the context columns of {@code state_mentions}. Offsets count UTF-16
 * units, as Java and JavaScript index strings (equal to characters for text without characters
 * outside the Basic Multilingual Plane, such as emoji).
 */
public final class EvidenceTables {

  /** Sentences kept per pair (or term) and period by default: ranks 1 to 3. */
  public static final int DEFAULT_PER_ITEM = 3;

  /** comention_evidence: one row per pair, period (each period and {@code all}) and rank. */
  public static final StructType COMENTION_EVIDENCE =
      new StructType()
          .add("period", DataTypes.StringType, false)
          .add("state_a", DataTypes.StringType, false)
          .add("state_b", DataTypes.StringType, false)
          .add("rank", DataTypes.IntegerType, false)
          .add("doc_id", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, true)
          .add("published_at", DataTypes.TimestampType, true)
          .add("story_id", DataTypes.StringType, true)
          .add("field", DataTypes.StringType, false)
          .add("sentence", DataTypes.StringType, false)
          .add("a_start", DataTypes.IntegerType, false)
          .add("a_end", DataTypes.IntegerType, false)
          .add("b_start", DataTypes.IntegerType, false)
          .add("b_end", DataTypes.IntegerType, false);

  /** term_evidence: one row per period, language, term, kind and rank. */
  public static final StructType TERM_EVIDENCE =
      new StructType()
          .add("period", DataTypes.StringType, false)
          .add("lang", DataTypes.StringType, false)
          .add("term", DataTypes.StringType, false)
          .add("label", DataTypes.StringType, true)
          .add("kind", DataTypes.StringType, false)
          .add("rank", DataTypes.IntegerType, false)
          .add("doc_id", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, true)
          .add("published_at", DataTypes.TimestampType, true)
          .add("sentence", DataTypes.StringType, false)
          .add("start", DataTypes.IntegerType, false)
          .add("end", DataTypes.IntegerType, false);

  /** The columns state_mentions gains: the mention's sentence and its offsets within it. */
  public static final StructType STATE_MENTION_CONTEXT =
      new StructType()
          .add("context", DataTypes.StringType, true)
          .add("context_start", DataTypes.IntegerType, true)
          .add("context_end", DataTypes.IntegerType, true);

  /** term_evidence kind of a keyness winner of the period. */
  public static final String KEYNESS = "keyness";

  /** term_evidence kind of a collocation (period {@code all}, as the collocations table). */
  public static final String COLLOCATION = "collocation";

  private EvidenceTables() {}

  /**
   * {@code d} with exactly the columns of {@code schema}, in its order and types: what a stage
   * writes, so the tables keep one schema whichever code fills them. Fails when a column is
   * missing, naming it.
   */
  public static Dataset<Row> conform(Dataset<Row> d, StructType schema, String table) {
    List<String> have = Arrays.asList(d.columns());
    List<String> missing = new ArrayList<>();
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (!have.contains(f.name())) {
        missing.add(f.name());
      } else {
        cols.add(col(f.name()).cast(f.dataType()).as(f.name()));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot write " + table + ": no column " + missing + "; available: " + have);
    }
    return d.select(cols.toArray(new Column[0]));
  }
}
