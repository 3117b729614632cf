package org.marsad.states;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The document-scope co-mention network for Gephi: one weighted GEXF per period ({@code
 * <period>.gexf}: nodes are states with their names and document counts, edges carry co_docs as
 * weight and npmi) and the same edges as {@code edges.csv}. Built from the aggregated tables, which
 * are small (at most one row per pair of states and period).
 */
public final class Networks {

  private Networks() {}

  /** The network files (name → content): one GEXF per period, and edges.csv. */
  public static Map<String, String> files(Dataset<Row> comentions, Dataset<Row> states) {
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
    Map<String, String> files = new LinkedHashMap<>();
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
      files.put(p.getKey() + ".gexf", g.toString());
    }
    files.put("edges.csv", csv.toString());
    return files;
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
