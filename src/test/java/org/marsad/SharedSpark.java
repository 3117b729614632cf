package org.marsad;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one local[2] SparkSession every Spark test of this JVM shares, and test paths. */
public final class SharedSpark {

  private static SparkSession spark;

  private SharedSpark() {}

  /** The shared session (created on first use). */
  public static synchronized SparkSession get() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .master("local[2]")
              .appName("marsad-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.scheduler.mode", "FAIR")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config(org.marsad.jobs.Sessions.PARTITION_TYPE_INFERENCE, "false")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .getOrCreate();
    }
    return spark;
  }

  /** The repository root. */
  public static Path repo() {
    return Path.of(System.getProperty("marsad.basedir", ".")).toAbsolutePath().normalize();
  }

  /** ../shared beside the repository (may be absent). */
  public static Path shared() {
    return Path.of(System.getProperty("marsad.shared", repo().resolve("../shared").toString()))
        .toAbsolutePath()
        .normalize();
  }

  /** True when ../shared holds the corpora. */
  public static boolean hasShared() {
    return Files.isDirectory(shared().resolve("corpora"));
  }
}
