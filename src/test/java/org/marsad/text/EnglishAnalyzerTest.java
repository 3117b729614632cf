package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EnglishAnalyzerTest {

  private static final TextAnalyzer EN = Analysis.defaults().forLanguage("en");

  @Test
  void stemsDropsStopWordsAndKeepsSurfaceForms() {
    List<Token> t = EN.analyze("The Russian officials said exports were rising in March.");
    assertThat(t)
        .extracting(Token::term)
        .containsExactly("russian", "offici", "export", "rise", "march");
    assertThat(t)
        .extracting(Token::surface)
        .containsExactly("Russian", "officials", "exports", "rising", "March");
  }

  @Test
  void tracksSentencesAndPositionsAcrossRemovedWords() {
    List<Token> t = EN.analyze("Oil prices fell. The dollar rose.");
    assertThat(t).extracting(Token::sentence).containsExactly(0, 0, 0, 1, 1);
    assertThat(t).extracting(Token::position).containsExactly(0, 1, 2, 4, 5);
  }
}
