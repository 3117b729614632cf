package org.marsad.io.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.marsad.catalog.Catalog;
import org.marsad.pipeline.Table;

/**
 * How each output table lands in PostgreSQL: column types derived from the Spark schema, and per
 * catalog table (org.marsad.catalog.Catalog) how a load replaces rows (by period or whole), its
 * primary key and the indexes on what BI queries filter by. A table not in the catalog is loaded
 * all the same: by period when it has a {@code period} column, else whole, with no key and an index
 * on period.
 *
 * <p>Any id, term or source a Parquet table holds must load, and a btree index entry holds at most
 * 2,704 bytes: text of any length in a key or an index (ids, terms, sources, labels) is indexed by
 * its md5, the value kept whole in the table. A key with such a column is a unique index on {@code
 * (period, md5(doc_id))} (its columns NOT NULL) instead of a primary key; an index on one such
 * column is a hash index, which PostgreSQL uses for {@code doc_id = '...'} as written; the text
 * that Marsad makes itself (periods, language and state codes, scopes...) is indexed as it is.
 */
final class PostgresTables {

  private PostgresTables() {}

  /** How a load replaces the rows of a table. */
  enum Mode {
    /** Delete the rows of the periods the run covers, then insert the run's rows. */
    BY_PERIOD,
    /** Delete every row, then insert the run's rows: the table holds the last run's rows. */
    WHOLE
  }

  /**
   * The load settings of one table.
   *
   * @param mode how a load replaces rows
   * @param primaryKey primary key columns (empty: none)
   * @param indexes further indexes, each a list of columns
   */
  record Spec(Mode mode, List<String> primaryKey, List<List<String>> indexes) {

    /** This spec without the key and index columns missing from {@code columns}. */
    Spec restrictedTo(Set<String> columns) {
      List<String> pk = columns.containsAll(primaryKey) ? primaryKey : List.of();
      List<List<String>> idx = indexes.stream().filter(columns::containsAll).toList();
      Mode m = mode == Mode.BY_PERIOD && !columns.contains("period") ? Mode.WHOLE : mode;
      return new Spec(m, pk, idx);
    }
  }

  /** The spec of a catalog table: its load mode, key and indexes as declared. */
  private static Spec of(Table t) {
    return new Spec(
        t.load() == Table.Load.BY_PERIOD ? Mode.BY_PERIOD : Mode.WHOLE,
        t.primaryKey() ? t.key() : List.of(),
        t.indexes());
  }

  /** The spec of {@code table} with these columns. */
  static Spec spec(String table, Set<String> columns) {
    Table known = Catalog.get(table);
    if (known != null) {
      return of(known).restrictedTo(columns);
    }
    return columns.contains("period")
        ? new Spec(Mode.BY_PERIOD, List.of(), List.of(List.of("period")))
        : new Spec(Mode.WHOLE, List.of(), List.of());
  }

  /** Key and index columns of text that Marsad makes itself, short by construction. */
  static final Set<String> SHORT_TEXT =
      Set.of(
          "period",
          "lang",
          "scope",
          "field",
          "kind",
          "form",
          "state",
          "state_a",
          "state_b",
          "iso2",
          "iso3",
          "reason",
          "status",
          "direction",
          "mode",
          "table_name",
          "run_id");

  /** True for a text column whose values may be of any length (indexed by md5). */
  static boolean anyLength(StructType schema, String column) {
    return schema.getFieldIndex(column).isDefined()
        && schema.apply(column).dataType() instanceof StringType
        && !SHORT_TEXT.contains(column);
  }

  /** True when the key of {@code spec} is a primary key (no column of any-length text). */
  static boolean primaryKeyFits(Spec spec, StructType schema) {
    return spec.primaryKey().stream().noneMatch(c -> anyLength(schema, c));
  }

  /** The name of the unique index that stands for a key with text of any length. */
  static String keyIndexName(String table) {
    return shortName(table + "_key");
  }

  /**
   * The indexes a table gets, name to {@code CREATE [UNIQUE] INDEX} statement on {@code target}:
   * the key as a unique index when it cannot be a primary key, then every index of the spec.
   */
  static java.util.Map<String, String> indexes(
      String table, Spec spec, StructType schema, String target) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    if (!spec.primaryKey().isEmpty() && !primaryKeyFits(spec, schema)) {
      String name = keyIndexName(table);
      out.put(
          name,
          "CREATE UNIQUE INDEX "
              + quoted(name)
              + " ON "
              + target
              + " ("
              + expressions(spec.primaryKey(), schema)
              + ")");
    }
    for (List<String> idx : spec.indexes()) {
      boolean hashed = idx.stream().anyMatch(c -> anyLength(schema, c));
      if (hashed && idx.size() == 1) {
        String name = shortName(table + "_" + idx.get(0) + "_hash");
        out.put(
            name,
            "CREATE INDEX "
                + quoted(name)
                + " ON "
                + target
                + " USING hash ("
                + ident(idx.get(0))
                + ")");
      } else {
        String name =
            hashed
                ? shortName(table + "_" + String.join("_", idx) + "_md5")
                : legacyIndexName(table, idx);
        out.put(
            name,
            "CREATE INDEX "
                + quoted(name)
                + " ON "
                + target
                + " ("
                + expressions(idx, schema)
                + ")");
      }
    }
    return out;
  }

  /**
   * The names of the btree indexes earlier versions created on the spec's columns: those that now
   * have another form (hash, md5) are dropped, since they cannot hold long values.
   */
  static Set<String> legacyIndexNames(String table, Spec spec) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (List<String> idx : spec.indexes()) {
      out.add(legacyIndexName(table, idx));
    }
    return out;
  }

  private static String legacyIndexName(String table, List<String> idx) {
    String name = table + "_" + String.join("_", idx) + "_idx";
    if (name.length() > 63) {
      name = name.substring(0, 55) + "_" + Integer.toHexString(name.hashCode());
    }
    return name;
  }

  private static String shortName(String name) {
    return name.length() <= 63
        ? name
        : name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode());
  }

  private static String expressions(List<String> columns, StructType schema) {
    List<String> e = new ArrayList<>();
    for (String c : columns) {
      e.add(anyLength(schema, c) ? "md5(" + ident(c) + ")" : ident(c));
    }
    return String.join(", ", e);
  }

  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static final Pattern IDENT = Pattern.compile("[a-z_][a-z0-9_]*");

  /** {@code name} as a quoted SQL identifier; only snake_case names are accepted. */
  static String ident(String name) {
    if (!IDENT.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Cannot load into PostgreSQL: not a snake_case table or column name (" + name + ")");
    }
    return '"' + name + '"';
  }

  /** The PostgreSQL type of a Spark type; structs and maps are loaded as JSON. */
  static String pgType(DataType t) {
    if (t instanceof StringType) {
      return "text";
    } else if (t instanceof IntegerType) {
      return "integer";
    } else if (t instanceof LongType) {
      return "bigint";
    } else if (t instanceof ShortType || t instanceof ByteType) {
      return "smallint";
    } else if (t instanceof DoubleType) {
      return "double precision";
    } else if (t instanceof FloatType) {
      return "real";
    } else if (t instanceof BooleanType) {
      return "boolean";
    } else if (t instanceof TimestampType) {
      return "timestamptz";
    } else if (t instanceof TimestampNTZType) {
      return "timestamp";
    } else if (t instanceof DateType) {
      return "date";
    } else if (t instanceof DecimalType d) {
      return "numeric(" + d.precision() + "," + d.scale() + ")";
    } else if (t instanceof BinaryType) {
      return "bytea";
    } else if (t instanceof ArrayType a
        && isScalar(a.elementType())
        && !(a.elementType() instanceof BinaryType)) {
      return pgType(a.elementType()) + "[]";
    }
    return "jsonb";
  }

  /** True for types loaded as they are: everything else is loaded as JSON. */
  static boolean isScalar(DataType t) {
    return t instanceof StringType
        || t instanceof IntegerType
        || t instanceof LongType
        || t instanceof ShortType
        || t instanceof ByteType
        || t instanceof DoubleType
        || t instanceof FloatType
        || t instanceof BooleanType
        || t instanceof TimestampType
        || t instanceof TimestampNTZType
        || t instanceof DateType
        || t instanceof DecimalType
        || t instanceof BinaryType;
  }

  /** {@code "col" type, ...} for a CREATE TABLE of these fields. */
  static List<String> columnDefinitions(StructType schema) {
    return columnDefinitions(schema, Set.of());
  }

  /** As {@link #columnDefinitions(StructType)}, with {@code notNull} columns NOT NULL. */
  static List<String> columnDefinitions(StructType schema, java.util.Collection<String> notNull) {
    List<String> defs = new ArrayList<>();
    for (StructField f : schema.fields()) {
      defs.add(
          ident(f.name())
              + " "
              + pgType(f.dataType())
              + (notNull.contains(f.name()) ? " NOT NULL" : ""));
    }
    return defs;
  }
}
