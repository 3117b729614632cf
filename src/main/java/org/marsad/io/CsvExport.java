package org.marsad.io;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Writes a table as one CSV file for Excel and other spreadsheets: UTF-8 with a byte-order mark, a
 * header, RFC 4180 quoting. Numbers and booleans are written bare; every text cell is quoted;
 * timestamps as {@code yyyy-MM-dd HH:mm:ss} (UTC), dates as {@code yyyy-MM-dd}; arrays of plain
 * values as their elements joined by {@code |}; structs, maps and arrays of them as JSON. Against
 * CSV (formula) injection, as OWASP advises, a text cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '} (Excel then shows it as
 * text); the Parquet table keeps the original value. Numeric columns are never changed ({@code
 * -0.5} is a number, not a formula), except the offsets into a text cell of the same row ({@link
 * #OFFSETS}): when that cell got the {@code '}, they are one more, so that they count in the cell
 * as written. No Hadoop checksum file is written beside the CSV.
 */
public final class CsvExport {

  /** The separator of array elements in a cell. */
  public static final String ARRAY_SEPARATOR = "|";

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  // What spreadsheets take as the start of a formula (OWASP, CSV Injection).
  private static final String FORMULA_START = "^[=+\\-@\\t\\r]";

  /**
   * Offset columns (0-based, in UTF-16 units) into a text column of the same row: the evidence
   * sentence ({@code comention_evidence}: a_start ... b_end; {@code term_evidence}: start, end) and
   * the mention's context ({@code state_mentions}). They apply only where the text column is a
   * string and the offset column an integer ({@code state_mentions.sentence} is a sentence number,
   * and its start and end count in the document, not in a cell).
   */
  static final Map<String, List<String>> OFFSETS =
      Map.of(
          "sentence", List.of("a_start", "a_end", "b_start", "b_end", "start", "end"),
          "context", List.of("context_start", "context_end"));

  private CsvExport() {}

  /**
   * Writes {@code table} to the file {@code target} through the scratch folder {@code scratch}
   * (deleted afterwards).
   */
  public static void write(FileSystem fs, Dataset<Row> table, Path scratch, Path target) {
    StructType schema = table.schema();
    List<Column> cells = new ArrayList<>();
    List<String> header = new ArrayList<>();
    Map<String, String> textOf = new java.util.HashMap<>();
    for (Map.Entry<String, List<String>> e : OFFSETS.entrySet()) {
      if (has(schema, e.getKey(), t -> t instanceof StringType)) {
        for (String o : e.getValue()) {
          if (has(schema, o, t -> t instanceof IntegerType || t instanceof LongType)) {
            textOf.put(o, e.getKey());
          }
        }
      }
    }
    for (StructField f : schema.fields()) {
      if (!cells.isEmpty()) {
        cells.add(lit(","));
      }
      Column c = col(quote(f.name()));
      String text = textOf.get(f.name());
      if (text != null) {
        // the offset as counted in the text cell as written, after its ' (see neutralised)
        c = when(col(quote(text)).rlike(FORMULA_START), c.plus(1)).otherwise(c);
      }
      cells.add(cell(c, f.dataType()));
      header.add(quoteIfNeeded(f.name()));
    }
    Column line = cells.isEmpty() ? lit("") : concat(cells.toArray(new Column[0]));
    table
        .select(line.as("value"))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "none")
        .text(scratch.toString());
    try {
      FileSystem raw = HadoopFiles.withoutChecksums(fs);
      try (OutputStream out = raw.create(target, true)) {
        out.write(BOM);
        out.write((String.join(",", header) + "\n").getBytes(StandardCharsets.UTF_8));
        for (FileStatus s : fs.listStatus(scratch)) {
          String name = s.getPath().getName();
          if (name.startsWith("part-")) {
            try (InputStream in = fs.open(s.getPath())) {
              in.transferTo(out);
            }
          }
        }
      }
      fs.delete(scratch, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static boolean has(
      StructType schema, String name, java.util.function.Predicate<DataType> type) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(name)) {
        return type.test(f.dataType());
      }
    }
    return false;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** The CSV text of one cell of type {@code t}; never null (a null value is an empty cell). */
  static Column cell(Column c, DataType t) {
    if (t instanceof NumericType || t instanceof BooleanType) {
      return coalesce(c.cast("string"), lit(""));
    }
    Column text;
    if (t instanceof StringType) {
      text = c;
    } else if (t instanceof TimestampType || t instanceof TimestampNTZType) {
      return coalesce(date_format(c, "yyyy-MM-dd HH:mm:ss"), lit(""));
    } else if (t instanceof DateType) {
      return coalesce(date_format(c, "yyyy-MM-dd"), lit(""));
    } else if (t instanceof ArrayType a && plain(a.elementType())) {
      text = array_join(c.cast("array<string>"), ARRAY_SEPARATOR);
    } else if (t instanceof ArrayType || t instanceof StructType || t instanceof MapType) {
      text = to_json(c);
    } else {
      text = c.cast("string");
    }
    return coalesce(quoted(neutralised(text)), lit(""));
  }

  private static boolean plain(DataType t) {
    return t instanceof StringType
        || t instanceof NumericType
        || t instanceof BooleanType
        || t instanceof DateType
        || t instanceof TimestampType;
  }

  /** {@code text} with a leading {@code '} when a spreadsheet would read it as a formula. */
  static Column neutralised(Column text) {
    return when(text.rlike(FORMULA_START), concat(lit("'"), text)).otherwise(text);
  }

  /** {@code text} in double quotes, with its double quotes doubled (RFC 4180). */
  static Column quoted(Column text) {
    return concat(lit("\""), regexp_replace(text, "\"", "\"\""), lit("\""));
  }

  private static String quoteIfNeeded(String name) {
    if (name.matches("[A-Za-z0-9_]+")) {
      return name;
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
