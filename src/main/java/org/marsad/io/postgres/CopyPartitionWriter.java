package org.marsad.io.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams one Spark partition into a staging table with {@code COPY ... FROM STDIN}, in one
 * transaction tagged with the partition id ({@code _task}). A retried task first deletes what an
 * earlier attempt of the same partition committed (serialised by a transaction-level advisory
 * lock), so a staging table holds each partition exactly once. Returns the rows it wrote (the
 * result of the attempt Spark keeps, unlike an accumulator).
 */
final class CopyPartitionWriter implements MapPartitionsFunction<Row, Long> {

  private static final long serialVersionUID = 1L;
  private static final int FLUSH_CHARS = 1 << 20;

  private final String url;
  private final Properties properties;
  private final String staging;
  private final String columns;

  /**
   * @param url JDBC URL
   * @param properties driver properties (user, password...)
   * @param staging the schema-qualified, quoted staging table
   * @param columns the quoted, comma-separated columns, in row order
   */
  CopyPartitionWriter(String url, Properties properties, String staging, String columns) {
    this.url = url;
    this.properties = properties;
    this.staging = staging;
    this.columns = columns;
  }

  @Override
  public Iterator<Long> call(Iterator<Row> rows) throws SQLException {
    if (!rows.hasNext()) {
      return List.of(0L).iterator();
    }
    long n = 0;
    int part = TaskContext.getPartitionId();
    try (Connection c = PostgresSink.connect(url, properties)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "SELECT pg_advisory_xact_lock(hashtext('"
                + staging.replace("'", "''")
                + "'), "
                + part
                + ")");
        s.execute("DELETE FROM " + staging + " WHERE _task = " + part);
      }
      CopyIn in =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY " + staging + " (" + columns + ", _task) FROM STDIN");
      try {
        StringBuilder b = new StringBuilder(FLUSH_CHARS + 4096);
        String tail = "\t" + part + "\n";
        while (rows.hasNext()) {
          Row r = rows.next();
          for (int i = 0; i < r.length(); i++) {
            if (i > 0) {
              b.append('\t');
            }
            CopyEncoder.appendField(b, r.isNullAt(i) ? null : r.get(i));
          }
          b.append(tail);
          n++;
          if (b.length() >= FLUSH_CHARS) {
            write(in, b);
          }
        }
        write(in, b);
        in.endCopy();
      } finally {
        if (in.isActive()) {
          in.cancelCopy();
        }
      }
      c.commit();
    }
    return List.of(n).iterator();
  }

  private static void write(CopyIn in, StringBuilder b) throws SQLException {
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    b.setLength(0);
  }
}
