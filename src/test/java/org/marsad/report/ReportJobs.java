package org.marsad.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Developer tool (test classpath): how many Spark jobs and seconds {@link FolderReports#read} takes
 * on an output folder, and the size of the page in each language. Usage: {@code java -cp
 * target/classes:target/test-classes:$(cat target/classpath.txt) @conf/jvm-opens.args
 * org.marsad.report.ReportJobs OUTPUT_DIR}.
 */
public final class ReportJobs {

  private ReportJobs() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    AtomicInteger jobs = new AtomicInteger();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart e) {
                jobs.incrementAndGet();
              }
            });
    long t = System.nanoTime();
    ReportInputs in = FolderReports.read(spark, args[0]);
    double seconds = (System.nanoTime() - t) / 1e9;
    Thread.sleep(500); // the listener bus delivers the last job starts asynchronously
    System.out.printf("FolderReports.read: %d Spark jobs, %.1f s%n", jobs.get(), seconds);
    for (String lang : ReportData.LANGS) {
      int before = jobs.get();
      String page = Report.write(spark, args[0], in, lang);
      System.out.printf(
          "%s: %,d bytes, %d Spark jobs%n",
          lang, Files.size(Path.of(page.replaceFirst("^file:", ""))), jobs.get() - before);
    }
    spark.stop();
  }
}
