package org.marsad.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.marsad.analysis.DocumentPass;
import org.marsad.corpus.CorpusOptions;
import org.marsad.pipeline.MentionsBlob;
import org.marsad.text.Analysis;

/**
 * Document-level state accuracy on our own news-style examples ({@code
 * src/test/resources/states/<lang>-news.jsonl}: id, title, text, the states the document names by
 * name, adjective or capital, and {@code city_states}, those it names only through a city). Each
 * document goes through the analysis pass as a corpus row without a language column (cleaned,
 * identified, analysed, matched); its states are those of its mentions in the counted forms. Micro
 * P/R/F1 over documents, and how many documents were identified as the file's language. Also a
 * command: {@code StateDocGold [lang ...]} prints one {@code dev_score lang=fr p=... r=... f1=...}
 * line per language (fr and fa by default; {@code -Dforms=name,adjective,capital,city}) and, with
 * {@code -Dmisses=true}, every wrong document.
 */
public final class StateDocGold {

  /** Default forms: those {@code --forms} counts by default. */
  public static final Set<String> DEFAULT_FORMS = Set.of("name", "adjective", "capital");

  /** Scores, identification and the wrong documents. */
  public record Score(
      String lang, int docs, int identified, int tp, int fp, int fn, List<String> misses) {
    public double precision() {
      return Prf.precision(tp, fp);
    }

    public double recall() {
      return Prf.recall(tp, fn);
    }

    public double f1() {
      return Prf.f1(tp, fp, fn);
    }

    /** The line the benchmark reads. */
    public String line() {
      return String.format(
          Locale.ROOT,
          "dev_score lang=%s p=%.4f r=%.4f f1=%.4f docs=%d identified=%d tp=%d fp=%d fn=%d",
          lang,
          precision(),
          recall(),
          f1(),
          docs,
          identified,
          tp,
          fp,
          fn);
    }
  }

  private StateDocGold() {}

  /** The packaged examples of {@code lang}. */
  public static List<String> lines(String lang) {
    String name = "states/" + lang + "-news.jsonl";
    try (InputStream in = StateDocGold.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("Cannot score: no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Scores the documents of {@code lines} (JSONL) expected in {@code lang}, counting {@code forms}.
   */
  public static Score score(String lang, List<String> lines, Set<String> forms) throws IOException {
    Analysis analysis = Analysis.defaults();
    DocumentPass pass =
        new DocumentPass(
            org.marsad.analysis.Passes.settings(CorpusOptions.defaults(), analysis), false);
    ObjectMapper json = new ObjectMapper();
    int docs = 0;
    int identified = 0;
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> misses = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      String id = n.get("id").asText();
      Set<String> want = new TreeSet<>();
      n.get("states").forEach(s -> want.add(s.asText()));
      if (forms.contains("city") && n.has("city_states")) {
        n.get("city_states").forEach(s -> want.add(s.asText()));
      }
      DocumentPass.Outcome o =
          pass.process(id, n.get("text").asText(), n.path("title").asText(null), null, null);
      docs++;
      if (lang.equals(o.lang())) {
        identified++;
      }
      Set<String> got = new TreeSet<>();
      List<String> all = new ArrayList<>();
      if (o.analysis() != null) {
        for (MentionsBlob.Mention m : MentionsBlob.decode(o.analysis().mentions())) {
          all.add(m.state() + ":" + m.form() + ":" + m.surface());
          if (forms.contains(m.form())) {
            got.add(m.state());
          }
        }
      }
      Set<String> missing = new TreeSet<>(want);
      missing.removeAll(got);
      Set<String> extra = new TreeSet<>(got);
      extra.removeAll(want);
      tp += want.size() - missing.size();
      fn += missing.size();
      fp += extra.size();
      if (!missing.isEmpty() || !extra.isEmpty() || !lang.equals(o.lang())) {
        misses.add(
            id
                + "\tlang "
                + o.lang()
                + "\tmissed "
                + missing
                + "\textra "
                + extra
                + "\tfound "
                + all);
      }
    }
    return new Score(lang, docs, identified, tp, fp, fn, misses);
  }

  /** Prints a {@code dev_score} line per language (args: languages, or files as lang=path). */
  public static void main(String[] args) throws IOException {
    Set<String> forms =
        Set.of(System.getProperty("forms", String.join(",", DEFAULT_FORMS)).split(","));
    List<String> langs = args.length == 0 ? List.of("fr", "fa") : List.of(args);
    for (String a : langs) {
      int eq = a.indexOf('=');
      String lang = eq < 0 ? a : a.substring(0, eq);
      List<String> lines =
          eq < 0
              ? lines(lang)
              : Files.readAllLines(Path.of(a.substring(eq + 1)), StandardCharsets.UTF_8);
      Score s = score(lang, lines, forms);
      System.out.println(s.line());
      if (Boolean.getBoolean("misses")) {
        s.misses().forEach(System.out::println);
      }
    }
  }
}
