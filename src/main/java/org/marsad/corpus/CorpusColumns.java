package org.marsad.corpus;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.trim;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The corpus's columns as every reader of the raw rows takes them (the pass, the scans before it).
 */
public final class CorpusColumns {

  private CorpusColumns() {}

  /**
   * The date column of {@code input} as a string the date parser reads (a date or timestamp written
   * in ISO form), or a null literal when the corpus has no date column.
   */
  public static Column dateString(StructType input, CorpusOptions o) {
    if (!Arrays.asList(input.fieldNames()).contains(o.dateCol())) {
      return lit(null).cast("string");
    }
    DataType t = input.apply(o.dateCol()).dataType();
    Column c = col(quote(o.dateCol()));
    return (t instanceof TimestampType || t instanceof TimestampNTZType || t instanceof DateType)
        ? functions.date_format(c.cast("timestamp"), "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
        : c.cast("string");
  }

  /** The source column of {@code input}, trimmed, {@code unknown} when absent or blank. */
  public static Column source(StructType input, CorpusOptions o) {
    if (!Arrays.asList(input.fieldNames()).contains(o.sourceCol())) {
      return lit("unknown");
    }
    return coalesce(
        nullif(trim(col(quote(o.sourceCol())).cast("string")), lit("")), lit("unknown"));
  }

  /** Quotes a column name for {@code col()} so names with dots or spaces work. */
  public static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
