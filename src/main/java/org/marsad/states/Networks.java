package org.marsad.states;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.marsad.pipeline.PairAttributes;

/**
 * The document-scope co-mention network for Gephi: one weighted GEXF per period ({@code
 * <period>.gexf}: nodes are states with their names and document counts, edges carry co_docs as
 * weight and npmi) and the same edges as {@code edges.csv}. Built from the aggregated tables, which
 * are small (at most one row per pair of states and period).
 */
public final class Networks {

  private Networks() {}

  /** The network files (name → content): one GEXF per period, and edges.csv. */
  public static Map<String, String> files(List<Row> comentions, List<Row> states) {
    return files(comentions, states, new PairAttributes());
  }

  /**
   * The network files, the edges carrying also the pair attributes another stage gave (the
   * relations' tone, cooperation and conflict sentences) where it gave them.
   */
  public static Map<String, String> files(
      List<Row> comentions, List<Row> states, PairAttributes extra) {
    List<String> extraNames = new java.util.ArrayList<>(extra.names());
    Map<String, String[]> names = new TreeMap<>();
    for (Row r : states) {
      names.put(r.getString(0), new String[] {r.getString(2), r.getString(3)});
    }
    // state_comentions rows: period, scope, state_a, state_b, co_docs, docs_a, docs_b, ... npmi
    List<Row> edges = new java.util.ArrayList<>();
    for (Row r : comentions) {
      if (r.getString(1).equals("document")) {
        edges.add(
            RowFactory.create(
                r.getString(0),
                r.getString(2),
                r.getString(3),
                r.getLong(4),
                r.getLong(5),
                r.getLong(6),
                r.getDouble(11)));
      }
    }
    edges.sort(
        java.util.Comparator.comparing((Row x) -> x.getString(0))
            .thenComparing(x -> x.getString(1))
            .thenComparing(x -> x.getString(2)));
    Map<String, StringBuilder> perPeriodEdges = new TreeMap<>();
    Map<String, Map<String, Long>> perPeriodNodes = new TreeMap<>();
    StringBuilder csv = new StringBuilder("\uFEFFperiod,source,target,weight,npmi\n");
    for (Row e : edges) {
      String period = e.getString(0);
      String a = e.getString(1);
      String b = e.getString(2);
      long co = e.getLong(3);
      double npmi = e.getDouble(6);
      Map<String, Long> nodes = perPeriodNodes.computeIfAbsent(period, k -> new LinkedHashMap<>());
      nodes.put(a, e.getLong(4));
      nodes.put(b, e.getLong(5));
      StringBuilder s = perPeriodEdges.computeIfAbsent(period, k -> new StringBuilder());
      StringBuilder more = new StringBuilder();
      extra
          .of(period, a, b)
          .forEach(
              (name, v) ->
                  more.append(
                      String.format(
                          Locale.ROOT, "<attvalue for=\"%s\" value=\"%.6f\"/>", xml(name), v)));
      s.append(
          String.format(
              Locale.ROOT,
              "      <edge id=\"%s-%s\" source=\"%s\" target=\"%s\" weight=\"%d\"><attvalues><attvalue for=\"npmi\" value=\"%.6f\"/>%s</attvalues></edge>%n",
              a,
              b,
              a,
              b,
              co,
              npmi,
              more));
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
              "    <attributes class=\"edge\"><attribute id=\"npmi\" title=\"npmi\" type=\"double\"/>")
          .append(edgeAttributes(extraNames))
          .append("</attributes>\n")
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

  private static String edgeAttributes(List<String> names) {
    StringBuilder b = new StringBuilder();
    for (String n : names) {
      b.append("<attribute id=\"")
          .append(xml(n))
          .append("\" title=\"")
          .append(xml(n))
          .append("\" type=\"double\"/>");
    }
    return b.toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
