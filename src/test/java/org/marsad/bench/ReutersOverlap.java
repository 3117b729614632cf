package org.marsad.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.text.WordLists;

/**
 * Benchmark: overlap of Marsad's document-level states with Reuters-21578's editor-assigned {@code
 * places} (mapped to ISO codes with conf/gazetteer/reuters_places.tsv), over documents whose places
 * map to at least one state. A document's states are those of its mentions in the forms the run
 * counted ({@code --forms}, read from the output's manifest; name, adjective and capital by
 * default). Usage: ReutersOverlap CORPUS MARSAD_OUTPUT.
 */
public final class ReutersOverlap {

  private ReutersOverlap() {}

  /** The forms the run in {@code output} counted, from its manifest's resolved config. */
  static String[] forms(String output) {
    try {
      java.nio.file.Path m = java.nio.file.Path.of(output, "_manifest.json");
      if (java.nio.file.Files.exists(m)) {
        com.fasterxml.jackson.databind.JsonNode forms =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(m.toFile())
                .path("config")
                .path("forms");
        if (forms.isTextual() && !forms.asText().isBlank()) {
          return forms.asText().split(",");
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new String[] {"name", "adjective", "capital"};
  }

  /** Entry point. */
  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    Map<String, String> map = new HashMap<>();
    List<String> lines = WordLists.lines("gazetteer/reuters_places.tsv", null);
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split("\t", -1);
      if (f.length >= 2 && !f[1].isBlank()) {
        map.put(f[0], f[1]);
      }
    }
    Dataset<Row> corpus = spark.read().parquet(args[0]);
    boolean isArray =
        corpus.schema().apply("places").dataType() instanceof org.apache.spark.sql.types.ArrayType;
    Dataset<Row> places =
        corpus
            .select(
                col("newid").cast("string").as("doc_id"),
                explode(isArray ? col("places") : split(col("places"), "[,;| ]+")).as("p"))
            .filter(trim(col("p")).notEqual(""))
            .groupBy("doc_id")
            .agg(collect_set(trim(col("p"))).as("places"));
    Dataset<Row> found =
        spark
            .read()
            .parquet(args[1] + "/state_mentions")
            .filter(col("form").isin((Object[]) forms(args[1])))
            .groupBy("doc_id")
            .agg(collect_set("state").as("states"));
    Dataset<Row> docs =
        spark
            .read()
            .parquet(args[1] + "/documents")
            .filter(col("duplicate_of").isNull())
            .select("doc_id");
    List<Row> rows =
        docs.join(places, "doc_id").join(found, new String[] {"doc_id"}, "left").collectAsList();
    long n = 0;
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long exact = 0;
    for (Row r : rows) {
      Set<String> gold = new HashSet<>();
      for (Object p : r.getList(r.fieldIndex("places"))) {
        String iso = map.get(p.toString());
        if (iso != null) {
          gold.add(iso);
        }
      }
      if (gold.isEmpty()) {
        continue;
      }
      n++;
      Set<String> got = new HashSet<>();
      if (!r.isNullAt(r.fieldIndex("states"))) {
        for (Object s : r.getList(r.fieldIndex("states"))) {
          got.add(s.toString());
        }
      }
      Set<String> inter = new HashSet<>(gold);
      inter.retainAll(got);
      tp += inter.size();
      fp += got.size() - inter.size();
      fn += gold.size() - inter.size();
      if (got.equals(gold)) {
        exact++;
      }
    }
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double rc = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    System.out.printf(
        Locale.ROOT,
        "reuters_overlap docs=%d places_covered_by_marsad=%.4f marsad_states_in_places=%.4f exact_docs=%.4f%n",
        n,
        rc,
        p,
        (double) exact / Math.max(1, n));
    spark.stop();
  }
}
