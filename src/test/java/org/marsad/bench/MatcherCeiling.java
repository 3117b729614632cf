package org.marsad.bench;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.states.match.StateMatcher;
import org.marsad.states.match.StateSettings;
import org.marsad.text.Analysis;
import org.marsad.text.TextCleaner;

/** Benchmark: single-thread throughput of the state matcher over a corpus held in memory. */
public final class MatcherCeiling {

  private MatcherCeiling() {}

  /** Entry point: MatcherCeiling PATH TEXT_COL TITLE_COL. */
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
    long sink = 0;
    for (int i = 0; i < Math.min(3000, docs.size()); i++) {
      sink +=
          m.find(
                  docs.get(i)[0] == null ? "" : docs.get(i)[0],
                  docs.get(i)[1] == null ? "" : docs.get(i)[1])
              .size();
    }
    long t0 = System.nanoTime();
    for (String[] d : docs) {
      sink += m.find(d[0] == null ? "" : d[0], d[1] == null ? "" : d[1]).size();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "matcher_single_thread docs=%d seconds=%.3f mentions=%d%n",
        docs.size(),
        s,
        sink);
  }
}
