package org.marsad.jobs;

import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession for a command with the settings every Marsad run relies on. */
public final class Sessions {

  /** Spark setting that types partition values read back; Marsad keeps them as strings. */
  public static final String PARTITION_TYPE_INFERENCE =
      "spark.sql.sources.partitionColumnTypeInference.enabled";

  private Sessions() {}

  /**
   * A session named {@code app}. The master comes from spark-submit ({@code spark.master}); when
   * absent, from {@code master}, else {@code local[*]}.
   */
  public static SparkSession create(String app, String master) {
    SparkSession.Builder b = SparkSession.builder().appName(app);
    boolean submitted = System.getProperty("spark.master") != null;
    if (master != null) {
      b = b.master(master);
    } else if (!submitted) {
      b = b.master("local[*]");
    }
    String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
    if (effective.startsWith("local")
        && System.getProperty("spark.sql.shuffle.partitions") == null) {
      b = b.config("spark.sql.shuffle.partitions", "8");
    }
    // A local run's web UI keeps every query plan and metric of its hundreds of small jobs; it is
    // there for whoever asks (-Dspark.ui.enabled=true or --verbose), not by default.
    if (effective.startsWith("local") && System.getProperty("spark.ui.enabled") == null) {
      b = b.config("spark.ui.enabled", Boolean.getBoolean("marsad.verbose") ? "true" : "false");
    }
    // In local mode the executor is the driver: by default an out-of-memory error in a task makes
    // Spark exit the JVM with code 52 while the run's own error handling races it. With the
    // depth 0 the task fails, the job fails with the OutOfMemoryError, and the run says what to do
    // and exits 1 (a cluster keeps the default: the executor dies and is replaced).
    if (effective.startsWith("local")
        && System.getProperty("spark.executor.killOnFatalError.depth") == null) {
      b = b.config("spark.executor.killOnFatalError.depth", "0");
    }
    // Tables are written by a few driver threads at once (--writers): a FAIR scheduler shares
    // the cores between them and the run's own queries (pools in fairscheduler.xml).
    if (System.getProperty("spark.scheduler.mode") == null) {
      b = b.config("spark.scheduler.mode", "FAIR");
    }
    // Output tables are read back (report, query, PostgreSQL sink, staged tables): period=2018 or
    // period=2018-02-18 must stay strings, not become ints or dates that 'all' cannot be cast to.
    return b.config(PARTITION_TYPE_INFERENCE, "false")
        .config("spark.sql.session.timeZone", "UTC")
        // A table partitioned by period has one folder per period: listing a few hundred folders
        // on the driver is quicker than a Spark job per table read (the default parallel listing
        // from 32 paths on); a corpus of thousands of input folders is still listed by a job.
        .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1024")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        // Marsad draws the run's own progress on a terminal (jobs.Progress); Spark's bar counts its
        // dozens of internal stages, so it shows only with --verbose.
        .config(
            "spark.ui.showConsoleProgress", Boolean.toString(Boolean.getBoolean("marsad.verbose")))
        .getOrCreate();
  }
}
