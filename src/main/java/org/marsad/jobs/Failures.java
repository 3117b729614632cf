package org.marsad.jobs;

import java.io.FileNotFoundException;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.marsad.pipeline.MarsadException;

/**
 * Turns what Spark, the JVM or the filesystem threw during a run into what a user can act on: what
 * failed, in which stage, on what input, and what to do (more driver or executor memory, a setting
 * that bounds the work, free disk, a stable input). Foreign exceptions are recognised by their
 * types first and, where a library gives no type (a task's error travels as text inside a
 * SparkException), by the JVM's own words; Marsad's own errors carry their kind and pass through.
 */
final class Failures {

  private Failures() {}

  /** What the run was doing and on what, for the message. */
  record Where(String stage, long rowsIn, long inputBytes) {
    String describe() {
      StringBuilder b = new StringBuilder("stage ").append(stage);
      if (rowsIn > 0) {
        b.append(", ").append(String.format(Locale.ROOT, "%,d", rowsIn)).append(" input rows");
      }
      if (inputBytes > 0) {
        b.append(", ")
            .append(String.format(Locale.ROOT, "%.1f MB", inputBytes / 1e6))
            .append(" of input");
      }
      return b.toString();
    }
  }

  /**
   * The explanation of {@code e}, or null when it is none of the failures this class knows (then
   * the caller reports it as it is).
   */
  static MarsadException explain(Throwable e, Where where, SparkSession spark) {
    return explain(
        e,
        where,
        spark == null || spark.sparkContext().isLocal(),
        spark != null && spark.sparkContext().isStopped());
  }

  /**
   * As {@link #explain(Throwable, Where, SparkSession)}, for a run in local mode or not, whose
   * Spark context is stopped or not.
   */
  static MarsadException explain(Throwable e, Where where, boolean local, boolean stopped) {
    String heap = String.format(Locale.ROOT, "%.1f GB", Runtime.getRuntime().maxMemory() / 1e9);
    if (has(e, OutOfMemoryError.class)
        || says(e, "OutOfMemoryError", "Java heap space", "GC overhead limit exceeded")) {
      return MarsadException.resource(
          "Cannot finish the run: out of memory in a heap of " + heap,
          where.describe(),
          local
              ? "give the JVM more memory: MARSAD_DRIVER_MEMORY=8g jobs/marsad ..., or bound the"
                  + " work kept on the driver with --driver-cap and --topics-driver-max"
              : "give the executors more memory (spark-submit --executor-memory 8g) and the driver"
                  + " (--driver-memory), or bound the work kept on the driver with --driver-cap and"
                  + " --topics-driver-max",
          e);
    }
    if (says(e, "No space left on device", "Disk quota exceeded")
        || hasType(e, "DSQuotaExceededException")
        || hasType(e, "NSQuotaExceededException")) {
      return MarsadException.resource(
          "Cannot finish the run: the disk is full",
          where.describe(),
          "free space where --output is, and where Spark keeps its shuffle files (spark.local.dir,"
              + " /tmp by default), or point them at a larger disk; the earlier output is"
              + " unchanged",
          e);
    }
    if (says(
        e,
        "ExecutorLostFailure",
        "Master removed our application",
        "All masters are unresponsive")) {
      return MarsadException.resource(
          "Cannot finish the run: the cluster lost its executors and could not replace them",
          where.describe(),
          "check the workers' logs (an executor killed for memory needs --executor-memory or"
              + " spark.executor.memoryOverhead), then run again; the earlier output is unchanged",
          e);
    }
    if (has(e, FileNotFoundException.class) || says(e, "FileNotFoundException")) {
      return MarsadException.data(
          "Cannot finish the run: an input file changed or vanished while it was read",
          where.describe() + "; " + firstLine(rootOf(e)),
          "keep the input unchanged during a run (write new files elsewhere, then move them in)",
          e);
    }
    if (stopped) {
      return MarsadException.resource(
          "Cannot finish the run: Spark stopped during the run (most often the driver ran out of"
              + " memory in its heap of "
              + heap
              + "; the log above says why)",
          where.describe(),
          "give the JVM more memory (MARSAD_DRIVER_MEMORY=8g, or --driver-memory with"
              + " spark-submit), or bound the work kept on the driver with --driver-cap and"
              + " --topics-driver-max",
          e);
    }
    return null;
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (type.isInstance(s)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasType(Throwable e, String simpleName) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals(simpleName)) {
        return true;
      }
    }
    return false;
  }

  /** The JVM's or a library's words in a message of the chain (a task's error as text). */
  private static boolean says(Throwable e, String... words) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m == null) {
        continue;
      }
      for (String w : words) {
        if (m.contains(w)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Throwable rootOf(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String firstLine(Throwable t) {
    String m = String.valueOf(t.getMessage());
    return m.lines().findFirst().orElse(m);
  }
}
