package org.marsad.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.marsad.states.match.Gazetteer;
import org.marsad.states.match.StateMatcher;
import org.marsad.text.Analysis;
import org.marsad.text.WordLists;

/**
 * Developer tool that runs the state matcher over a Parquet corpus with two gazetteer folders and
 * prints every (state, form, surface) whose mention count differs, with an example, so that a
 * change of {@code conf/gazetteer} can be checked for side effects on a corpus before it lands.
 *
 * <p>{@code GazetteerDiff <old dir> <new dir> <parquet path> <text column>[,<title column>]
 * [limit]}; each dir holds {@code states.tsv} and {@code forms.tsv} (context rules are the packaged
 * ones). Run with the test classpath, e.g. {@code java -cp target/classes:target/test-classes:$(cat
 * target/test-classpath.txt) org.marsad.tools.GazetteerDiff /tmp/old conf/gazetteer
 * ../shared/corpora/ant-multisource text,title}.
 */
public final class GazetteerDiff {

  private GazetteerDiff() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Analysis analysis = Analysis.defaults();
    List<String> rules = WordLists.lines("gazetteer/context_rules.tsv", null);
    StateMatcher a = new StateMatcher(Gazetteer.load(args[0]), rules, analysis.arabicStopWords());
    StateMatcher b = new StateMatcher(Gazetteer.load(args[1]), rules, analysis.arabicStopWords());
    String[] cols = args[3].split(",");
    long limit = args.length > 4 ? Long.parseLong(args[4]) : Long.MAX_VALUE;
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, String> examples = new HashMap<>();
    long docs = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT "
                    + String.join(", ", cols)
                    + " FROM read_parquet('"
                    + args[2].replace("'", "''")
                    + (args[2].endsWith(".parquet") ? "" : "/*.parquet")
                    + "')")) {
      while (rs.next() && docs++ < limit) {
        String[] fields = new String[cols.length];
        for (int i = 0; i < cols.length; i++) {
          fields[i] = rs.getString(i + 1);
        }
        tally(a.find(fields), counts, 0, null, null);
        tally(b.find(fields), counts, 1, examples, fields);
      }
    }
    System.out.println("documents: " + docs);
    counts.forEach(
        (k, v) -> {
          if (v[0] != v[1]) {
            System.out.println(k + "\t" + v[0] + "\t" + v[1] + "\t" + examples.getOrDefault(k, ""));
          }
        });
  }

  private static void tally(
      List<StateMatcher.Mention> ms,
      Map<String, int[]> counts,
      int side,
      Map<String, String> examples,
      String[] fields) {
    List<String> keys = new ArrayList<>();
    for (StateMatcher.Mention m : ms) {
      String k = m.iso2() + "\t" + m.form() + "\t" + m.surface();
      counts.computeIfAbsent(k, x -> new int[2])[side]++;
      keys.add(k);
      if (examples != null && !examples.containsKey(k)) {
        String t = fields[m.field()];
        int s = Math.max(0, m.start() - 40);
        int e = Math.min(t.length(), m.end() + 40);
        examples.put(k, t.substring(s, e).replace('\n', ' ').replace('\t', ' '));
      }
    }
  }
}
