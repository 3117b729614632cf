package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.states.match.Gazetteer;

/**
 * Format checks of the curated data files packaged under {@code marsad/conf}: column counts, known
 * ISO codes, languages and forms, no duplicates, no surface that normalises to nothing, and the
 * coverage every state needs (French and Persian names and capitals).
 */
@Tag("unit")
class ConfDataTest {

  private static final Set<String> FORM_LANGS = Set.of("ar", "en", "fa", "fr");
  private static final List<String> LANG_ORDER = List.of("ar", "en", "fa", "fr");
  private static final List<String> FORMS = List.of("name", "adjective", "capital");

  private static Set<String> isos;

  @BeforeAll
  static void loadStates() {
    isos = new HashSet<>();
    for (String[] f : rows("gazetteer/states.tsv", "iso2", 5, 5)) {
      isos.add(f[0]);
    }
    assertThat(isos).hasSize(198);
  }

  /** Rows of a packaged file, the header (a first line starting with {@code header}) skipped. */
  private static List<String[]> rows(String name, String header, int min, int max) {
    List<String> lines = WordLists.lines(name, null);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && header != null && line.startsWith(header + "\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      assertThat(f.length).as(name + ": " + line).isBetween(min, max);
      for (String x : f) {
        assertThat(x).as(name + ": no space around a field: " + line).isEqualTo(x.strip());
      }
      String[] padded = new String[max];
      for (int k = 0; k < max; k++) {
        padded[k] = k < f.length ? f[k] : "";
      }
      out.add(padded);
    }
    assertThat(out).as(name).isNotEmpty();
    return out;
  }

  /** The normalised tokens of a surface, space-separated: what the matcher compares. */
  private static String key(String surface) {
    StringBuilder b = new StringBuilder();
    for (RawToken t : Tokenizer.tokenize(surface)) {
      String n = ArabicNormalizer.normalize(t.surface());
      if (!n.isEmpty()) {
        b.append(b.length() == 0 ? "" : " ").append(n);
      }
    }
    return b.toString();
  }

  @Test
  void formsHaveKnownCodesLanguagesAndFormsNoDuplicatesAndTheirOrder() {
    Set<String> seen = new HashSet<>();
    String prev = null;
    for (String[] f : rows("gazetteer/forms.tsv", "iso2", 4, 4)) {
      String line = String.join("\t", f);
      assertThat(isos).as(line).contains(f[0]);
      assertThat(FORM_LANGS).as(line).contains(f[1]);
      assertThat(FORMS).as(line).contains(f[2]);
      assertThat(key(f[3])).as("surface normalises to nothing: " + line).isNotEmpty();
      // The fa and fr rows; a few older ar/en rows differ only by hamza (انكلترا/إنكلترا) and are
      // harmless duplicates in the trie.
      assertThat(
              seen.add(f[0] + f[1] + f[2] + "\t" + key(f[3])) || !Set.of("fa", "fr").contains(f[1]))
          .as("duplicate (iso2, lang, form, normalised surface): " + line)
          .isTrue();
      String order =
          f[0] + LANG_ORDER.indexOf(f[1]) + FORMS.indexOf(f[2]); // iso2, then lang, then form
      if (prev != null) {
        assertThat(order.compareTo(prev))
            .as("forms.tsv order at " + line)
            .isGreaterThanOrEqualTo(0);
      }
      prev = order;
    }
  }

  @Test
  void everyStateHasFrenchAndPersianNamesAndCapitals() {
    Map<String, Set<String>> have = new HashMap<>();
    for (String[] f : rows("gazetteer/forms.tsv", "iso2", 4, 4)) {
      have.computeIfAbsent(f[1] + " " + f[2], k -> new TreeSet<>()).add(f[0]);
    }
    for (String need : List.of("fr name", "fr capital", "fa name", "fa capital")) {
      Set<String> missing = new TreeSet<>(isos);
      missing.removeAll(have.getOrDefault(need, Set.of()));
      assertThat(missing).as("states without a " + need).isEmpty();
    }
    // French adjectives are lower case (French writes them so); names and capitals capitalised.
    for (String[] f : rows("gazetteer/forms.tsv", "iso2", 4, 4)) {
      if (f[1].equals("fr")) {
        boolean upper = Character.isUpperCase(f[3].charAt(0));
        assertThat(upper).as("fr " + f[2] + " case: " + f[3]).isEqualTo(!f[2].equals("adjective"));
      }
    }
  }

  @Test
  void theGazetteerLoadsWithTheFrenchAndPersianRows() {
    Gazetteer g = Gazetteer.load(null);
    Set<String> langs = new HashSet<>();
    for (Gazetteer.Form f : g.forms()) {
      langs.add(f.lang());
    }
    assertThat(langs).containsExactlyInAnyOrder("ar", "en", "fa", "fr");
    assertThat(g.states()).hasSize(198);
  }

  @Test
  void citiesHaveKnownCodesPopulationsNoDuplicatesAndTheirOrder() {
    Map<String, String> formKeys = new HashMap<>(); // lang + key -> iso2s of names and capitals
    for (String[] f : rows("gazetteer/forms.tsv", "iso2", 4, 4)) {
      if (!f[2].equals("adjective")) {
        formKeys.merge(f[1] + "\t" + key(f[3]), f[0], (a, b) -> a + "," + b);
      }
    }
    Set<String> ambiguous = new HashSet<>();
    for (String[] f : rows("gazetteer/ambiguous_places.tsv", null, 4, 5)) {
      ambiguous.add(f[1] + "\t" + key(f[0]));
    }
    Map<String, String> seen = new HashMap<>();
    String prev = null;
    int n = 0;
    for (String[] f : rows("gazetteer/cities.tsv", "iso2", 4, 5)) {
      String line = String.join("\t", f);
      assertThat(isos).as(line).contains(f[0]);
      assertThat(FORM_LANGS).as(line).contains(f[1]);
      assertThat(f[3]).as("population: " + line).matches("0|[1-9][0-9]*");
      String k = f[1] + "\t" + key(f[2]);
      assertThat(key(f[2])).as(line).isNotEmpty();
      String other = seen.put(k, f[0]);
      assertThat(other == null || (!other.equals(f[0]) && ambiguous.contains(k)))
          .as("duplicate city surface (or in two states without an ambiguous_places row): " + line)
          .isTrue();
      String state = formKeys.get(k);
      assertThat(state == null || ambiguous.contains(k))
          .as("city surface is a name or capital in forms.tsv (" + state + "): " + line)
          .isTrue();
      String order = f[0] + List.of("ar", "en", "fr").indexOf(f[1]);
      if (prev != null) {
        assertThat(order.compareTo(prev))
            .as("cities.tsv order at " + line)
            .isGreaterThanOrEqualTo(0);
      }
      prev = order;
      n++;
    }
    assertThat(n).isGreaterThan(800);
  }

  @Test
  void ambiguousPlacesHaveKnownReadingsCuesAndOneDefault() {
    Set<String> defaults = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (String[] f : rows("gazetteer/ambiguous_places.tsv", null, 4, 5)) {
      String line = String.join("\t", f);
      assertThat(key(f[0])).as(line).isNotEmpty();
      assertThat(FORM_LANGS).as(line).contains(f[1]);
      assertThat(f[2].equals("none") || isos.contains(f[2])).as("reading: " + line).isTrue();
      assertThat(Set.of("prev", "next", "doc", "default")).as(line).contains(f[3]);
      if (f[3].equals("default")) {
        assertThat(f[4]).as(line).isEmpty();
        assertThat(defaults.add(f[1] + "\t" + key(f[0]))).as("second default: " + line).isTrue();
      } else {
        assertThat(f[4]).as("cue words: " + line).isNotEmpty();
        for (String w : f[4].split(",")) {
          assertThat(w.equals("@place") || !key(w).isEmpty()).as(line).isTrue();
        }
      }
      assertThat(seen.add(line)).as("duplicate: " + line).isTrue();
    }
  }

  @Test
  void agenciesHaveKnownLanguagesAndHomes() {
    Set<String> seen = new HashSet<>();
    for (String[] f : rows("gazetteer/agencies.tsv", null, 3, 5)) {
      String line = String.join("\t", f);
      assertThat(key(f[0])).as(line).isNotEmpty();
      assertThat(FORM_LANGS).as(line).contains(f[1]);
      assertThat(f[2]).as("agency id: " + line).matches("[a-z]+");
      assertThat(f[3].isEmpty() || isos.contains(f[3])).as("home: " + line).isTrue();
      assertThat(seen.add(f[1] + "\t" + key(f[0]))).as("duplicate: " + line).isTrue();
    }
  }

  @Test
  void arabicVariantsMapToADifferentKeyWithoutChains() {
    Map<String, String> map = new HashMap<>();
    for (String[] f : rows("text/ar-variants.tsv", null, 2, 2)) {
      String line = String.join("\t", f);
      String v = key(f[0]);
      String c = key(f[1]);
      assertThat(v).as(line).isNotEmpty();
      assertThat(c).as(line).isNotEmpty();
      assertThat(v).as("variant equals canonical once normalised: " + line).isNotEqualTo(c);
      assertThat(map.put(v, c)).as("variant listed twice: " + line).isNull();
    }
    for (Map.Entry<String, String> e : map.entrySet()) {
      assertThat(map).as("chain through " + e.getValue()).doesNotContainKey(e.getValue());
    }
  }

  @Test
  void arabicAlternationsAreNormalisedRules() {
    for (String[] f : rows("text/ar-alternations.tsv", null, 4, 4)) {
      String line = String.join("\t", f);
      assertThat(ArabicNormalizer.normalize(f[0]))
          .as("from is normalised: " + line)
          .isEqualTo(f[0]);
      assertThat(ArabicNormalizer.normalize(f[1])).as("to is normalised: " + line).isEqualTo(f[1]);
      assertThat(f[0]).as(line).isNotEqualTo(f[1]).isNotEmpty();
      assertThat(Set.of("start", "any")).as(line).contains(f[2]);
    }
  }
}
