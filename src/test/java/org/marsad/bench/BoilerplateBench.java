package org.marsad.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.boilerplate.Boilerplate;
import org.marsad.boilerplate.BoilerplateParams;
import org.marsad.boilerplate.BoilerplateScan;
import org.marsad.corpus.CorpusOptions;

/**
 * The boilerplate scan alone on a corpus, three times in one local[2] session (the first includes
 * the JVM's and Spark's warm-up), with the default thresholds; prints the seconds of each and the
 * manifest entry of the last.
 *
 * <p>{@code BoilerplateBench CORPUS ID_COL TEXT_COL DATE_COL SOURCE_COL}
 */
public final class BoilerplateBench {

  private BoilerplateBench() {}

  public static void main(String[] a) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Dataset<Row> d = spark.read().parquet(a[0]);
    CorpusOptions o = BenchConfig.corpus(a[1], a[2], a[3], a[4]);
    BoilerplateParams p = BoilerplateParams.defaults();
    Boilerplate b = null;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      b = BoilerplateScan.find(d, o, o.dateParser(), p, 2_000_000L);
      System.out.printf(
          "boilerplate_scan run=%d seconds=%.2f lines=%d%n",
          i + 1, (System.nanoTime() - t) / 1e9, b.size());
    }
    System.out.println(BoilerplateScan.toManifest(b, p));
    spark.stop();
  }
}
