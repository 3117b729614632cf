package org.marsad.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marsad.text.ArabicNormalizer;
import org.marsad.text.RawToken;
import org.marsad.text.Tokenizer;

/**
 * Developer tool that lists frequent Arabic word pairs of a corpus that differ only by a spelling
 * alternation of transliterated names (غ/ج/ق/ك, ت/ط, س/ص, د/ض, ز/ذ, ير/ري, an inserted long vowel
 * ا/و/ي, one word or two), so that {@code conf/text/ar-variants.tsv} can grow from what the press
 * really writes; and, with {@code -Dinfix=...}, every word that contains a substring, to check that
 * an alternation rule of {@code conf/text/ar-alternations.tsv} touches no other word.
 *
 * <p>Words are normalised with {@link ArabicNormalizer} and compared without the clitics و ف ب ل
 * and the article, as the analyser sees them. Run with the test classpath:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *   [-Dmin=20] [-Dtop=400] [-Dinfix=اميرك] org.marsad.tools.ArabicVariantPairs \
 *   ../shared/corpora/ant-multisource text,title [more corpus folders and columns ...]
 * </pre>
 *
 * <p>Prints {@code kind<TAB>word<TAB>count<TAB>variant<TAB>count<TAB>similarity}, the most frequent
 * pairs first (by the rarer of the two counts). Most pairs of plain Arabic words that differ by one
 * letter are distinct words (بعد/بعض، سلاح/صلاح); spelling variants of one word are used in the
 * same contexts, so a second pass keeps only pairs whose neighbour-word vectors have a cosine
 * similarity of at least {@code -Dsim} (default 0.5): ترامب/ترمب and أميركي/أمريكي pass, بعد/بعض
 * does not. The list is material for a person to curate, not a table.
 */
public final class ArabicVariantPairs {

  private static final String[][] SWAPS = {
    {"غ", "ج"},
    {"غ", "ق"},
    {"ج", "ق"},
    {"غ", "ك"},
    {"ج", "ك"},
    {"ت", "ط"},
    {"س", "ص"},
    {"د", "ض"},
    {"ز", "ذ"},
    {"ير", "ري"},
    {"ف", "ب"}
  };
  private static final String[] VOWELS = {"ا", "و", "ي"};

  private ArabicVariantPairs() {}

  /** Entry point: pairs of corpus folders and comma-separated text columns. */
  public static void main(String[] args) throws Exception {
    int min = Integer.getInteger("min", 20);
    int top = Integer.getInteger("top", 400);
    double sim = Double.parseDouble(System.getProperty("sim", "0.5"));
    String infix = System.getProperty("infix");
    Map<String, Integer> words = new HashMap<>();
    Map<String, Integer> bigrams = new HashMap<>();
    for (int a = 0; a + 1 < args.length; a += 2) {
      count(args[a], args[a + 1], words, bigrams);
    }
    if (infix != null) {
      String needle = ArabicNormalizer.normalize(infix);
      words.entrySet().stream()
          .filter(e -> e.getKey().contains(needle))
          .sorted((x, y) -> y.getValue() - x.getValue())
          .forEach(e -> System.out.println(e.getKey() + "\t" + e.getValue()));
      return;
    }
    List<String[]> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : words.entrySet()) {
      String w = e.getKey();
      if (e.getValue() < min || w.length() < 3) {
        continue;
      }
      for (String[] s : SWAPS) {
        for (int i = w.indexOf(s[0]); i >= 0; i = w.indexOf(s[0], i + 1)) {
          String v = w.substring(0, i) + s[1] + w.substring(i + s[0].length());
          emit(out, s[0] + "/" + s[1], w, v, words, min);
        }
      }
      // An extra long vowel written in one spelling only (ترامب/ترمب, نتانياهو/نتنياهو).
      for (int i = 1; i < w.length(); i++) {
        for (String vowel : VOWELS) {
          String v = w.substring(0, i) + vowel + w.substring(i);
          emit(out, "+" + vowel, w, v, words, min);
        }
      }
    }
    for (Map.Entry<String, Integer> e : bigrams.entrySet()) {
      if (e.getValue() >= min) {
        String joined = e.getKey().replace(" ", "");
        Integer c = words.get(joined);
        if (c != null && c >= min) {
          out.add(new String[] {"space", e.getKey(), "" + e.getValue(), joined, "" + c});
        }
      }
    }
    Map<String, Map<String, Integer>> contexts = new HashMap<>();
    for (String[] r : out) {
      if (r[0].equals("space")) {
        continue;
      }
      for (String w : new String[] {r[1], r[3]}) {
        contexts.put(w, new HashMap<>());
      }
    }
    for (int a = 0; a + 1 < args.length; a += 2) {
      neighbours(args[a], args[a + 1], contexts);
    }
    List<String[]> kept = new ArrayList<>();
    for (String[] r : out) {
      if (r[0].equals("space")) {
        // A two-word spelling has no single-token context: kept for the person to judge.
        kept.add(new String[] {r[0], r[1], r[2], r[3], r[4], "-"});
        continue;
      }
      double c = cosine(contexts.get(r[1]), contexts.get(r[3]));
      if (c >= sim) {
        kept.add(new String[] {r[0], r[1], r[2], r[3], r[4], String.format("%.2f", c)});
      }
    }
    out = kept;
    out.sort(
        (x, y) ->
            Integer.compare(
                Math.min(Integer.parseInt(y[2]), Integer.parseInt(y[4])),
                Math.min(Integer.parseInt(x[2]), Integer.parseInt(x[4]))));
    out.stream().limit(top).forEach(r -> System.out.println(String.join("\t", r)));
  }

  private static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      na += (double) e.getValue() * e.getValue();
      Integer o = b.get(e.getKey());
      if (o != null) {
        dot += (double) e.getValue() * o;
      }
    }
    for (int v : b.values()) {
      nb += (double) v * v;
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** Counts the words just before (L:) and after (R:) each word of {@code contexts}. */
  private static void neighbours(
      String path, String cols, Map<String, Map<String, Integer>> contexts) throws Exception {
    forEachText(
        path,
        cols,
        text -> {
          List<String> keys = new ArrayList<>();
          for (RawToken t : Tokenizer.tokenize(text)) {
            keys.add(key(ArabicNormalizer.normalize(t.surface())));
          }
          for (int i = 0; i < keys.size(); i++) {
            Map<String, Integer> m = keys.get(i) == null ? null : contexts.get(keys.get(i));
            if (m == null) {
              continue;
            }
            if (i > 0 && keys.get(i - 1) != null) {
              m.merge("L:" + keys.get(i - 1), 1, Integer::sum);
            }
            if (i + 1 < keys.size() && keys.get(i + 1) != null) {
              m.merge("R:" + keys.get(i + 1), 1, Integer::sum);
            }
          }
        });
  }

  private static void forEachText(String path, String cols, java.util.function.Consumer<String> f)
      throws Exception {
    String glob = path.endsWith(".parquet") ? path : path + "/*.parquet";
    int n = cols.split(",").length;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT " + cols + " FROM read_parquet('" + glob.replace("'", "''") + "')")) {
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          String text = rs.getString(i);
          if (text != null) {
            f.accept(text);
          }
        }
      }
    }
  }

  private static void emit(
      List<String[]> out, String kind, String w, String v, Map<String, Integer> words, int min) {
    Integer c = words.get(v);
    if (c != null && c >= min && !v.equals(w)) {
      out.add(new String[] {kind, w, "" + words.get(w), v, "" + c});
    }
  }

  private static void count(
      String path, String cols, Map<String, Integer> words, Map<String, Integer> bigrams)
      throws Exception {
    forEachText(
        path,
        cols,
        text -> {
          String prev = null;
          int prevSentence = -1;
          for (RawToken t : Tokenizer.tokenize(text)) {
            String k = key(ArabicNormalizer.normalize(t.surface()));
            if (k == null) {
              prev = null;
              continue;
            }
            words.merge(k, 1, Integer::sum);
            if (prev != null && prevSentence == t.sentence()) {
              bigrams.merge(prev + " " + k, 1, Integer::sum);
            }
            prev = k;
            prevSentence = t.sentence();
          }
        });
  }

  /** The word without a conjunction, preposition or article, or null for a non-Arabic token. */
  static String key(String n) {
    if (n.isEmpty() || !ArabicNormalizer.isArabicLetter(n.charAt(0))) {
      return null;
    }
    for (String p : new String[] {"وال", "فال", "بال", "كال", "لل", "ال"}) {
      if (n.startsWith(p) && n.length() - p.length() >= 3) {
        return n.substring(p.length());
      }
    }
    if ((n.charAt(0) == 'و' || n.charAt(0) == 'ف') && n.length() > 4) {
      return n.substring(1);
    }
    return n;
  }
}
