package org.marsad.bench;

import static org.apache.spark.sql.functions.col;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.states.match.StateMatcher;
import org.marsad.states.match.StateSettings;
import org.marsad.text.Analysis;
import org.marsad.text.TextCleaner;

/**
 * Benchmark: single-thread throughput of the state matcher (language identification, tokenising and
 * matching of title and text, as {@link StateMatcher#find(String...)} does) over a corpus held in
 * memory.
 */
public final class MatcherCeiling {

  private MatcherCeiling() {}

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * Entry point: MatcherCeiling PATH TEXT_COL TITLE_COL; {@code -Dpasses=N} timed passes over the
   * corpus after a warm-up (3 by default), the best reported.
   */
  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
    List<String[]> docs = new ArrayList<>();
    for (Row r :
        spark
            .read()
            .parquet(args[0])
            .select(col(args[2]).cast("string"), col(args[1]).cast("string"))
            .collectAsList()) {
      docs.add(new String[] {TextCleaner.clean(r.getString(0)), TextCleaner.clean(r.getString(1))});
    }
    spark.stop();
    StateMatcher m = StateSettings.defaults(Analysis.defaults()).matcher();
    int passes = Integer.getInteger("passes", 3);
    long sink = 0;
    for (int i = 0; i < Math.min(3000, docs.size()); i++) {
      sink += m.find(orEmpty(docs.get(i)[0]), orEmpty(docs.get(i)[1])).size();
    }
    // Thread CPU time as well as wall time: on a shared machine the wall time of one thread
    // measures the load of the others; the best of several passes is the matcher's cost.
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double bestWall = Double.MAX_VALUE;
    double bestCpu = Double.MAX_VALUE;
    long mentions = 0;
    for (int pass = 0; pass < passes; pass++) {
      long c0 = cpu.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      mentions = 0;
      for (String[] d : docs) {
        mentions += m.find(orEmpty(d[0]), orEmpty(d[1])).size();
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
      bestWall = Math.min(bestWall, wall);
      bestCpu = Math.min(bestCpu, cpuSeconds);
      System.out.printf(
          Locale.ROOT, "pass %d: seconds=%.3f cpu_seconds=%.3f%n", pass + 1, wall, cpuSeconds);
    }
    sink += mentions;
    System.out.printf(
        Locale.ROOT,
        "matcher_single_thread docs=%d seconds=%.3f cpu_seconds=%.3f mentions=%d (best of %d;"
            + " sink %d)%n",
        docs.size(),
        bestWall,
        bestCpu,
        mentions,
        passes,
        sink);
  }
}
