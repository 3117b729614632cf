package org.marsad.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the document-scope co-mention network for Gephi: one weighted GEXF per period ({@code
 * networks/<period>.gexf}: nodes are states with their names and document counts, edges carry
 * co_docs as weight and npmi) and the same edges as {@code networks/edges.csv}. Reads the already
 * aggregated tables, which are small (at most one row per pair of states and period).
 */
public final class NetworkWriter {

  private NetworkWriter() {}

  /** Writes the networks under {@code dir}; returns the number of GEXF files. */
  public static int write(
      SparkSession spark, String dir, Dataset<Row> comentions, Dataset<Row> states) {
    Map<String, String[]> names = new TreeMap<>();
    for (Row r : states.collectAsList()) {
      names.put(r.getAs("iso2"), new String[] {r.getAs("name_en"), r.getAs("name_ar")});
    }
    List<Row> edges =
        comentions
            .filter("scope = 'document'")
            .select("period", "state_a", "state_b", "co_docs", "docs_a", "docs_b", "npmi")
            .orderBy("period", "state_a", "state_b")
            .collectAsList();
    Map<String, StringBuilder> perPeriodEdges = new TreeMap<>();
    Map<String, Map<String, Long>> perPeriodNodes = new TreeMap<>();
    StringBuilder csv = new StringBuilder("\uFEFFperiod,source,target,weight,npmi\n");
    for (Row e : edges) {
      String period = e.getAs("period");
      String a = e.getAs("state_a");
      String b = e.getAs("state_b");
      long co = e.getAs("co_docs");
      double npmi = e.getAs("npmi");
      Map<String, Long> nodes = perPeriodNodes.computeIfAbsent(period, k -> new LinkedHashMap<>());
      nodes.put(a, e.getAs("docs_a"));
      nodes.put(b, e.getAs("docs_b"));
      StringBuilder s = perPeriodEdges.computeIfAbsent(period, k -> new StringBuilder());
      s.append(
          String.format(
              Locale.ROOT,
              "      <edge id=\"%s-%s\" source=\"%s\" target=\"%s\" weight=\"%d\"><attvalues><attvalue for=\"npmi\" value=\"%.6f\"/></attvalues></edge>%n",
              a,
              b,
              a,
              b,
              co,
              npmi));
      csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.6f%n", period, a, b, co, npmi));
    }
    Path out = new Path(dir);
    try {
      FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(out, true);
      fs.mkdirs(out);
      for (var p : perPeriodEdges.entrySet()) {
        StringBuilder g = new StringBuilder();
        g.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n")
            .append(
                "  <meta><creator>Marsad</creator><description>States co-mentioned in documents, period ")
            .append(xml(p.getKey()))
            .append("</description></meta>\n")
            .append("  <graph defaultedgetype=\"undirected\">\n")
            .append(
                "    <attributes class=\"node\"><attribute id=\"name_ar\" title=\"name_ar\" type=\"string\"/>")
            .append("<attribute id=\"docs\" title=\"docs\" type=\"long\"/></attributes>\n")
            .append(
                "    <attributes class=\"edge\"><attribute id=\"npmi\" title=\"npmi\" type=\"double\"/></attributes>\n")
            .append("    <nodes>\n");
        for (var n : perPeriodNodes.get(p.getKey()).entrySet()) {
          String[] nm = names.getOrDefault(n.getKey(), new String[] {n.getKey(), n.getKey()});
          g.append(
              String.format(
                  Locale.ROOT,
                  "      <node id=\"%s\" label=\"%s\"><attvalues><attvalue for=\"name_ar\" value=\"%s\"/><attvalue for=\"docs\" value=\"%d\"/></attvalues></node>%n",
                  n.getKey(),
                  xml(nm[0]),
                  xml(nm[1]),
                  n.getValue()));
        }
        g.append("    </nodes>\n    <edges>\n")
            .append(p.getValue())
            .append("    </edges>\n  </graph>\n</gexf>\n");
        try (OutputStream o = fs.create(new Path(out, p.getKey() + ".gexf"), true)) {
          o.write(g.toString().getBytes(StandardCharsets.UTF_8));
        }
      }
      try (OutputStream o = fs.create(new Path(out, "edges.csv"), true)) {
        o.write(csv.toString().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "Cannot write networks to " + dir + ": " + ex.getMessage(), ex);
    }
    return perPeriodEdges.size();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
