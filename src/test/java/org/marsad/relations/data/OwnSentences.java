package org.marsad.relations.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.marsad.states.match.StateMatcher;
import org.marsad.states.match.StateMatcher.Mention;
import org.marsad.text.Analysis;
import org.marsad.text.Field;
import org.marsad.text.TextCleaner;

/**
 * The sentences written for the relations sets ({@code bench/relations/own-sentences.jsonl}: French
 * and Persian, for which there is no corpus): each is matched as the run matches a one-field
 * document of its language, and written in the candidates' format (mentions with offsets in the
 * sentence) for the assembly. Usage: {@code OwnSentences OWN_JSONL OUT_FILE}.
 */
public final class OwnSentences {

  /** One written sentence. */
  record Sentence(String id, String lang, String split, String text, JsonNode labels) {}

  private OwnSentences() {}

  /** Reads {@code own-sentences.jsonl}. */
  static List<Sentence> read(Path file) {
    ObjectMapper json = new ObjectMapper();
    List<Sentence> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        out.add(
            new Sentence(
                n.get("id").asText(),
                n.get("lang").asText(),
                n.get("split").asText(),
                n.get("text").asText(),
                n.get("labels")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read written sentences: " + file, e);
    }
    return out;
  }

  /** The mentions of a cleaned sentence in the forms the run counts, as the run finds them. */
  static List<Mention> mentions(StateMatcher matcher, String lang, String text) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : matcher.findIn(lang, Field.of(text))) {
      if (CandidateExtractor.FORMS.contains(m.form())) {
        out.add(m);
      }
    }
    return out;
  }

  /** Entry point. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("Usage: OwnSentences OWN_JSONL OUT_FILE");
      System.exit(2);
    }
    StateMatcher matcher = StateMatcher.defaults(Analysis.defaults());
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      for (Sentence s : read(Path.of(args[0]))) {
        String text = TextCleaner.clean(s.text());
        if (!text.equals(s.text())) {
          throw new IllegalStateException(
              "Cannot use written sentence " + s.id() + ": it changes when cleaned");
        }
        ObjectNode o = json.createObjectNode();
        o.put("corpus", "marsad-own");
        o.put("doc_id", s.id());
        o.put("src", "marsad-own");
        o.put("field", "text");
        o.put("start", 0);
        o.put("end", text.length());
        o.put("sha1", Sentences.sha1(text));
        o.put("lang", s.lang());
        o.put("text", text);
        o.put("split", s.split());
        o.put("sid", s.id());
        ArrayNode ms = o.putArray("mentions");
        Set<String> states = new TreeSet<>();
        for (Mention m : mentions(matcher, s.lang(), text)) {
          ObjectNode mo = ms.addObject();
          mo.put("iso2", m.iso2());
          mo.put("form", m.form());
          mo.put("surface", m.surface());
          mo.put("s", m.start());
          mo.put("e", m.end());
          states.add(m.iso2());
        }
        ArrayNode st = o.putArray("states");
        states.forEach(st::add);
        o.set("labels", s.labels());
        w.write(json.writeValueAsString(o));
        w.newLine();
      }
    }
  }
}
