package org.marsad.states.match;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.text.Analysis;
import org.marsad.text.WordLists;

/**
 * The gazetteer, cities, context rules, ambiguous places, news agencies and rule word lists the
 * state matcher uses: the packaged {@code conf/gazetteer} tables, or the contents of the user's
 * (read once on the driver, so they travel to the executors with the job). Serializable settings;
 * each JVM builds and caches the matcher itself.
 */
public final class StateSettings implements Serializable {

  private static final long serialVersionUID = 4L;

  /**
   * The rule files a {@code --gazetteer} folder may replace, as paths relative to it ({@code
   * rules/sports.tsv} ...): the word lists of the matcher's rules, see {@code
   * conf/gazetteer/NOTICE.md}.
   */
  public static final List<String> RULE_FILES =
      RuleFiles.LISTS.keySet().stream().sorted().map(n -> RuleFiles.FOLDER + n).toList();

  private static final ConcurrentHashMap<StateSettings, StateMatcher> CACHE =
      new ConcurrentHashMap<>();

  private final List<String> states;
  private final List<String> forms;
  private final List<String> rules;
  private final List<String> cities;
  private final List<String> places;
  private final List<String> agencies;
  private final TreeMap<String, List<String>> ruleFiles;
  private final Analysis analysis;
  private final int hash;

  /**
   * Settings from table contents (lines as {@link WordLists#lines} gives them), null for the
   * packaged table.
   *
   * @param states lines of states.tsv
   * @param forms lines of forms.tsv
   * @param rules lines of context_rules.tsv
   * @param analysis the analysis settings (their Arabic stop words)
   */
  public StateSettings(
      List<String> states, List<String> forms, List<String> rules, Analysis analysis) {
    this(states, forms, rules, null, null, null, analysis);
  }

  /**
   * Settings from table contents (lines as {@link WordLists#lines} gives them), null for the
   * packaged table.
   *
   * @param states lines of states.tsv
   * @param forms lines of forms.tsv
   * @param rules lines of context_rules.tsv
   * @param cities lines of cities.tsv
   * @param places lines of ambiguous_places.tsv
   * @param agencies lines of agencies.tsv
   * @param analysis the analysis settings (their Arabic stop words)
   */
  public StateSettings(
      List<String> states,
      List<String> forms,
      List<String> rules,
      List<String> cities,
      List<String> places,
      List<String> agencies,
      Analysis analysis) {
    this(states, forms, rules, cities, places, agencies, null, analysis);
  }

  /**
   * Settings from table contents (lines as {@link WordLists#lines} gives them), null for the
   * packaged table.
   *
   * @param states lines of states.tsv
   * @param forms lines of forms.tsv
   * @param rules lines of context_rules.tsv
   * @param cities lines of cities.tsv
   * @param places lines of ambiguous_places.tsv
   * @param agencies lines of agencies.tsv
   * @param ruleFiles lines of the user's rule files by path ({@code rules/sports.tsv}, one of
   *     {@link #RULE_FILES}); a file absent from the map (or a null map) is the packaged one
   * @param analysis the analysis settings (their Arabic stop words)
   */
  public StateSettings(
      List<String> states,
      List<String> forms,
      List<String> rules,
      List<String> cities,
      List<String> places,
      List<String> agencies,
      Map<String, List<String>> ruleFiles,
      Analysis analysis) {
    this.ruleFiles = new TreeMap<>();
    if (ruleFiles != null) {
      for (Map.Entry<String, List<String>> e : ruleFiles.entrySet()) {
        if (!RULE_FILES.contains(e.getKey())) {
          throw new IllegalArgumentException(
              "Cannot use rule file " + e.getKey() + ": unknown; use one of " + RULE_FILES);
        }
        if (e.getValue() != null) {
          this.ruleFiles.put(e.getKey(), List.copyOf(e.getValue()));
        }
      }
    }
    this.states = copy(states);
    this.forms = copy(forms);
    this.rules = copy(rules);
    this.cities = copy(cities);
    this.places = copy(places);
    this.agencies = copy(agencies);
    this.analysis = analysis;
    this.hash =
        Objects.hash(
            this.states,
            this.forms,
            this.rules,
            this.cities,
            this.places,
            this.agencies,
            this.ruleFiles,
            analysis);
  }

  private static List<String> copy(List<String> l) {
    return l == null ? null : List.copyOf(l);
  }

  /** The packaged gazetteer with the given analysis settings. */
  public static StateSettings defaults(Analysis analysis) {
    return new StateSettings(null, null, null, analysis);
  }

  /** The matcher of these settings, built once per JVM. */
  public StateMatcher matcher() {
    StateMatcher m = CACHE.get(this);
    return m != null
        ? m
        : CACHE.computeIfAbsent(
            this,
            s ->
                new StateMatcher(
                    gazetteer(),
                    rulesLines(),
                    orPackaged(places, "gazetteer/ambiguous_places.tsv"),
                    orPackaged(agencies, "gazetteer/agencies.tsv"),
                    new RuleFiles(userRuleFiles()),
                    s.analysis.arabicStopWords()));
  }

  /** The user's rule files by file name within {@code rules/}. */
  private Map<String, List<String>> userRuleFiles() {
    Map<String, List<String>> out = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : ruleFiles.entrySet()) {
      out.put(e.getKey().substring(RuleFiles.FOLDER.length()), e.getValue());
    }
    return out;
  }

  private static List<String> orPackaged(List<String> lines, String name) {
    return lines != null ? lines : WordLists.lines(name, null);
  }

  /** The gazetteer of these settings. */
  public Gazetteer gazetteer() {
    return Gazetteer.of(
        orPackaged(states, "gazetteer/states.tsv"),
        formsLines(),
        orPackaged(cities, "gazetteer/cities.tsv"));
  }

  /** The lines of the forms table in force. */
  public List<String> formsLines() {
    return forms != null ? forms : WordLists.lines("gazetteer/forms.tsv", null);
  }

  private List<String> rulesLines() {
    return rules != null ? rules : WordLists.lines("gazetteer/context_rules.tsv", null);
  }

  /** The analysis settings. */
  public Analysis analysis() {
    return analysis;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateSettings s
        && hash == s.hash
        && Objects.equals(states, s.states)
        && Objects.equals(forms, s.forms)
        && Objects.equals(rules, s.rules)
        && Objects.equals(cities, s.cities)
        && Objects.equals(places, s.places)
        && Objects.equals(agencies, s.agencies)
        && ruleFiles.equals(s.ruleFiles)
        && analysis.equals(s.analysis);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
