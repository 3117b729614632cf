package org.marsad.states.match;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marsad.text.WordLists;

/**
 * The states Marsad recognises ({@code conf/gazetteer/states.tsv}), the surface forms that name
 * them ({@code conf/gazetteer/forms.tsv}: names, adjectives (nisba / demonyms) and capitals, in
 * Arabic, English, French and Persian) and their large cities ({@code conf/gazetteer/cities.tsv},
 * in Arabic, English and French). Users extend the files or pass their own.
 */
public final class Gazetteer implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A state: ISO codes and its names. */
  public record State(String iso2, String iso3, String nameEn, String nameAr, String status)
      implements Serializable {}

  /** One surface form of a state. */
  public record Form(String iso2, String lang, String form, String surface)
      implements Serializable {}

  /** A city of a state (not its capital), with its population. */
  public record City(String iso2, String lang, String surface, long population)
      implements Serializable {}

  private final List<State> states;
  private final List<Form> forms;
  private final List<City> cities;

  private Gazetteer(List<State> states, List<Form> forms, List<City> cities) {
    this.states = List.copyOf(states);
    this.forms = List.copyOf(forms);
    this.cities = List.copyOf(cities);
  }

  /**
   * Loads the gazetteer: from {@code dir} (a folder holding {@code states.tsv} and {@code
   * forms.tsv}) when given, else the packaged {@code conf/gazetteer}.
   */
  public static Gazetteer load(String dir) {
    String statesPath = dir == null ? null : dir + "/states.tsv";
    String formsPath = dir == null ? null : dir + "/forms.tsv";
    String citiesPath = dir == null ? null : dir + "/cities.tsv";
    return of(
        WordLists.lines("gazetteer/states.tsv", statesPath),
        WordLists.lines("gazetteer/forms.tsv", formsPath),
        WordLists.linesIfPresent("gazetteer/cities.tsv", citiesPath));
  }

  /**
   * The gazetteer of a states table and a forms table, with the packaged cities (those of states
   * the table knows).
   */
  public static Gazetteer of(List<String> statesLines, List<String> formsLines) {
    return of(statesLines, formsLines, WordLists.lines("gazetteer/cities.tsv", null));
  }

  /**
   * The gazetteer of the lines of a states table, a forms table and a cities table (the first two
   * with their header line; comments and blank lines already removed, as {@link WordLists#lines}
   * gives them). Cities of a state the states table does not hold are left out.
   */
  public static Gazetteer of(
      List<String> statesLines, List<String> formsLines, List<String> citiesLines) {
    List<State> states = new ArrayList<>();
    Map<String, State> byIso = new HashMap<>();
    List<String> lines = statesLines;
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length < 5) {
        throw new IllegalArgumentException(
            "Cannot load gazetteer: states.tsv line "
                + (i + 1)
                + " has "
                + f.length
                + " columns, expected 5");
      }
      State s = new State(f[0], f[1], f[2], f[3], f[4]);
      states.add(s);
      byIso.put(s.iso2(), s);
    }
    List<Form> forms = new ArrayList<>();
    lines = formsLines;
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length < 4 || !byIso.containsKey(f[0])) {
        throw new IllegalArgumentException(
            "Cannot load gazetteer: forms.tsv line "
                + (i + 1)
                + " is not 'iso2 lang form surface' with a known iso2");
      }
      if (!f[2].equals("name") && !f[2].equals("adjective") && !f[2].equals("capital")) {
        throw new IllegalArgumentException(
            "Cannot load gazetteer: forms.tsv line "
                + (i + 1)
                + ": form must be name, adjective or capital, not "
                + f[2]);
      }
      forms.add(new Form(f[0], f[1], f[2], f[3]));
    }
    List<City> cities = new ArrayList<>();
    for (String line : citiesLines) {
      String[] f = line.split("\t", -1);
      if (f.length < 4 || f[0].equals("iso2")) {
        continue;
      }
      long population;
      try {
        population = Long.parseLong(f[3].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Cannot load gazetteer: cities.tsv line is not 'iso2 lang surface population': "
                + line);
      }
      if (byIso.containsKey(f[0])) {
        cities.add(new City(f[0], f[1], f[2], population));
      }
    }
    return new Gazetteer(states, forms, cities);
  }

  /** All states, sorted by ISO alpha-2. */
  public List<State> states() {
    return states;
  }

  /** All surface forms. */
  public List<Form> forms() {
    return forms;
  }

  /** All cities. */
  public List<City> cities() {
    return cities;
  }
}
