package org.marsad.bench;

import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.text.Analysis;
import org.marsad.text.DocumentTerms;
import org.marsad.text.LanguageDetector;
import org.marsad.text.TextAnalyzer;
import org.marsad.text.TextCleaner;
import org.marsad.text.Token;

/**
 * Benchmark: single-thread throughput of the per-document work of the terms stage (cleaning,
 * language detection, analysis of title and body, per-document counts) over a corpus held in
 * memory. Prints {@code docs bytes seconds} for the timed pass. Usage: AnalyzerCeiling PATH
 * TEXT_COL TITLE_COL.
 */
public final class AnalyzerCeiling {

  private AnalyzerCeiling() {}

  /** Entry point. */
  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
    List<String[]> docs = new ArrayList<>();
    long bytes = 0;
    for (Row r :
        spark
            .read()
            .parquet(args[0])
            .select(col(args[2]).cast("string"), col(args[1]).cast("string"))
            .collectAsList()) {
      String title = r.getString(0);
      String text = r.getString(1);
      docs.add(new String[] {title, text});
      bytes +=
          (title == null ? 0 : title.getBytes(StandardCharsets.UTF_8).length)
              + (text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length);
    }
    spark.stop();
    Analysis analysis = Analysis.defaults();
    long sink = 0;
    for (int i = 0; i < Math.min(3000, docs.size()); i++) { // warm-up
      sink += work(analysis, docs.get(i));
    }
    long t0 = System.nanoTime();
    for (String[] d : docs) {
      sink += work(analysis, d);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "ceiling_single_thread docs=%d bytes=%d seconds=%.3f tokens=%d%n",
        docs.size(),
        bytes,
        s,
        sink);
  }

  static long work(Analysis analysis, String[] d) {
    String title = TextCleaner.clean(d[0]);
    String text = TextCleaner.clean(d[1]);
    if (text == null || text.isEmpty()) {
      return 0;
    }
    String lang = LanguageDetector.detect(text);
    TextAnalyzer a = analysis.forLanguage(lang);
    List<List<Token>> fields = new ArrayList<>();
    if (title != null) {
      fields.add(a.analyze(title));
    }
    fields.add(a.analyze(text));
    return DocumentTerms.of(fields).nTokens();
  }
}
