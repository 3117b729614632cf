package org.marsad.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.pipeline.Table;

/**
 * Reads a table of an output folder with its catalog schema: partition values keep their declared
 * type (a {@code period} of {@code 2018} or {@code 2018-02-18} stays a string beside {@code all},
 * where partition discovery would type it as a number or a date), and a column a newer Marsad
 * declares reads as null from an older folder. A folder whose commit a crash interrupted (it holds
 * {@code _commit.json}) may mix two runs, so it is refused until a Marsad command has finished the
 * commit (see {@link OutputFolder#finishCommit}).
 */
public final class TableReader {

  private TableReader() {}

  /** The table {@code t} of output folder {@code output}, or null when it is absent. */
  public static Dataset<Row> read(SparkSession spark, String output, Table t) {
    Path dir = new Path(output, t.name());
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(new Path(output, CommitJournal.NAME))) {
        throw new IllegalStateException(
            "Cannot read table "
                + t.name()
                + ": the output folder holds an unfinished commit ("
                + new Path(output, CommitJournal.NAME)
                + "); open it with any marsad command (e.g. jobs/marsad report --output "
                + output
                + ") to finish the commit first");
      }
      if (!fs.exists(dir)) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read table " + dir + ": " + e.getMessage(), e);
    }
    return spark.read().schema(t.schema()).parquet(dir.toString());
  }
}
