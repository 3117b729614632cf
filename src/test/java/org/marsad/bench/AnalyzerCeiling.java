package org.marsad.bench;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.analysis.DocumentPass;
import org.marsad.corpus.CorpusOptions;
import org.marsad.text.Analysis;

/**
 * Benchmark: single-thread throughput of the analysis pass's per-document work (cleaning, language,
 * analysis of title and body, state mentions with their contexts, per-document counts and their
 * encoding) over a corpus held in memory, measured beside Lucene's {@code ArabicAnalyzer} chain
 * with a HashMap term count over the same texts, in the same run. Each is run three times after a
 * warm-up; the best pass counts. Usage: AnalyzerCeiling PATH TEXT_COL TITLE_COL.
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
    DocumentPass pass =
        new DocumentPass(
            org.marsad.analysis.Passes.settings(CorpusOptions.defaults(), analysis), false);
    Analyzer lucene = new ArabicAnalyzer();
    double ours = best(() -> ours(pass, docs));
    double theirs = best(() -> lucene(lucene, docs));
    System.out.printf(
        Locale.ROOT,
        "ceiling_single_thread docs=%d bytes=%d seconds=%.3f mb_s=%.2f%n",
        docs.size(),
        bytes,
        ours,
        bytes / 1e6 / ours);
    System.out.printf(
        Locale.ROOT,
        "lucene_arabic_single_thread docs=%d bytes=%d seconds=%.3f mb_s=%.2f%n",
        docs.size(),
        bytes,
        theirs,
        bytes / 1e6 / theirs);
  }

  private static double best(Runnable r) {
    r.run(); // warm-up
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      r.run();
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best;
  }

  private static long sink;

  private static void ours(DocumentPass pass, List<String[]> docs) {
    for (String[] d : docs) {
      DocumentPass.Outcome o = pass.process("x", d[1], d[0], null, null);
      if (o.analysis() != null) {
        sink += o.analysis().terms().length + o.analysis().mentions().length;
      }
    }
  }

  private static void lucene(Analyzer a, List<String[]> docs) {
    for (String[] d : docs) {
      HashMap<String, Integer> counts = new HashMap<>();
      for (String field : d) {
        if (field == null) {
          continue;
        }
        try (TokenStream ts = a.tokenStream("t", field)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            counts.merge(term.toString(), 1, Integer::sum);
          }
          ts.end();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      sink += counts.size();
    }
  }
}
