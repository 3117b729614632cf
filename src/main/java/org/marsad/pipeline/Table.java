package org.marsad.pipeline;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One output table, declared once: its name, columns and types, the column its folder is
 * partitioned by, the keys it is sorted and identified by, and how a PostgreSQL load replaces its
 * rows. The writer, the report, the PostgreSQL sink, {@code query} and the tests all read it here.
 *
 * @param name table (and folder) name, snake_case
 * @param schema columns in order, with their types
 * @param partitionBy column the Parquet folder is partitioned by ({@code period}), or null
 * @param key columns that identify a row (and sort the files); also the PostgreSQL primary key when
 *     {@code primaryKey} is true
 * @param primaryKey whether {@code key} is unique, so PostgreSQL gets it as its primary key
 * @param indexes further PostgreSQL indexes, each a list of columns
 * @param load how a PostgreSQL load replaces the table's rows
 */
public record Table(
    String name,
    StructType schema,
    String partitionBy,
    List<String> key,
    boolean primaryKey,
    List<List<String>> indexes,
    Load load) {

  /** How a PostgreSQL load replaces the rows of a table. */
  public enum Load {
    /** Delete the rows of the periods the run covers, then insert the run's rows. */
    BY_PERIOD,
    /** Delete every row, then insert the run's rows: the table holds the last run's rows. */
    WHOLE
  }

  /**
   * A table from DDL: {@code key} and each index are comma-separated column lists; a table with a
   * key gets it as its PostgreSQL primary key.
   */
  public static Table of(
      String name, String ddl, String partitionBy, String key, Load load, String... indexes) {
    List<String> k = key.isEmpty() ? List.of() : List.of(key.split(","));
    return new Table(
        name,
        StructType.fromDDL(ddl),
        partitionBy,
        k,
        !k.isEmpty(),
        java.util.Arrays.stream(indexes).map(i -> List.of(i.split(","))).toList(),
        load);
  }

  /** The column names in order. */
  public List<String> columns() {
    return List.of(schema.fieldNames());
  }

  /** The type of {@code column}. */
  public DataType type(String column) {
    return schema.apply(column).dataType();
  }

  /**
   * Checks that {@code actual} has every declared column with its declared type.
   *
   * @throws IllegalStateException naming the table and the column that differs
   */
  public void check(StructType actual) {
    for (StructField f : schema.fields()) {
      if (!List.of(actual.fieldNames()).contains(f.name())) {
        throw new IllegalStateException(
            "Cannot write table "
                + name
                + ": no column "
                + f.name()
                + " in "
                + actual.simpleString());
      }
      DataType got = actual.apply(f.name()).dataType();
      if (!got.sameType(f.dataType())) {
        throw new IllegalStateException(
            "Cannot write table "
                + name
                + ": column "
                + f.name()
                + " is "
                + got.simpleString()
                + ", declared "
                + f.dataType().simpleString());
      }
    }
  }
}
