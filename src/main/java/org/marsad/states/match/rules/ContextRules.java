package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Verdict;

/**
 * The editable context rules of {@code context_rules.tsv} for forms that are also ordinary words or
 * other places (a rule on an Arabic word without its article holds for its definite form too):
 * {@code not_after} and {@code not_before} drop a match after or before one of the words; {@code
 * needs_context} keeps it only when the document holds one of the words (all tokens of a multi-word
 * one), the word before is a place word ({@code @place}, also satisfied by a stripped clitic), or
 * the match is a dateline's place.
 */
public final class ContextRules implements EntryRule {

  private record Rule(String kind, List<String[]> words) {}

  private static final Set<String> KINDS = Set.of("not_after", "not_before", "needs_context");

  private final Map<String, List<Rule>> rules = new HashMap<>();
  private final Set<String> cueWords = new HashSet<>();
  private final Set<String> placeWords;

  /** The rules of the lines of {@code context_rules.tsv} (surface, rule, words). */
  public ContextRules(List<String> lines, RuleFiles files) {
    this.placeWords = files.words("place_words.tsv").set("place");
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f.length < 3) {
        throw new IllegalArgumentException(
            "Cannot load context rules: expected 'surface<TAB>rule<TAB>words': " + line);
      }
      if (!KINDS.contains(f[1])) {
        throw new IllegalArgumentException(
            "Cannot load context rules: unknown rule " + f[1] + " in: " + line);
      }
      List<String[]> words = words(f[2]);
      Rule rule = new Rule(f[1], words);
      String key = Keys.joinedKey(f[0]);
      rules.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
      if (Keys.isArabic(key) && !key.startsWith("ال") && key.indexOf(' ') < 0) {
        // An Arabic adjective is listed without its article, which the gazetteer adds: its rule
        // holds for the definite form too (المجري as مجري, اللاويين as لاويين).
        rules.computeIfAbsent("ال" + key, k -> new ArrayList<>()).add(rule);
      }
      if (f[1].equals("needs_context")) {
        addCues(words, cueWords);
      }
    }
  }

  /**
   * The words of a comma-separated cue column, each as its tokens' keys; {@code @place} stays as it
   * is.
   */
  static List<String[]> words(String commaSeparated) {
    List<String[]> words = new ArrayList<>();
    for (String w : commaSeparated.split(",")) {
      String s = w.strip();
      if (!s.isEmpty()) {
        words.add(s.equals("@place") ? new String[] {"@place"} : Keys.keys(s));
      }
    }
    return words;
  }

  /** Adds the tokens of {@code words} (not {@code @place}) to {@code cues}. */
  static void addCues(List<String[]> words, Set<String> cues) {
    for (String[] w : words) {
      if (!w[0].equals("@place")) {
        cues.addAll(List.of(w));
      }
    }
  }

  /** Whether every token of {@code w} is among the document's cue words. */
  static boolean inDocument(String[] w, Set<String> context) {
    for (String t : w) {
      if (!context.contains(t)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Set<String> cueWords() {
    return cueWords;
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    for (Rule rule : rules.getOrDefault(m.key(), List.of())) {
      switch (rule.kind()) {
        case "not_after" -> {
          for (String[] w : rule.words()) {
            if (w.length == 1 && m.prevReadings().contains(w[0])) {
              return Verdict.NONE;
            }
          }
        }
        case "not_before" -> {
          for (String[] w : rule.words()) {
            if (w.length == 1 && m.next() != null && m.field().matchesToken(m.end() + 1, w[0])) {
              return Verdict.NONE;
            }
          }
        }
        default -> { // needs_context
          boolean ok = m.dateline();
          for (String[] w : rule.words()) {
            if (w[0].equals("@place")) {
              ok |=
                  m.prev() != null
                      && (Keys.anyIn(m.prevReadings(), placeWords) || m.reading().letters() > 0);
            } else {
              ok |= inDocument(w, m.context());
            }
          }
          if (!ok) {
            return Verdict.NONE;
          }
        }
      }
    }
    return Verdict.PASS;
  }
}
