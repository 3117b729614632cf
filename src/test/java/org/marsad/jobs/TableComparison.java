package org.marsad.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import scala.collection.Seq;

/**
 * Compares the tables of two output folders row by row: integers, strings, dates and arrays
 * exactly, doubles within {@link #TOLERANCE} (relative above 1), whatever the rows' order.
 */
public final class TableComparison {

  /** Largest difference allowed between two doubles (times their magnitude when above 1). */
  public static final double TOLERANCE = 1e-9;

  /**
   * The catalog tables output folder {@code output} holds (a run of every stage holds all of them
   * but {@code topic_sweep}), after checking that it holds at least the golden and topic tables.
   */
  public static List<String> tablesOf(String output) {
    try {
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(output);
      org.apache.hadoop.fs.FileSystem fs =
          root.getFileSystem(org.marsad.SharedSpark.get().sparkContext().hadoopConfiguration());
      List<String> names = new ArrayList<>();
      for (org.marsad.pipeline.Table t : org.marsad.catalog.Catalog.tables()) {
        if (fs.exists(new org.apache.hadoop.fs.Path(root, t.name()))) {
          names.add(t.name());
        }
      }
      org.assertj.core.api.Assertions.assertThat(names)
          .as("tables in %s", output)
          .containsAll(SampleGoldenTest.TABLES)
          .containsAll(SampleGoldenTest.TOPIC_TABLES);
      return names;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The differences of every table of {@code a} and {@code b} (which must hold the same ones). */
  public static List<String> differences(String a, String b) {
    List<String> tables = tablesOf(b);
    org.assertj.core.api.Assertions.assertThat(tablesOf(a)).as("tables of %s", a).isEqualTo(tables);
    return differences(a, b, tables);
  }

  private TableComparison() {}

  /**
   * The differences between table {@code name} of output folders {@code a} and {@code b} (at most a
   * few, each naming the row); empty when they are equal.
   */
  public static List<String> differences(String a, String b, String name) {
    return differences(a, b, name, TOLERANCE);
  }

  /** As {@link #differences(String, String, String)} with doubles within {@code tolerance}. */
  public static List<String> differences(String a, String b, String name, double tolerance) {
    var da = JobTestSupport.table(a, name);
    var db = JobTestSupport.table(b, name);
    StructField[] fields = da.schema().fields();
    List<List<Object>> ra = sorted(da.collectAsList(), fields);
    List<List<Object>> rb = sorted(db.collectAsList(), fields);
    List<String> diffs = new ArrayList<>();
    if (ra.size() != rb.size()) {
      diffs.add(name + ": " + ra.size() + " rows vs " + rb.size());
    }
    double[] largest = {0};
    for (int i = 0; i < Math.min(ra.size(), rb.size()) && diffs.size() < 5; i++) {
      if (!same(ra.get(i), rb.get(i), largest, tolerance)) {
        diffs.add(name + " row " + i + ": " + ra.get(i) + " vs " + rb.get(i));
      }
    }
    // For the record: how close the doubles are (0 when the runs agree bit for bit).
    System.out.printf(
        "[it] %s: %d rows, largest relative double difference %.3g%n", name, ra.size(), largest[0]);
    return diffs;
  }

  /** The differences of every table of {@code tables}. */
  public static List<String> differences(String a, String b, List<String> tables) {
    List<String> all = new ArrayList<>();
    for (String t : tables) {
      all.addAll(differences(a, b, t));
    }
    return all;
  }

  /** Rows as lists of plain values, sorted by their non-double columns, then their doubles. */
  private static List<List<Object>> sorted(List<Row> rows, StructField[] fields) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : rows) {
      List<Object> v = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        v.add(plain(r.get(i)));
      }
      out.add(v);
    }
    Comparator<List<Object>> byKeys =
        Comparator.comparing(v -> keyOf(v, fields, false), Comparator.naturalOrder());
    out.sort(byKeys.thenComparing(v -> keyOf(v, fields, true)));
    return out;
  }

  private static String keyOf(List<Object> v, StructField[] fields, boolean doubles) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      boolean isDouble = isDouble(fields[i].dataType());
      if (isDouble == doubles) {
        b.append(v.get(i)).append('\u0001');
      }
    }
    return b.toString();
  }

  private static boolean isDouble(DataType t) {
    return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType);
  }

  /** Spark's values as Java ones (Scala sequences and rows as lists, maps as strings). */
  private static Object plain(Object o) {
    if (o instanceof Seq<?> s) {
      List<Object> l = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(s).forEach(x -> l.add(plain(x)));
      return l;
    }
    if (o instanceof Row r) {
      List<Object> l = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        l.add(plain(r.get(i)));
      }
      return l;
    }
    if (o instanceof byte[] bytes) {
      return java.util.HexFormat.of().formatHex(bytes);
    }
    if (o instanceof scala.collection.Map<?, ?> || o instanceof Map<?, ?>) {
      return String.valueOf(o);
    }
    return o;
  }

  private static boolean same(Object a, Object b, double[] largest, double tolerance) {
    if (a instanceof Double x && b instanceof Double y) {
      if (x.isNaN() || y.isNaN() || x.isInfinite() || y.isInfinite()) {
        return x.equals(y);
      }
      double d = Math.abs(x - y) / Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
      largest[0] = Math.max(largest[0], d);
      return d <= tolerance;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i), largest, tolerance)) {
          return false;
        }
      }
      return true;
    }
    return java.util.Objects.equals(a, b);
  }
}
