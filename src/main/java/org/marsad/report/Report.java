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
   * committed with the tables it describes), naming {@code output} as the output folder.
   */
  public static String render(SparkSession spark, String tables, String output) {
    spark.sparkContext().setJobGroup("marsad-report", "HTML report", false);
    try {
      com.fasterxml.jackson.databind.node.ObjectNode data = new ReportData(spark, tables).build();
      ((com.fasterxml.jackson.databind.node.ObjectNode) data.get("meta")).put("output", output);
      return ReportHtml.render(data);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Builds the report of the tables under {@code output} and returns the page's path. */
  public static String write(SparkSession spark, String output) {
    spark.sparkContext().setJobGroup("marsad-report", "HTML report", false);
    try {
      String html = ReportHtml.render(new ReportData(spark, output).build());
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
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }
}
