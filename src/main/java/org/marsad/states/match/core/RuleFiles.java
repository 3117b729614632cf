package org.marsad.states.match.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marsad.text.WordLists;

/**
 * The rule files of {@code conf/gazetteer/rules/}: the user's copy where one was given (read on the
 * driver, see {@code StateSettings}), else the packaged one.
 */
public final class RuleFiles {

  /** The folder of the rule files, under {@code conf/gazetteer}. */
  public static final String FOLDER = "rules/";

  /** Every rule file and its lists (documented in {@code conf/gazetteer/NOTICE.md}). */
  public static final Map<String, Set<String>> LISTS =
      Map.ofEntries(
          Map.entry("place_words.tsv", Set.of("place")),
          Map.entry("clitics.tsv", Set.of("elided", "article", "persian_plural")),
          Map.entry("compounds.tsv", Set.of("combining", "modifier")),
          Map.entry("datelines.tsv", Set.of("month")),
          Map.entry("geographic_features.tsv", Set.of("before", "after")),
          Map.entry("regions.tsv", Set.of("state", "compass", "continent")),
          Map.entry("korea.tsv", Set.of("korea", "north", "south")),
          Map.entry("congo.tsv", Set.of("congo", "brazzaville")),
          Map.entry("currency.tsv", Set.of("before", "after")),
          Map.entry("capitals.tsv", Set.of("cue")),
          Map.entry("state_nouns.tsv", Set.of("noun")),
          Map.entry(
              "sports.tsv",
              Set.of(
                  "strong",
                  "weak",
                  "opponent",
                  "team_noun",
                  "side",
                  "competition",
                  "sport_competition",
                  "sport_name",
                  "coordination",
                  "location",
                  "host")),
          Map.entry("clubs.tsv", Set.of("club", "noun", "qualifier")),
          Map.entry(
              "indices.tsv",
              Set.of("index", "noun", "exchange", "market", "market_after", "qualifier")),
          Map.entry("person_names.tsv", Set.of("state", "not_given", "title", "nasab", "given")),
          Map.entry("amman_oman.tsv", Set.of("jordan", "oman", "jordan_before", "oman_before")),
          Map.entry("places.tsv", Set.of("place", "outlet")),
          Map.entry("languages.tsv", Set.of("before", "after", "language", "language_before")));

  private final Map<String, List<String>> overrides;
  private final Map<String, RuleWords> loaded = new HashMap<>();

  /**
   * The rule files, with the lines of the user's copies by file name ({@code sports.tsv}); files
   * absent from the map are the packaged ones.
   */
  public RuleFiles(Map<String, List<String>> overrides) {
    this.overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
  }

  /** The packaged rule files only. */
  public static RuleFiles packaged() {
    return new RuleFiles(Map.of());
  }

  /** The lists of rule file {@code name} (one of {@link #LISTS}). */
  public RuleWords words(String name) {
    Set<String> known = LISTS.get(name);
    if (known == null) {
      throw new IllegalArgumentException("No rule file " + name + "; known: " + LISTS.keySet());
    }
    return loaded.computeIfAbsent(name, n -> new RuleWords(path(n), lines(n), known));
  }

  /** The lines of rule file {@code name}. */
  public List<String> lines(String name) {
    List<String> user = overrides.get(name);
    return user != null ? user : WordLists.lines("gazetteer/" + FOLDER + name, null);
  }

  private static String path(String name) {
    return "gazetteer/" + FOLDER + name;
  }
}
