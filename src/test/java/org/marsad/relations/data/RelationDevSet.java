package org.marsad.relations.data;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.SharedSpark;
import org.marsad.text.TextCleaner;

/**
 * Loads a relations set ({@code bench/relations/dev.jsonl} or {@code test.jsonl}): one JSON object
 * per labelled pair. Pairs of ANT and Reuters carry no text (their licences forbid it in the
 * repository) but a reference: corpus, doc_id, field, start and end of the sentence in the field
 * cleaned by {@link TextCleaner#clean}, and the sentence's SHA-1. They are resolved against the
 * shared corpora (Parquet, read with the shared local Spark session): the field is cleaned again,
 * the sentence cut and its SHA-1 checked. Pairs with text (JawharaFM, our own sentences) are
 * checked against their SHA-1 too, and JawharaFM's against the corpus when it is there. Any
 * mismatch fails with the pair's id.
 */
public final class RelationDevSet {

  /** A corpus of the shared folder: its folder and the columns of id, title and body. */
  private record Source(String folder, String id, String title, String body) {}

  private static final Map<String, Source> SOURCES =
      Map.of(
          "ant", new Source("ant-multisource", "docno", "title", "text"),
          "jawharafm", new Source("jawharafm", "docno", "title", "text"),
          "reuters", new Source("reuters21578-train", "newid", "title", "body"));

  /** Sentences written for the sets: their text is in the file, there is no corpus. */
  static final String OWN = "marsad-own";

  private RelationDevSet() {}

  /**
   * Loads the pairs of {@code jsonl}, resolving references against {@code sharedDir} (the folder
   * holding {@code corpora/}; may be null when the file has no reference).
   *
   * @throws IllegalStateException naming the pair when a sentence cannot be resolved or its SHA-1
   *     does not match
   */
  public static List<LabelledPair> load(Path jsonl, Path sharedDir) {
    List<JsonNode> nodes = read(jsonl);
    boolean hasCorpora = sharedDir != null && Files.isDirectory(sharedDir.resolve("corpora"));
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    for (JsonNode n : nodes) {
      String corpus = text(n, "corpus", jsonl);
      if (corpus.equals(OWN)) {
        continue;
      }
      if (!SOURCES.containsKey(corpus)) {
        throw new IllegalStateException(
            "Cannot load "
                + jsonl
                + ": pair "
                + n.path("id").asText()
                + " names unknown corpus '"
                + corpus
                + "'; known: "
                + new TreeSet<>(SOURCES.keySet())
                + " and "
                + OWN);
      }
      if (!n.hasNonNull("text") || hasCorpora) {
        wanted.computeIfAbsent(corpus, k -> new TreeSet<>()).add(text(n, "doc_id", jsonl));
      }
    }
    Map<String, Map<String, List<String[]>>> docs = new HashMap<>();
    if (!wanted.isEmpty()) {
      if (!hasCorpora) {
        throw new IllegalStateException(
            "Cannot load "
                + jsonl
                + ": its pairs reference the corpora "
                + wanted.keySet()
                + " but there is no corpora/ folder in "
                + sharedDir
                + "; pass the shared folder (../shared)");
      }
      SparkSession spark = SharedSpark.get();
      wanted.forEach((corpus, ids) -> docs.put(corpus, fetch(spark, sharedDir, corpus, ids)));
    }
    List<LabelledPair> out = new ArrayList<>(nodes.size());
    for (JsonNode n : nodes) {
      out.add(resolve(jsonl, n, docs.get(text(n, "corpus", jsonl))));
    }
    return out;
  }

  private static List<JsonNode> read(Path jsonl) {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> nodes = new ArrayList<>();
    try {
      int line = 0;
      for (String s : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
        line++;
        if (s.isBlank()) {
          continue;
        }
        try {
          nodes.add(json.readTree(s));
        } catch (IOException e) {
          throw new IllegalStateException(
              "Cannot load " + jsonl + ": line " + line + " is not JSON: " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load " + jsonl, e);
    }
    return nodes;
  }

  /** Title and body of the documents {@code ids} of {@code corpus}, per id (ids may repeat). */
  private static Map<String, List<String[]>> fetch(
      SparkSession spark, Path sharedDir, String corpus, Set<String> ids) {
    Source s = SOURCES.get(corpus);
    Path dir = sharedDir.resolve("corpora").resolve(s.folder());
    List<Row> rows =
        spark
            .read()
            .parquet(dir.toString())
            .select(
                col(s.id()).cast("string").as("id"),
                col(s.title()).cast("string").as("title"),
                col(s.body()).cast("string").as("body"))
            .where(col("id").isin(ids.toArray()))
            .collectAsList();
    Map<String, List<String[]>> out = new HashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(new String[] {r.getString(1), r.getString(2)});
    }
    return out;
  }

  private static LabelledPair resolve(Path jsonl, JsonNode n, Map<String, List<String[]>> docs) {
    String id = text(n, "id", jsonl);
    String corpus = text(n, "corpus", jsonl);
    String docId = text(n, "doc_id", jsonl);
    String field = text(n, "field", jsonl);
    int start = n.path("start").asInt(-1);
    int end = n.path("end").asInt(-1);
    String sha1 = text(n, "sha1", jsonl);
    String text = n.hasNonNull("text") ? n.get("text").asText() : null;
    String where = "Cannot load " + jsonl + ": pair " + id + " (" + corpus + " " + docId + ")";
    if (!field.equals("title") && !field.equals("text")) {
      throw new IllegalStateException(where + ": field must be title or text, not " + field);
    }
    if (docs != null) {
      List<String[]> found = docs.get(docId);
      if (found == null) {
        throw new IllegalStateException(where + ": no document with that id in the corpus");
      }
      String cut = null;
      String seen = null;
      for (String[] doc : found) {
        String cleaned = TextCleaner.clean(doc[field.equals("title") ? 0 : 1]);
        if (cleaned == null || start < 0 || end > cleaned.length() || start > end) {
          seen = "the cleaned " + field + " has no [" + start + ", " + end + ")";
          continue;
        }
        String candidate = cleaned.substring(start, end);
        String h = Sentences.sha1(candidate);
        if (h.equals(sha1)) {
          cut = candidate;
          break;
        }
        seen = "SHA-1 " + h;
      }
      if (cut == null) {
        throw new IllegalStateException(
            where
                + ": the sentence at ["
                + start
                + ", "
                + end
                + ") of the cleaned "
                + field
                + " does not match (expected SHA-1 "
                + sha1
                + ", found "
                + seen
                + "); the corpus or TextCleaner has changed");
      }
      if (text != null && !text.equals(cut)) {
        throw new IllegalStateException(where + ": the stored text differs from the corpus");
      }
      text = cut;
    }
    if (text == null) {
      throw new IllegalStateException(where + ": no text and no corpus to resolve it from");
    }
    String h = Sentences.sha1(text);
    if (!h.equals(sha1)) {
      throw new IllegalStateException(
          where + ": the text's SHA-1 is " + h + ", the file says " + sha1);
    }
    LabelledPair.Span a = span(n, "a_span", text, where);
    LabelledPair.Span b = span(n, "b_span", text, where);
    LabelledPair.Span cue = n.path("cue_span").isNull() ? null : span(n, "cue_span", text, where);
    String cueText = n.path("cue").asText("");
    if (cue != null && !cue.of(text).equals(cueText)) {
      throw new IllegalStateException(where + ": cue_span does not hold the cue '" + cueText + "'");
    }
    return new LabelledPair(
        id,
        corpus,
        docId,
        field,
        start,
        end,
        sha1,
        text,
        text(n, "lang", jsonl),
        n.path("source").asText(corpus),
        text(n, "a", jsonl),
        text(n, "b", jsonl),
        a,
        b,
        text(n, "relation", jsonl),
        text(n, "quad", jsonl),
        text(n, "direction", jsonl),
        cueText,
        cue,
        n.path("note").asText(""));
  }

  private static LabelledPair.Span span(JsonNode n, String key, String text, String where) {
    JsonNode s = n.path(key);
    if (!s.isArray() || s.size() != 2) {
      throw new IllegalStateException(where + ": " + key + " must be [start, end]");
    }
    int from = s.get(0).asInt();
    int to = s.get(1).asInt();
    if (from < 0 || to > text.length() || from >= to) {
      throw new IllegalStateException(
          where + ": " + key + " [" + from + ", " + to + ") is outside the sentence");
    }
    return new LabelledPair.Span(from, to);
  }

  private static String text(JsonNode n, String key, Path jsonl) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new IllegalStateException(
          "Cannot load " + jsonl + ": pair " + n.path("id").asText("?") + " has no " + key);
    }
    return v.asText();
  }
}
