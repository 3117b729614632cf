package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An index or an exchange named after a place is no mention of its state. */
@Tag("unit")
class MarketIndicesTest {

  @Test
  void arabicIndicesAndExchanges() {
    assertThat(ar("ارتفع مؤشر داو جونز الصناعي الأمريكي ومؤشر نيكي الياباني")).isEmpty();
    assertThat(ar("وتراجع مؤشر ستاندرد آند بورز ومؤشر فوتسي 100 البريطاني")).isEmpty();
    assertThat(ar("ارتفع مؤشر سوق الإمارات المالي ومؤشر السوق السعودية")).isEmpty();
    assertThat(ar("أغلقت بورصة قطر على ارتفاع وسوق دبي المالي على انخفاض")).isEmpty();
    // The state itself stays, and so does the place of an index's exchange.
    assertThat(ar("ارتفع مؤشر نيكي القياسي في طوكيو")).containsExactly("JP:capital:طوكيو");
    assertThat(ar("قال وزير المالية السعودي إن السعودية")).contains("SA:name:السعودية");
  }

  @Test
  void englishIndices() {
    assertThat(found("en", "Japan's Nikkei and the German DAX fell while Britain's FTSE 100 rose"))
        .isEmpty();
    assertThat(found("en", "Japan's exports fell")).containsExactly("JP:name:Japan");
  }
}
