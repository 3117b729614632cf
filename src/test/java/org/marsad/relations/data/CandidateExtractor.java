package org.marsad.relations.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.states.match.StateMatcher;
import org.marsad.states.match.StateMatcher.Mention;
import org.marsad.text.Analysis;
import org.marsad.text.Field;
import org.marsad.text.LanguageIdentifier;
import org.marsad.text.TextCleaner;

/**
 * Writes the candidate sentences of the relations sets: every sentence of a shared corpus (ANT,
 * JawharaFM, Reuters-21578) that names two or more distinct states in the forms the run counts by
 * default (name, adjective, capital), found as the run finds them (title and body cleaned with
 * {@link TextCleaner}, cut with {@link Field}, the document's language identified and matched with
 * {@link StateMatcher#findIn}). A sentence is the run's (the tokeniser's sentence, cut as the
 * evidence snippets cut it) but in Reuters, whose bodies are wrapped at about 70 characters: there
 * a line break is no sentence end and mentions are grouped by {@link Sentences#aroundWire}. One
 * JSON object a sentence: corpus, doc_id, src, date, field (title|text), start and end of the
 * sentence in the cleaned field, its SHA-1, lang, the sentence text, its mentions (offsets within
 * the sentence) and its state pairs.
 *
 * <p>The output holds corpus text that may not be committed (ANT, Reuters): write it outside the
 * repository. Usage: {@code CandidateExtractor SHARED_DIR OUT_FILE}.
 */
public final class CandidateExtractor {

  /** The forms a candidate's mentions are counted in (the run's default {@code --forms}). */
  static final Set<String> FORMS = Set.of("name", "adjective", "capital");

  /** A corpus: its folder, expected language and columns (id, title, body, source, date). */
  record Corpus(
      String name,
      String folder,
      String lang,
      String id,
      String title,
      String body,
      String src,
      String date) {}

  static final List<Corpus> CORPORA =
      List.of(
          new Corpus("ant", "ant-multisource", "ar", "docno", "title", "text", "src", "time"),
          new Corpus("jawharafm", "jawharafm", "ar", "docno", "title", "text", null, "time"),
          new Corpus(
              "reuters", "reuters21578-train", "en", "newid", "title", "body", null, "date"));

  private CandidateExtractor() {}

  /** Entry point. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("Usage: CandidateExtractor SHARED_DIR OUT_FILE");
      System.exit(2);
    }
    Path shared = Path.of(args[0]);
    Path out = Path.of(args[1]);
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("relations-candidates")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    StateMatcher matcher = StateMatcher.defaults(Analysis.defaults());
    LanguageIdentifier identifier = LanguageIdentifier.get();
    ObjectMapper json = new ObjectMapper();
    Map<String, int[]> counts = new TreeMap<>();
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (Corpus c : CORPORA) {
        Path dir = shared.resolve("corpora").resolve(c.folder());
        List<String> cols = new ArrayList<>(List.of(c.id(), c.title(), c.body(), c.date()));
        if (c.src() != null) {
          cols.add(c.src());
        }
        Iterator<Row> rows =
            spark
                .read()
                .parquet(dir.toString())
                .selectExpr(
                    cols.stream()
                        .map(x -> "CAST(`" + x + "` AS STRING)")
                        .toList()
                        .toArray(new String[0]))
                .toLocalIterator();
        int[] n = counts.computeIfAbsent(c.name(), k -> new int[4]);
        while (rows.hasNext()) {
          Row r = rows.next();
          n[0]++;
          String id = r.getString(0);
          String title = TextCleaner.clean(r.getString(1));
          String body = TextCleaner.clean(r.getString(2));
          if (id == null || body == null || body.isEmpty()) {
            n[3]++;
            continue;
          }
          if (title != null && title.isEmpty()) {
            title = null;
          }
          String lang = identifier.identify(title, body);
          if (!lang.equals(c.lang())) {
            n[3]++;
            continue;
          }
          n[1]++;
          Field t = Field.of(title);
          Field b = Field.of(body);
          boolean wire = c.name().equals("reuters");
          Map<String, List<Mention>> bySentence = new LinkedHashMap<>();
          for (Mention m : matcher.findIn(lang, t, b)) {
            if (FORMS.contains(m.form())) {
              String key = m.field() + ":" + m.sentence();
              if (wire) {
                String f = m.field() == 0 ? title : body;
                key = m.field() + ":" + Sentences.aroundWire(f, m.start(), m.end())[0];
              }
              bySentence.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
          }
          for (List<Mention> ms : bySentence.values()) {
            Set<String> states = new TreeSet<>();
            ms.forEach(m -> states.add(m.iso2()));
            if (states.size() < 2) {
              continue;
            }
            Mention first = ms.get(0);
            String text = first.field() == 0 ? title : body;
            int[] s =
                wire
                    ? Sentences.aroundWire(text, first.start(), ms.get(ms.size() - 1).end())
                    : Sentences.around(text, first.start(), ms.get(ms.size() - 1).end());
            String sentence = text.substring(s[0], s[1]);
            ObjectNode o = json.createObjectNode();
            o.put("corpus", c.name());
            o.put("doc_id", id);
            o.put("src", c.src() == null ? c.name() : r.getString(4));
            o.put("date", r.getString(3));
            o.put("field", first.field() == 0 ? "title" : "text");
            o.put("start", s[0]);
            o.put("end", s[1]);
            o.put("sha1", Sentences.sha1(sentence));
            o.put("lang", lang);
            o.put("text", sentence);
            ArrayNode mentions = o.putArray("mentions");
            for (Mention m : ms) {
              ObjectNode mo = mentions.addObject();
              mo.put("iso2", m.iso2());
              mo.put("form", m.form());
              mo.put("surface", m.surface());
              mo.put("s", m.start() - s[0]);
              mo.put("e", m.end() - s[0]);
            }
            ArrayNode st = o.putArray("states");
            states.forEach(st::add);
            w.write(json.writeValueAsString(o));
            w.newLine();
            n[2]++;
          }
        }
      }
    }
    counts.forEach(
        (k, v) ->
            System.out.printf(
                "candidates corpus=%s docs=%d analysed=%d sentences=%d skipped=%d%n",
                k, v[0], v[1], v[2], v[3]));
    spark.stop();
  }
}
