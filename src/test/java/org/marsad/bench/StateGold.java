package org.marsad.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.marsad.states.match.StateMatcher;
import org.marsad.text.Analysis;

/**
 * Scores the state matcher on a gold file of sentences (NewsFANE-derived JSONL: id, text, states):
 * per sentence, the set of states named by a name-form mention (a national team named by its
 * country included: the flag {@link StateMatcher.Mention#team()} says what the name refers to, not
 * whether the text names the state) vs the gold set; micro P/R/F1. Also a command: {@code StateGold
 * FILE} prints the scores and every miss.
 */
public final class StateGold {

  /** Scores and the sentences that were wrong. */
  public record Score(int tp, int fp, int fn, List<String> misses) {
    public double precision() {
      return Prf.precision(tp, fp);
    }

    public double recall() {
      return Prf.recall(tp, fn);
    }

    public double f1() {
      return Prf.f1(tp, fp, fn);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "P=%.4f R=%.4f F1=%.4f (tp=%d fp=%d fn=%d)",
          precision(),
          recall(),
          f1(),
          tp,
          fp,
          fn);
    }
  }

  private StateGold() {}

  /** Scores {@code matcher} on {@code gold}, a national team named by its country counted. */
  public static Score score(StateMatcher matcher, Path gold) throws IOException {
    return score(matcher, gold, true);
  }

  /**
   * Scores {@code matcher} on {@code gold}; {@code withTeams}: whether a name flagged {@code team}
   * counts (NewsFANE's Nation tags leave most national teams out: they are tagged as teams).
   */
  public static Score score(StateMatcher matcher, Path gold, boolean withTeams) throws IOException {
    ObjectMapper json = new ObjectMapper();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> misses = new ArrayList<>();
    for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      String text = n.get("text").asText();
      Set<String> want = new TreeSet<>();
      n.get("states").forEach(s -> want.add(s.asText()));
      Set<String> got = new TreeSet<>();
      List<String> all = new ArrayList<>();
      for (StateMatcher.Mention m : matcher.find(text)) {
        all.add(m.iso2() + ":" + m.form() + (m.team() ? "+team" : "") + ":" + m.surface());
        if (m.form().equals("name") && (withTeams || !m.team())) {
          got.add(m.iso2());
        }
      }
      Set<String> missing = new TreeSet<>(want);
      missing.removeAll(got);
      Set<String> extra = new TreeSet<>(got);
      extra.removeAll(want);
      tp += want.size() - missing.size();
      fn += missing.size();
      fp += extra.size();
      if (!missing.isEmpty() || !extra.isEmpty()) {
        misses.add(
            n.get("id").asText()
                + "\tmissed "
                + missing
                + "\textra "
                + extra
                + "\tfound "
                + all
                + "\t"
                + text);
      }
    }
    return new Score(tp, fp, fn, misses);
  }

  /**
   * Prints the scores of the packaged matcher on a gold file, with and without the names flagged
   * team, and the misses of the first ({@code -Dteams=false}: of the second).
   */
  public static void main(String[] args) throws IOException {
    StateMatcher m = StateMatcher.defaults(Analysis.defaults());
    Score with = score(m, Path.of(args[0]), true);
    Score without = score(m, Path.of(args[0]), false);
    System.out.println("state gold " + with);
    System.out.println("state gold (teams left out) " + without);
    (Boolean.parseBoolean(System.getProperty("teams", "true")) ? with : without)
        .misses()
        .forEach(System.out::println);
  }
}
