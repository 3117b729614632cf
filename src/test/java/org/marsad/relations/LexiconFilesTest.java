package org.marsad.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.text.WordLists;

/**
 * The packaged cue lexicons parse, hold every quad class, and list no entry twice once normalised
 * (إلى and الى are one entry).
 */
@Tag("unit")
class LexiconFilesTest {

  @Test
  void everyPackagedLexiconParsesWithoutDuplicates() {
    for (String lang : RelationClassifier.LANGUAGES) {
      List<String> lines = WordLists.lines("relations/" + lang + ".tsv", null);
      CueLexicon lex = CueLexicon.parse(lang, lines, lang + ".tsv");
      assertThat(lex.size()).as(lang).isEqualTo(lines.size());
      boolean latin = !(lang.equals("ar") || lang.equals("fa"));
      Map<String, String> seen = new HashMap<>();
      Set<Quad> classes = EnumSet.noneOf(Quad.class);
      for (String line : lines) {
        String[] f = line.split("\t", -1);
        StringBuilder key = new StringBuilder();
        for (String w : f[0].strip().split("\\s+")) {
          key.append(CueLexicon.key(w, latin)).append(' ');
        }
        String previous = seen.put(key.toString().strip(), line);
        assertThat(previous).as("%s: %s repeats %s", lang, line, previous).isNull();
        Quad q = Quad.ofLabel(f[1].strip());
        if (q != null) {
          classes.add(q);
        }
      }
      assertThat(classes).as(lang).containsExactlyInAnyOrder(Quad.values());
    }
  }
}
