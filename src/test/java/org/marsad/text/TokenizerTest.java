package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TokenizerTest {

  @Test
  void cutsOnPunctuationAndKeepsDiacriticsInsideWords() {
    List<RawToken> t = Tokenizer.tokenize("عاملاً أساسياً، (روسيا) U.S. co-operation 3.5");
    assertThat(t)
        .extracting(RawToken::surface)
        .containsExactly("عاملاً", "أساسياً", "روسيا", "U", "S", "co-operation", "3", "5");
  }

  @Test
  void offsetsPointAtTheSurface() {
    String text = "قمة  دوشنبه؟ وروسيا.";
    for (RawToken r : Tokenizer.tokenize(text)) {
      assertThat(text.substring(r.start(), r.end())).isEqualTo(r.surface());
    }
  }

  @Test
  void countsSentences() {
    List<RawToken> t = Tokenizer.tokenize("الأول هنا. الثاني هنا؟ الثالث\nالرابع 3.5 نقطة");
    assertThat(t).extracting(RawToken::sentence).containsExactly(0, 0, 1, 1, 2, 3, 3, 3, 3);
    assertThat(t).extracting(RawToken::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
  }
}
