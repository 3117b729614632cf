package org.marsad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.marsad.io.ConfFiles;
import org.marsad.relations.Named;
import org.marsad.relations.PairRelation;
import org.marsad.relations.RelationClassifier;
import org.marsad.states.match.StateMatcher;
import org.marsad.text.Analysis;
import org.marsad.text.Field;
import org.marsad.text.LanguageCodes;
import org.marsad.text.LanguageIdentifier;
import org.marsad.text.TextCleaner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the relation of every pair of states named together in a sentence of each text. */
@Command(
    name = "relate",
    mixinStandardHelpOptions = true,
    description = {
      "Print id<TAB>a<TAB>b<TAB>relation<TAB>quad<TAB>direction<TAB>cue for every pair of states named"
          + " in one sentence of each text (cooperation, conflict or neutral; PLOVER quad class;"
          + " a>b when a acts on b). No Spark session.",
      "Texts: --input FILE (JSON lines {\"id\",\"text\"[,\"lang\"]}), TEXT arguments, or lines of"
          + " stdin (ids 1, 2, 3 ...)."
    })
final class RelateCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description =
          "Language of every text: ar, en, fr or fa (default: a record's \"lang\", else identified).")
  String lang;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "JSON lines with \"id\" and \"text\" (and optionally \"lang\").")
  String input;

  @Option(
      names = "--cues",
      paramLabel = "LANG=FILE",
      description = "A cue lexicon replacing the packaged conf/relations/LANG.tsv (repeatable).")
  Map<String, String> cues = new HashMap<>();

  @Parameters(arity = "0..*", paramLabel = "TEXT")
  List<String> text;

  private record Doc(String id, String text, String lang) {}

  @Override
  public Integer call() throws IOException {
    if (input != null && text != null && !text.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Give either --input FILE or TEXT arguments, not both");
    }
    String code = null;
    if (lang != null) {
      code = LanguageCodes.normalize(lang);
      if (code == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--lang must name a language (ar, en, fr, fa or another ISO 639 code), not " + lang);
      }
    }
    Map<String, List<String>> overrides = new TreeMap<>();
    for (Map.Entry<String, String> e : cues.entrySet()) {
      String l = LanguageCodes.normalize(e.getKey());
      if (l == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--cues must be LANG=FILE with a language code, not " + e.getKey());
      }
      overrides.put(l, ConfFiles.lines(UserPaths.fromCommandLine(e.getValue()), "--cues " + l));
    }
    RelationClassifier classifier =
        overrides.isEmpty()
            ? RelationClassifier.defaults()
            : RelationClassifier.fromLines(overrides);
    StateMatcher matcher = StateMatcher.defaults(Analysis.defaults());
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println("id\ta\tb\trelation\tquad\tdirection\tcue");
    for (Doc d : docs()) {
      String clean = TextCleaner.clean(d.text());
      String l = code != null ? code : d.lang();
      if (l == null) {
        l = LanguageIdentifier.get().identify(clean);
      }
      for (PairRelation r : relate(classifier, matcher, l, clean)) {
        out.println(d.id() + "\t" + r.tsv());
      }
    }
    return 0;
  }

  /** The pair relations of every sentence of {@code text} naming two states or more. */
  static List<PairRelation> relate(
      RelationClassifier classifier, StateMatcher matcher, String lang, String text) {
    Field f = Field.of(text);
    Map<Integer, List<Named>> bySentence = new TreeMap<>();
    for (StateMatcher.Mention m : matcher.findIn(lang, f)) {
      bySentence
          .computeIfAbsent(m.sentence(), k -> new ArrayList<>())
          .add(new Named(m.iso2(), m.start(), m.end(), m.form()));
    }
    List<PairRelation> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Named>> e : bySentence.entrySet()) {
      if (e.getValue().stream().map(Named::iso2).distinct().count() >= 2) {
        out.addAll(classifier.classify(lang, f, e.getKey(), e.getValue()));
      }
    }
    return out;
  }

  private List<Doc> docs() throws IOException {
    List<Doc> out = new ArrayList<>();
    if (input != null) {
      String path = UserPaths.fromCommandLine(input);
      Path p = Path.of(path);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(
            "Cannot read --input: no such file (" + path + "); give a JSON lines file");
      }
      ObjectMapper json = new ObjectMapper();
      List<String> lines;
      try {
        lines = Files.readAllLines(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read --input (" + path + "): " + e.getMessage(), e);
      }
      int n = 0;
      for (String line : lines) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode o;
        try {
          o = json.readTree(line);
        } catch (IOException e) {
          o = null;
        }
        if (o == null
            || !o.isObject()
            || !o.hasNonNull("id")
            || !o.hasNonNull("text")
            || !o.get("text").isTextual()) {
          throw new IllegalArgumentException(
              "Cannot read --input: line "
                  + n
                  + " is not a JSON object with \"id\" and a string \"text\" ("
                  + path
                  + "); one object per line");
        }
        String l = o.hasNonNull("lang") ? LanguageCodes.normalize(o.get("lang").asText()) : null;
        out.add(new Doc(o.get("id").asText(), o.get("text").asText(), l));
      }
      return out;
    }
    List<String> texts = text;
    if (texts == null || texts.isEmpty()) {
      texts = new ArrayList<>();
      BufferedReader r =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          texts.add(line);
        }
      }
    }
    for (int i = 0; i < texts.size(); i++) {
      out.add(new Doc(String.valueOf(i + 1), texts.get(i), null));
    }
    return out;
  }
}
