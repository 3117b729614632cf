package org.marsad.io.postgres;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.marsad.catalog.Catalog;
import org.marsad.io.TableReader;
import org.marsad.io.postgres.PostgresTables.Mode;
import org.marsad.io.postgres.PostgresTables.Spec;
import org.marsad.text.WordLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads output tables into a PostgreSQL schema for BI tools, replacing exactly the periods a run
 * covers, all or nothing.
 *
 * <p>Spark streams each table with {@code COPY} into a fresh unlogged staging table of this run
 * ({@code <schema>_staging.stg_<run>_<table>}); then one transaction on the driver creates the
 * missing target tables, keys and indexes, deletes the target rows of the run's periods (or every
 * row, for tables without periods and the topic tables), inserts the staged rows, drops the staging
 * tables, records the load in {@code marsad_loads}, applies {@code conf/sql/views.sql} and commits.
 * A run that fails or is killed before the commit leaves the target tables as they were; its
 * staging tables are dropped by the next load. Loads into one schema are serialised by an advisory
 * lock.
 */
public final class PostgresSink {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresSink.class);

  /** The table recording every load: run, table, periods replaced, rows. */
  public static final String LOADS_TABLE = "marsad_loads";

  private static final int COPY_THREADS = 4;

  private PostgresSink() {}

  /**
   * Loads the committed Parquet tables {@code tables} of {@code output} (those that exist) and
   * returns the rows loaded per table.
   */
  public static Map<String, Long> loadOutput(
      SparkSession spark,
      PostgresTarget target,
      String runId,
      String output,
      Collection<String> tables) {
    Map<String, Dataset<Row>> data = new LinkedHashMap<>();
    try {
      Path out = new Path(output);
      FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (String t : tables) {
        Path p = new Path(out, t);
        org.marsad.pipeline.Table known = Catalog.get(t);
        if (known != null) {
          Dataset<Row> d = TableReader.read(spark, output, known);
          if (d != null) {
            data.put(t, d);
          }
        } else if (fs.exists(p)) {
          data.put(t, spark.read().parquet(p.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read output tables in " + output, e);
    }
    return load(spark, target, runId, data);
  }

  /** Loads {@code tables} (name to rows) and returns the rows loaded per table. */
  public static Map<String, Long> load(
      SparkSession spark, PostgresTarget target, String runId, Map<String, Dataset<Row>> tables) {
    Properties props = target.connectionProperties();
    if ("marsad".equals(props.getProperty("ApplicationName"))) {
      props.setProperty("ApplicationName", "marsad " + runId);
    }
    String tag = runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    String schema = PostgresTables.ident(target.schema());
    String stagingSchema = PostgresTables.ident(target.stagingSchema());
    List<Table> list = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
      String stg = "stg_" + tag + "_" + e.getKey();
      if (stg.length() > 63) {
        stg = "stg_" + tag + "_t" + n;
      }
      list.add(Table.of(e.getKey(), e.getValue(), schema, stagingSchema + "." + quote(stg)));
      n++;
    }
    String where =
        PostgresTarget.redact(target.url()).replaceAll("\\?.*", "") + ", schema " + target.schema();
    Connection c;
    try {
      c = connect(target.url(), props);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot connect to PostgreSQL ("
              + PostgresTarget.redact(target.url()).replaceAll("\\?.*", "")
              + " as "
              + props.getProperty("user", "(default user)")
              + ", password "
              + target.passwordSource()
              + "): "
              + redacted(e.getMessage(), props),
          e);
    }
    String lockKey = "marsad:" + target.schema();
    try (c) {
      lock(c, lockKey);
      try {
        prepareSchemas(c, target, schema, stagingSchema);
        for (Table t : list) {
          exec(
              c,
              "CREATE UNLOGGED TABLE "
                  + t.staging
                  + " ("
                  + String.join(", ", PostgresTables.columnDefinitions(t.schema))
                  + ", _task integer NOT NULL)");
        }
        Map<String, Long> expected = copyAll(spark, target.url(), props, list);
        for (Table t : list) {
          long staged = count(c, t.staging);
          if (staged != expected.get(t.name)) {
            throw new IllegalStateException(
                "Cannot load "
                    + t.name
                    + ": the staging table has "
                    + staged
                    + " rows, the tasks wrote "
                    + expected.get(t.name));
          }
        }
        Map<String, Long> rows = commit(c, target, runId, schema, list);
        analyze(c, list);
        return rows;
      } catch (Exception e) { // Spark throws SparkException undeclared
        rollback(c);
        dropStaging(c, list);
        throw new IllegalStateException(
            "Cannot load tables into PostgreSQL ("
                + where
                + "): "
                + redacted(rootMessage(e), props)
                + "; the tables there are unchanged",
            e);
      } finally {
        unlock(c, lockKey);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot load tables into PostgreSQL (" + where + "): " + redacted(e.getMessage(), props),
          e);
    }
  }

  /**
   * Streams every table into its staging table: a few tables at a time, since most are small and
   * one Spark job each would mostly wait on scheduling.
   */
  private static Map<String, Long> copyAll(
      SparkSession spark, String url, Properties props, List<Table> list) throws Exception {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(COPY_THREADS, list.size())));
    try {
      Map<String, Future<Long>> running = new LinkedHashMap<>();
      for (Table t : list) {
        running.put(
            t.name,
            pool.submit(
                () -> {
                  long t0 = System.nanoTime();
                  spark.sparkContext().setJobDescription("load " + t.name + " into PostgreSQL");
                  long n = 0;
                  for (long part :
                      t.data
                          .mapPartitions(
                              new CopyPartitionWriter(url, props, t.staging, t.columnList()),
                              Encoders.LONG())
                          .collectAsList()) {
                    n += part;
                  }
                  LOG.info("[postgres] staged {}: {} rows in {} s", t.name, n, seconds(t0));
                  return n;
                }));
      }
      Map<String, Long> rows = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Long>> f : running.entrySet()) {
        try {
          rows.put(f.getKey(), f.getValue().get());
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception ex ? ex : e;
        }
      }
      return rows;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One table to load. */
  private record Table(
      String name, Dataset<Row> data, StructType schema, Spec spec, String target, String staging) {

    static Table of(String name, Dataset<Row> raw, String schemaSql, String staging) {
      Dataset<Row> d = prepare(raw);
      StructType s = d.schema();
      Set<String> cols = new LinkedHashSet<>(List.of(s.fieldNames()));
      return new Table(
          name,
          d,
          s,
          PostgresTables.spec(name, cols),
          schemaSql + "." + PostgresTables.ident(name),
          staging);
    }

    String columnList() {
      return java.util.Arrays.stream(schema.fieldNames())
          .map(PostgresTables::ident)
          .collect(Collectors.joining(", "));
    }
  }

  /**
   * The rows as they are loaded: {@code period} first and as text (Parquet partition discovery may
   * have typed {@code 2018} as a number), nested values as JSON.
   */
  static Dataset<Row> prepare(Dataset<Row> d) {
    List<Column> cols = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of(d.columns()));
    if (names.remove("period")) {
      names.add(0, "period");
    }
    for (String name : names) {
      StructField f = d.schema().apply(name);
      Column c = col("`" + name + "`");
      if (name.equals("period")) {
        c = c.cast("string");
      } else if (PostgresTables.pgType(f.dataType()).equals("jsonb")) {
        c =
            f.dataType() instanceof StructType
                    || f.dataType() instanceof MapType
                    || f.dataType() instanceof ArrayType
                ? to_json(c)
                : c.cast("string");
      }
      cols.add(c.as(name));
    }
    return d.select(cols.toArray(Column[]::new));
  }

  private static void prepareSchemas(
      Connection c, PostgresTarget target, String schema, String stagingSchema)
      throws SQLException {
    // CREATE SCHEMA needs the CREATE right on the database even when the schema exists: only
    // missing schemas are created, so a role owning pre-made schemas needs no more.
    for (String name : List.of(target.schema(), target.stagingSchema())) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT count(*) FROM pg_namespace WHERE nspname = ?")) {
        ps.setString(1, name);
        try (ResultSet r = ps.executeQuery()) {
          r.next();
          if (r.getLong(1) == 0) {
            exec(c, "CREATE SCHEMA IF NOT EXISTS " + PostgresTables.ident(name));
          }
        }
      }
    }
    // We hold the schema's load lock: any staging table left is from a run that died or failed.
    List<String> stale = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tablename FROM pg_tables WHERE schemaname = ? AND tablename LIKE 'stg\\_%'")) {
      ps.setString(1, target.stagingSchema());
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          stale.add(r.getString(1));
        }
      }
    }
    for (String t : stale) {
      exec(c, "DROP TABLE IF EXISTS " + stagingSchema + "." + quote(t));
    }
    if (!stale.isEmpty()) {
      LOG.info("[postgres] dropped {} staging tables of earlier, unfinished loads", stale.size());
    }
  }

  private static Map<String, Long> commit(
      Connection c, PostgresTarget target, String runId, String schema, List<Table> list)
      throws SQLException {
    long t0 = System.nanoTime();
    c.setAutoCommit(false);
    exec(
        c,
        "CREATE TABLE IF NOT EXISTS "
            + schema
            + "."
            + LOADS_TABLE
            + " (run_id text NOT NULL, table_name text NOT NULL,"
            + " loaded_at timestamptz NOT NULL DEFAULT now(), mode text NOT NULL, periods text[],"
            + " rows_deleted bigint NOT NULL, rows_inserted bigint NOT NULL,"
            + " PRIMARY KEY (run_id, table_name))");
    for (Table t : list) {
      ensureTable(c, target, t);
    }
    // The periods a run covers are those of its documents (and of the table itself, for the
    // co-mention period 'all'): a month the run has no keyness rows for loses its old ones.
    String docsStaging =
        list.stream()
            .filter(t -> t.name.equals("documents") && t.spec.mode() == Mode.BY_PERIOD)
            .map(t -> t.staging)
            .findFirst()
            .orElse(null);
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Table t : list) {
      String cols = t.columnList();
      long deleted;
      Array periods = null;
      if (t.spec.mode() == Mode.BY_PERIOD) {
        String runPeriods =
            "SELECT period FROM "
                + t.staging
                + (docsStaging == null ? "" : " UNION SELECT period FROM " + docsStaging);
        deleted = update(c, "DELETE FROM " + t.target + " WHERE period IN (" + runPeriods + ")");
        try (Statement s = c.createStatement();
            ResultSet r =
                s.executeQuery(
                    "SELECT coalesce(array_agg(period ORDER BY period), '{}') FROM ("
                        + runPeriods
                        + ") p")) {
          r.next();
          periods = r.getArray(1);
        }
      } else {
        deleted = update(c, "DELETE FROM " + t.target);
      }
      long inserted =
          update(
              c,
              "INSERT INTO " + t.target + " (" + cols + ") SELECT " + cols + " FROM " + t.staging);
      rows.put(t.name, inserted);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + schema
                  + "."
                  + LOADS_TABLE
                  + " (run_id, table_name, mode, periods, rows_deleted, rows_inserted)"
                  + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, table_name) DO UPDATE SET"
                  + " loaded_at = now(), mode = excluded.mode, periods = excluded.periods,"
                  + " rows_deleted = excluded.rows_deleted, rows_inserted = excluded.rows_inserted")) {
        ps.setString(1, runId);
        ps.setString(2, t.name);
        ps.setString(3, t.spec.mode() == Mode.BY_PERIOD ? "by_period" : "whole");
        ps.setArray(4, periods);
        ps.setLong(5, deleted);
        ps.setLong(6, inserted);
        ps.executeUpdate();
      }
      LOG.info("[postgres] {}: {} rows replaced by {}", t.name, deleted, inserted);
    }
    dropStaging(c, list);
    applyViews(c, target, schema);
    c.commit();
    c.setAutoCommit(true);
    LOG.info("[postgres] committed in {} s", seconds(t0));
    return rows;
  }

  /**
   * Creates the target table, its missing columns, key and indexes (none when all exist). A table
   * of an earlier version whose primary key or btree indexes hold text of any length gets the
   * unique md5 index and hash indexes instead (see {@link PostgresTables}).
   */
  private static void ensureTable(Connection c, PostgresTarget target, Table t)
      throws SQLException {
    Map<String, String> existing = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, target.schema());
      ps.setString(2, t.name);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          existing.put(r.getString(1), r.getString(2));
        }
      }
    }
    boolean primaryKey =
        !t.spec.primaryKey().isEmpty() && PostgresTables.primaryKeyFits(t.spec, t.schema);
    if (existing.isEmpty()) {
      List<String> defs =
          new ArrayList<>(PostgresTables.columnDefinitions(t.schema, t.spec.primaryKey()));
      if (primaryKey) {
        defs.add(
            "PRIMARY KEY ("
                + t.spec.primaryKey().stream()
                    .map(PostgresTables::ident)
                    .collect(Collectors.joining(", "))
                + ")");
      }
      exec(c, "CREATE TABLE " + t.target + " (" + String.join(", ", defs) + ")");
      LOG.info("[postgres] created table {}", t.target);
    } else {
      // A newer Marsad may add columns; ALTER only then (it locks out readers until commit).
      for (StructField f : t.schema.fields()) {
        if (!existing.containsKey(f.name())) {
          exec(
              c,
              "ALTER TABLE "
                  + t.target
                  + " ADD COLUMN "
                  + PostgresTables.ident(f.name())
                  + " "
                  + PostgresTables.pgType(f.dataType()));
        }
      }
      if (!primaryKey) {
        String pkey = primaryKeyConstraint(c, t.target);
        if (pkey != null) {
          exec(c, "ALTER TABLE " + t.target + " DROP CONSTRAINT " + quote(pkey));
          LOG.info(
              "[postgres] {}: primary key {} replaced by a unique index on the md5 of its text",
              t.target,
              pkey);
        }
      }
    }
    Set<String> indexes = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = ?")) {
      ps.setString(1, target.schema());
      ps.setString(2, t.name);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          indexes.add(r.getString(1));
        }
      }
    }
    Map<String, String> wanted = PostgresTables.indexes(t.name, t.spec, t.schema, t.target);
    for (String old : PostgresTables.legacyIndexNames(t.name, t.spec)) {
      if (indexes.contains(old) && !wanted.containsKey(old)) {
        exec(c, "DROP INDEX " + PostgresTables.ident(target.schema()) + "." + quote(old));
      }
    }
    for (Map.Entry<String, String> idx : wanted.entrySet()) {
      if (!indexes.contains(idx.getKey())) {
        exec(c, idx.getValue());
      }
    }
  }

  /** The name of the primary key constraint of {@code table} (schema-qualified), or null. */
  private static String primaryKeyConstraint(Connection c, String table) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'p'")) {
      ps.setString(1, table);
      try (ResultSet r = ps.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  private static void applyViews(Connection c, PostgresTarget target, String schema)
      throws SQLException {
    String script;
    try (InputStream in = WordLists.open("sql/views.sql", target.viewsFile())) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the views script: " + e.getMessage(), e);
    }
    Set<String> present = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
      ps.setString(1, target.schema());
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          present.add(r.getString(1));
        }
      }
    }
    List<String> applied = new ArrayList<>();
    for (ViewScript.Statement s : ViewScript.parse(script, schema)) {
      if (!present.containsAll(s.requires())) {
        Set<String> missing = new LinkedHashSet<>(s.requires());
        missing.removeAll(present);
        LOG.info("[postgres] {} skipped: no table {} yet", s.name(), missing);
        continue;
      }
      applyView(c, schema, s);
      applied.add(s.name());
    }
    LOG.info("[postgres] views.sql applied: {}", applied);
  }

  /**
   * Runs one statement of the views script. CREATE OR REPLACE VIEW cannot change a view's columns
   * (their names, order or types, e.g. double precision to numeric in a newer views.sql): then the
   * view is dropped and created again, in the load's transaction. A view of the user's that depends
   * on it stops the load, named, rather than being dropped with it.
   */
  private static void applyView(Connection c, String schema, ViewScript.Statement s)
      throws SQLException {
    java.sql.Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
    try {
      exec(c, s.sql());
    } catch (SQLException e) {
      boolean shapeChanged = "42P16".equals(e.getSQLState()) || "42804".equals(e.getSQLState());
      if (sp == null || !shapeChanged || !s.isView()) {
        throw new SQLException("views.sql, " + s.name() + ": " + e.getMessage(), e);
      }
      c.rollback(sp);
      try {
        exec(c, "DROP VIEW IF EXISTS " + schema + "." + quote(s.name()));
      } catch (SQLException d) {
        throw new SQLException(
            "views.sql, "
                + s.name()
                + ": its columns changed, and other views depend on it ("
                + d.getMessage()
                + "); drop those views, the load creates "
                + s.name()
                + " anew",
            d);
      }
      exec(c, s.sql());
      LOG.info("[postgres] {}: its columns changed; created anew", s.name());
    }
  }

  /** A connection through the driver class itself (no DriverManager: Spark's loaders hide it). */
  static Connection connect(String url, Properties props) throws SQLException {
    Connection c = new org.postgresql.Driver().connect(url, props);
    if (c == null) {
      throw new SQLException("not a PostgreSQL JDBC URL");
    }
    return c;
  }

  private static void lock(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
      ps.setString(1, key);
      try (ResultSet r = ps.executeQuery()) {
        r.next();
        if (r.getBoolean(1)) {
          return;
        }
      }
    }
    LOG.info("[postgres] waiting for another load into the same schema to finish");
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
      ps.setString(1, key);
      ps.execute();
    }
  }

  private static void unlock(Connection c, String key) {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
      ps.setString(1, key);
      ps.execute();
    } catch (SQLException e) {
      // the lock goes with the connection, which is closed next
    }
  }

  /** Fresh planner statistics for BI queries; after the commit, so a failure here loses nothing. */
  private static void analyze(Connection c, List<Table> list) {
    for (Table t : list) {
      try {
        exec(c, "ANALYZE " + t.target);
      } catch (SQLException e) {
        LOG.warn(
            "[postgres] ANALYZE {} failed (autovacuum will do it): {}", t.target, e.getMessage());
      }
    }
  }

  private static void rollback(Connection c) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // the connection is broken: the server rolls back itself
    }
  }

  private static void dropStaging(Connection c, List<Table> list) {
    for (Table t : list) {
      try {
        exec(c, "DROP TABLE IF EXISTS " + t.staging);
      } catch (SQLException e) {
        // left for the next load to drop
      }
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeLargeUpdate(sql);
    }
  }

  private static String quote(String ident) {
    return '"' + ident.replace("\"", "\"\"") + '"';
  }

  /** {@code message} without the password: neither in a URL nor as itself. */
  static String redacted(String message, Properties props) {
    String m = PostgresTarget.redact(message);
    String pw = props.getProperty("password");
    if (m != null && pw != null && pw.length() >= 3) {
      m = m.replace(pw, "***");
    }
    return m;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      if (t instanceof SQLException) {
        break;
      }
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  private static double seconds(long t0) {
    return Math.round((System.nanoTime() - t0) / 1e6) / 1000.0;
  }
}
