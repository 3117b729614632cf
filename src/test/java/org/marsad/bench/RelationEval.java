package org.marsad.bench;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.analysis.DocumentPass;
import org.marsad.analysis.PassSettings;
import org.marsad.corpus.CorpusOptions;
import org.marsad.relations.Named;
import org.marsad.relations.PairRelation;
import org.marsad.relations.Relation;
import org.marsad.relations.RelationClassifier;
import org.marsad.states.match.StateMatcher;
import org.marsad.states.match.StateSettings;
import org.marsad.text.Analysis;
import org.marsad.text.Field;
import org.marsad.text.LanguageIdentifier;
import org.marsad.text.TextCleaner;

/**
 * Benchmark of the relation classifier, two modes.
 *
 * <p>{@code RelationEval score SET.jsonl [SHARED_DIR]}: scores the rules and the keyword baseline
 * ({@link KeywordBaseline}) on a labelled relations set (bench/relations/dev.jsonl; the held-out
 * test.jsonl only with {@code -Dheldout=true}): per language, per-class precision, recall and F1,
 * macro-F1 over cooperation, conflict and neutral, the confusion matrix, and the quad class and
 * direction agreement. States come from the state matcher run over the sentence, as in a run; a
 * labelled state the matcher misses is added from its span (counted). The set is loaded with {@code
 * org.marsad.relations.data.RelationDevSet} when it is on the classpath, else read here the same
 * way (references resolved against the shared corpora, SHA-1 checked).
 *
 * <p>{@code RelationEval cost CORPUS TEXT_COL TITLE_COL [DOCS]}: per-document cost on one thread
 * beside the analysis pass ({@link AnalyzerCeiling}'s measure, in the same run): the state matcher
 * gives the mentions (not timed), then only the classification of the sentences naming two states
 * or more is timed; best of three passes after a warm-up; prints ms/doc of both and the ratio.
 */
public final class RelationEval {

  private RelationEval() {}

  /** One labelled pair with its sentence. */
  record Item(
      String id,
      String lang,
      String source,
      String docId,
      String text,
      String a,
      String b,
      int[] aSpan,
      int[] bSpan,
      String relation,
      String quad,
      String direction) {

    String sentenceKey() {
      return id.substring(0, id.indexOf(':'));
    }
  }

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("score")) {
      Path set = Path.of(args[1]);
      if (set.getFileName().toString().startsWith("test") && !Boolean.getBoolean("heldout")) {
        throw new IllegalArgumentException(
            "Cannot score " + set + ": the held-out set is scored only with -Dheldout=true");
      }
      Path shared = Path.of(args.length > 2 ? args[2] : "../shared");
      score(cached(set, shared));
    } else if (args.length >= 4 && args[0].equals("cost")) {
      cost(args[1], args[2], args[3], args.length > 4 ? Integer.parseInt(args[4]) : -1);
    } else {
      System.err.println(
          "Usage: RelationEval score SET.jsonl [SHARED_DIR] | cost CORPUS TEXT_COL TITLE_COL [DOCS]");
      System.exit(2);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Quality

  private static final Relation[] CLASSES = {
    Relation.COOPERATION, Relation.CONFLICT, Relation.NEUTRAL
  };

  static void score(List<Item> items) {
    RelationClassifier rc = RelationClassifier.defaults();
    KeywordBaseline kw = new KeywordBaseline(rc);
    StateMatcher matcher = StateMatcher.defaults(Analysis.defaults());
    Map<String, List<Item>> bySentence = new LinkedHashMap<>();
    for (Item it : items) {
      bySentence.computeIfAbsent(it.sentenceKey(), k -> new ArrayList<>()).add(it);
    }
    Map<String, int[][]> rules = new TreeMap<>();
    Map<String, int[][]> base = new TreeMap<>();
    Map<String, int[]> extra =
        new TreeMap<>(); // pairs, quad right, direction right, relation right, added
    int added = 0;
    boolean verbose = Boolean.getBoolean("verbose");
    for (List<Item> group : bySentence.values()) {
      Item first = group.get(0);
      String lang = first.lang();
      Field f = Field.of(first.text());
      List<Named> named = new ArrayList<>();
      Set<String> found = new TreeSet<>();
      for (StateMatcher.Mention m : matcher.findIn(lang, f)) {
        named.add(new Named(m.iso2(), m.start(), m.end(), m.form()));
        found.add(m.iso2());
      }
      for (Item it : group) {
        added += addMissing(named, found, it.a(), it.aSpan());
        added += addMissing(named, found, it.b(), it.bSpan());
      }
      Map<String, PairRelation> predicted = new HashMap<>();
      for (PairRelation p : rc.classify(lang, first.text(), named)) {
        predicted.put(p.a() + "-" + p.b(), p);
      }
      Relation baseline = kw.classify(lang, first.text());
      for (Item it : group) {
        PairRelation p = predicted.get(it.a() + "-" + it.b());
        Relation gold = Relation.valueOf(it.relation().toUpperCase(Locale.ROOT));
        Relation got = p == null ? Relation.NEUTRAL : p.relation();
        rules.computeIfAbsent(lang, k -> new int[3][3])[gold.ordinal()][got.ordinal()]++;
        base.computeIfAbsent(lang, k -> new int[3][3])[gold.ordinal()][baseline.ordinal()]++;
        int[] e = extra.computeIfAbsent(lang, k -> new int[3]);
        if (got == gold) {
          e[0]++;
          if (p != null && p.quad().label().equals(it.quad())) {
            e[1]++;
          } else if (p == null && it.quad().equals("neutral")) {
            e[1]++;
          }
          String dir = p == null ? "none" : p.direction().label();
          if (dir.equals(it.direction())) {
            e[2]++;
          }
        }
        if (verbose && got != gold) {
          System.out.printf(
              "MISS %s gold=%s/%s/%s got=%s %s | %s%n",
              it.id(),
              it.quad(),
              it.direction(),
              it.relation(),
              p == null ? "none" : p.quad().label() + "/" + p.direction().label(),
              p == null ? "" : p.cue(),
              it.text().replace("\n", " "));
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "relations set: %d pairs in %d sentences; %d labelled states the matcher missed were added%n",
        items.size(),
        bySentence.size(),
        added);
    for (String lang : rules.keySet()) {
      System.out.println();
      report("rules   " + lang, rules.get(lang));
      report("keyword " + lang, base.get(lang));
      int[] e = extra.get(lang);
      System.out.printf(
          Locale.ROOT,
          "rules   %s: of %d pairs with the right relation, quad right %d (%.3f), direction right %d (%.3f)%n",
          lang,
          e[0],
          e[1],
          e[0] == 0 ? 0.0 : (double) e[1] / e[0],
          e[2],
          e[0] == 0 ? 0.0 : (double) e[2] / e[0]);
    }
  }

  private static int addMissing(List<Named> named, Set<String> found, String iso, int[] span) {
    if (found.contains(iso)) {
      return 0;
    }
    named.add(new Named(iso, span[0], span[1], "name"));
    found.add(iso);
    return 1;
  }

  private static void report(String what, int[][] m) {
    double macro = 0;
    StringBuilder b = new StringBuilder();
    int total = 0;
    int right = 0;
    for (int c = 0; c < 3; c++) {
      int tp = m[c][c];
      int fp = 0;
      int fn = 0;
      for (int o = 0; o < 3; o++) {
        if (o != c) {
          fp += m[o][c];
          fn += m[c][o];
        }
        total += m[c][o];
      }
      right += tp;
      double f1 = Prf.f1(tp, fp, fn);
      macro += f1 / 3;
      b.append(
          String.format(
              Locale.ROOT,
              "  %-11s P=%.3f R=%.3f F1=%.3f (gold %d)%n",
              CLASSES[c].label(),
              Prf.precision(tp, fp),
              Prf.recall(tp, fn),
              f1,
              tp + fn));
    }
    System.out.printf(
        Locale.ROOT,
        "%s: macro-F1=%.3f accuracy=%.3f (%d pairs)%n%s",
        what,
        macro,
        total == 0 ? 0.0 : (double) right / total,
        total,
        b);
    System.out.println("  confusion (rows gold, columns predicted: cooperation conflict neutral)");
    for (int c = 0; c < 3; c++) {
      System.out.printf(
          Locale.ROOT, "  %-11s %5d %5d %5d%n", CLASSES[c].label(), m[c][0], m[c][1], m[c][2]);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loading a set

  /**
   * The set's pairs, read from {@code -Dcache=FILE} when that file exists, else loaded and then
   * written there (the file holds corpus text: keep it outside the repository).
   */
  static List<Item> cached(Path jsonl, Path shared) throws Exception {
    String cache = System.getProperty("cache");
    if (cache == null || cache.isBlank()) {
      return load(jsonl, shared);
    }
    Path file = Path.of(cache);
    ObjectMapper json = new ObjectMapper();
    if (Files.exists(file)) {
      List<Item> out = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(json.readValue(line, Item.class));
        }
      }
      return out;
    }
    List<Item> items = load(jsonl, shared);
    List<String> lines = new ArrayList<>(items.size());
    for (Item it : items) {
      lines.add(json.writeValueAsString(it));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return items;
  }

  /** The set's pairs: through the data helper's loader when it is on the classpath, else here. */
  static List<Item> load(Path jsonl, Path shared) throws Exception {
    Class<?> loader;
    try {
      loader = Class.forName("org.marsad.relations.data.RelationDevSet");
    } catch (ClassNotFoundException e) {
      loader = null;
    }
    if (loader != null) {
      Method load = loader.getMethod("load", Path.class, Path.class);
      List<?> pairs = (List<?>) load.invoke(null, jsonl, shared);
      List<Item> out = new ArrayList<>(pairs.size());
      for (Object p : pairs) {
        out.add(
            new Item(
                (String) get(p, "id"),
                (String) get(p, "lang"),
                (String) get(p, "source"),
                (String) get(p, "docId"),
                (String) get(p, "text"),
                (String) get(p, "a"),
                (String) get(p, "b"),
                span(get(p, "aSpan")),
                span(get(p, "bSpan")),
                (String) get(p, "relation"),
                (String) get(p, "quad"),
                (String) get(p, "direction")));
      }
      return out;
    }
    return readHere(jsonl, shared);
  }

  private static Object get(Object record, String accessor) throws Exception {
    Method m = record.getClass().getMethod(accessor);
    m.setAccessible(true);
    return m.invoke(record);
  }

  private static int[] span(Object s) throws Exception {
    return new int[] {(Integer) get(s, "start"), (Integer) get(s, "end")};
  }

  private static final Map<String, String[]> SOURCES =
      Map.of(
          "ant", new String[] {"ant-multisource", "docno", "title", "text"},
          "jawharafm", new String[] {"jawharafm", "docno", "title", "text"},
          "reuters", new String[] {"reuters21578-train", "newid", "title", "body"});

  private static List<Item> readHere(Path jsonl, Path shared) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        nodes.add(json.readTree(line));
      }
    }
    Map<String, Set<String>> wanted = new TreeMap<>();
    for (JsonNode n : nodes) {
      if (!n.hasNonNull("text")) {
        wanted
            .computeIfAbsent(n.get("corpus").asText(), k -> new TreeSet<>())
            .add(n.get("doc_id").asText());
      }
    }
    Map<String, Map<String, List<String[]>>> docs = new HashMap<>();
    if (!wanted.isEmpty()) {
      SparkSession spark =
          SparkSession.builder()
              .master("local[1]")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .getOrCreate();
      for (Map.Entry<String, Set<String>> w : wanted.entrySet()) {
        String[] s = SOURCES.get(w.getKey());
        if (s == null) {
          throw new IllegalStateException(
              "Cannot load "
                  + jsonl
                  + ": unknown corpus "
                  + w.getKey()
                  + "; known "
                  + SOURCES.keySet());
        }
        Map<String, List<String[]>> byId = new HashMap<>();
        for (Row r :
            spark
                .read()
                .parquet(shared.resolve("corpora").resolve(s[0]).toString())
                .select(
                    col(s[1]).cast("string"), col(s[2]).cast("string"), col(s[3]).cast("string"))
                .where(col(s[1]).cast("string").isin(w.getValue().toArray()))
                .collectAsList()) {
          byId.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
              .add(new String[] {r.getString(1), r.getString(2)});
        }
        docs.put(w.getKey(), byId);
      }
      spark.stop();
    }
    List<Item> out = new ArrayList<>(nodes.size());
    for (JsonNode n : nodes) {
      String id = n.get("id").asText();
      String text = n.hasNonNull("text") ? n.get("text").asText() : null;
      String sha1 = n.get("sha1").asText();
      if (text == null) {
        List<String[]> found = docs.get(n.get("corpus").asText()).get(n.get("doc_id").asText());
        int start = n.get("start").asInt();
        int end = n.get("end").asInt();
        for (String[] d : found == null ? List.<String[]>of() : found) {
          String cleaned = TextCleaner.clean(d[n.get("field").asText().equals("title") ? 0 : 1]);
          if (cleaned != null && end <= cleaned.length()) {
            String cut = cleaned.substring(start, end);
            if (sha1(cut).equals(sha1)) {
              text = cut;
              break;
            }
          }
        }
        if (text == null) {
          throw new IllegalStateException(
              "Cannot load " + jsonl + ": pair " + id + " does not resolve against " + shared);
        }
      }
      out.add(
          new Item(
              id,
              n.get("lang").asText(),
              n.get("source").asText(),
              n.get("doc_id").asText(),
              text,
              n.get("a").asText(),
              n.get("b").asText(),
              new int[] {n.get("a_span").get(0).asInt(), n.get("a_span").get(1).asInt()},
              new int[] {n.get("b_span").get(0).asInt(), n.get("b_span").get(1).asInt()},
              n.get("relation").asText(),
              n.get("quad").asText(),
              n.get("direction").asText()));
    }
    return out;
  }

  private static String sha1(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Cost

  /** A document's fields with the sentences naming two states or more. */
  private record Prepared(
      String lang, List<Field> fields, List<int[]> sentences, List<List<Named>> named) {}

  static void cost(String path, String textCol, String titleCol, int limit) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    List<String[]> docs = new ArrayList<>();
    var df =
        spark
            .read()
            .parquet(path)
            .select(col(titleCol).cast("string"), col(textCol).cast("string"));
    for (Row r : (limit > 0 ? df.limit(limit) : df).collectAsList()) {
      docs.add(new String[] {r.getString(0), r.getString(1)});
    }
    spark.stop();
    Analysis analysis = Analysis.defaults();
    DocumentPass pass =
        new DocumentPass(
            PassSettings.of(
                CorpusOptions.defaults(),
                analysis,
                List.of(
                    org.marsad.terms.TermsExtractor.FACTORY,
                    org.marsad.states.StatesExtractor.factory(
                        StateSettings.defaults(analysis),
                        java.util.Set.of("name", "adjective", "capital")))),
            false);
    StateMatcher matcher = StateMatcher.defaults(analysis);
    RelationClassifier rc = RelationClassifier.defaults();
    LanguageIdentifier id = LanguageIdentifier.get();
    // Mentions once, outside the timing: the pass has them already when it calls the classifier.
    List<Prepared> prepared = new ArrayList<>(docs.size());
    long sentences = 0;
    for (String[] d : docs) {
      String title = TextCleaner.clean(d[0]);
      String text = TextCleaner.clean(d[1]);
      String lang = id.identify(title, text == null ? "" : text);
      List<Field> fields = new ArrayList<>(2);
      fields.add(Field.of(title));
      fields.add(Field.of(text));
      List<int[]> ss = new ArrayList<>();
      List<List<Named>> ns = new ArrayList<>();
      Map<Long, List<Named>> bySentence = new TreeMap<>();
      for (StateMatcher.Mention m : matcher.findIn(lang, fields.toArray(new Field[0]))) {
        bySentence
            .computeIfAbsent(((long) m.field() << 32) | m.sentence(), k -> new ArrayList<>())
            .add(new Named(m.iso2(), m.start(), m.end(), m.form()));
      }
      for (Map.Entry<Long, List<Named>> e : bySentence.entrySet()) {
        if (e.getValue().stream().map(Named::iso2).distinct().count() >= 2) {
          ss.add(new int[] {(int) (e.getKey() >>> 32), (int) (long) e.getKey()});
          ns.add(e.getValue());
        }
      }
      sentences += ss.size();
      prepared.add(new Prepared(lang, fields, ss, ns));
    }
    long[] pairs = new long[1];
    double passSeconds =
        best(
            () -> {
              for (String[] d : docs) {
                DocumentPass.Outcome o = pass.process("x", d[1], d[0], null, null);
                if (o.analysis() != null) {
                  pairs[0] += o.analysis().terms().length;
                }
              }
            });
    long[] out = new long[1];
    double relSeconds =
        best(
            () -> {
              out[0] = 0;
              for (Prepared p : prepared) {
                for (int k = 0; k < p.sentences().size(); k++) {
                  int[] s = p.sentences().get(k);
                  out[0] +=
                      rc.classify(p.lang(), p.fields().get(s[0]), s[1], p.named().get(k)).size();
                }
              }
            });
    double passMs = passSeconds * 1000 / docs.size();
    double relMs = relSeconds * 1000 / docs.size();
    System.out.printf(
        Locale.ROOT,
        "analysis_pass_single_thread docs=%d seconds=%.3f ms_per_doc=%.4f%n",
        docs.size(),
        passSeconds,
        passMs);
    System.out.printf(
        Locale.ROOT,
        "relations_single_thread docs=%d sentences_with_2_states=%d pairs=%d seconds=%.3f ms_per_doc=%.4f ratio=%.4f%n",
        docs.size(),
        sentences,
        out[0],
        relSeconds,
        relMs,
        relMs / passMs);
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
}
