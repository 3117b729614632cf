package org.marsad.states.match.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of one rule file of {@code conf/gazetteer/rules/}: lines {@code
 * list<TAB>lang<TAB>word[<TAB>value]}, words in ordinary spelling (the matcher normalises them).
 */
public final class RuleWords {

  /** One line of a rule file. */
  public record Row(String list, String lang, String word, String value) {}

  private final String name;
  private final Map<String, List<Row>> rows = new LinkedHashMap<>();

  /**
   * Reads the lines of rule file {@code name} (comments and blank lines already dropped), whose
   * lists must be among {@code known}.
   */
  public RuleWords(String name, List<String> lines, Set<String> known) {
    this.name = name;
    for (String k : known) {
      rows.put(k, new ArrayList<>());
    }
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f.length < 3 || f[2].isBlank()) {
        throw new IllegalArgumentException(
            "Cannot load "
                + name
                + ": expected 'list<TAB>lang<TAB>word[<TAB>value]' ("
                + line
                + "); fix the line");
      }
      List<Row> list = rows.get(f[0]);
      if (list == null) {
        throw new IllegalArgumentException(
            "Cannot load "
                + name
                + ": unknown list ("
                + f[0]
                + "); use one of "
                + known.stream().sorted().toList());
      }
      list.add(new Row(f[0], f[1], f[2].strip(), f.length > 3 ? f[3].strip() : ""));
    }
  }

  /** The file's name. */
  public String name() {
    return name;
  }

  /** The rows of {@code list}, in file order. */
  public List<Row> rows(String list) {
    List<Row> r = rows.get(list);
    if (r == null) {
      throw new IllegalArgumentException("No list " + list + " in " + name);
    }
    return r;
  }

  /** The normal forms of the words of {@code list}, every language. */
  public Set<String> set(String list) {
    List<String> words = new ArrayList<>();
    for (Row r : rows(list)) {
      words.add(r.word());
    }
    return Keys.norms(words);
  }

  /** The values of {@code list} by the normal form of their word. */
  public Map<String, String> map(String list) {
    Map<String, String> out = new HashMap<>();
    for (Row r : rows(list)) {
      if (r.value().isEmpty()) {
        throw new IllegalArgumentException(
            "Cannot load " + name + ": list " + list + " needs a value (" + r.word() + ")");
      }
      out.putIfAbsent(Keys.norm(r.word()), r.value());
    }
    return Map.copyOf(out);
  }
}
