package org.marsad.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Writes {@code <output>/report/index.html}: one self-contained page (charts drawn by the inlined
 * Apache ECharts, data embedded as JSON) over the tables a run wrote under {@code output}.
 */
public final class Report {

  private Report() {}

  /**
   * The page of the tables under {@code tables} (a run's staging folder, so that the report is
   * committed with the tables it describes), naming {@code output} as the output folder, in {@code
   * lang} ("ar" or "en"; null: the corpus's main language).
   */
  public static String render(SparkSession spark, String tables, String output, String lang) {
    spark.sparkContext().setJobGroup("marsad-report", "HTML report", false);
    try {
      ReportInputs in = FolderReports.read(spark, tables);
      ReportInputs.Meta m = in.meta();
      in =
          new ReportInputs(
              new ReportInputs.Meta(
                  output,
                  m.generated(),
                  m.runId(),
                  m.command(),
                  m.version(),
                  m.finished(),
                  m.period(),
                  m.inputs()),
              in.views(),
              in.corpus(),
              in.terms(),
              in.topics(),
              in.states(),
              in.changes(),
              in.evidence(),
              in.relations());
      return ReportHtml.render(lang == null ? ReportData.build(in) : ReportData.build(in, lang));
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Builds the report of the tables under {@code output} and returns the page's path. */
  public static String write(SparkSession spark, String output) {
    return write(spark, output, null);
  }

  /**
   * Builds the report of the tables under {@code output} in {@code lang} ("ar" or "en"; null: the
   * corpus's main language) and returns the page's path.
   */
  public static String write(SparkSession spark, String output, String lang) {
    spark.sparkContext().setJobGroup("marsad-report", "HTML report", false);
    try {
      return write(spark, output, FolderReports.read(spark, output), lang);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /**
   * Writes the page of {@code inputs} under {@code output} (no Spark job: the session only gives
   * the Hadoop configuration of the output's filesystem) and returns its path.
   */
  public static String write(SparkSession spark, String output, ReportInputs inputs, String lang) {
    String html =
        ReportHtml.render(lang == null ? ReportData.build(inputs) : ReportData.build(inputs, lang));
    Path dir = new Path(output, "report");
    Path page = new Path(dir, "index.html");
    Path tmp = new Path(dir, ".index.html.tmp");
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.mkdirs(dir);
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(page, false);
      if (!fs.rename(tmp, page)) {
        throw new IOException("rename " + tmp + " -> " + page + " failed");
      }
      return page.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write report: " + page + ": " + e.getMessage(), e);
    }
  }
}
