package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class FrenchStopWordsTest {

  @Test
  void addsTheNewsFillerToLucenesFrenchSet() {
    CharArraySet stops = FrenchStopWords.set(null);
    assertThat(FrenchAnalyzer.getDefaultStopSet()).allMatch(stops::contains);
    for (String w :
        List.of("selon", "déclaré", "lundi", "mardi", "janvier", "décembre", "mme", "ans")) {
      assertThat(stops.contains(w)).as(w).isTrue();
    }
    assertThat(stops.contains("Selon")).isTrue(); // case-insensitive
    assertThat(stops.contains("gouvernement")).isFalse();
    assertThat(stops.contains("ministre")).isFalse();
    assertThat(stops.contains("premier")).isFalse(); // Premier ministre
    assertThat(stops.size()).isGreaterThan(FrenchAnalyzer.getDefaultStopSet().size() + 150);
  }

  @Test
  void packagedListIsSingleLowerCaseWordsWithoutDuplicates() throws IOException {
    List<String> words = WordLists.lines(FrenchStopWords.RESOURCE, null);
    assertThat(words).doesNotHaveDuplicates();
    for (String w : words) {
      assertThat(w).as(w).doesNotContain(" ").isEqualTo(w.toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void aUserFileReplacesTheNewsList(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("fr.txt");
    Files.writeString(f, "# mine\nRamadan\n", StandardCharsets.UTF_8);
    CharArraySet stops = FrenchStopWords.set(f.toString());
    assertThat(stops.contains("ramadan")).isTrue();
    assertThat(stops.contains("selon")).isFalse();
    assertThat(stops.contains("le")).isTrue();
  }

  @Test
  void aMissingUserFileNamesIt() {
    assertThatThrownBy(() -> FrenchStopWords.set("/no/such/fr.txt"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("/no/such/fr.txt");
  }
}
