package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Tag;

@Tag("unit")
@net.jqwik.api.Tag("unit")
class TextPropertiesTest {

  private static final TextAnalyzer AR = Analysis.defaults().forLanguage("ar");

  @Provide
  Arbitrary<String> arabicText() {
    return Arbitraries.strings()
        .withCharRange('\u0600', '\u06FF')
        .withChars(' ', '.', '،', '\n', 'a', 'Z', '1')
        .ofMaxLength(200);
  }

  @Property(tries = 300)
  void normalisationIsIdempotent(@ForAll("arabicText") String s) {
    String once = ArabicNormalizer.normalize(s);
    assertThat(ArabicNormalizer.normalize(once)).isEqualTo(once);
  }

  @Property(tries = 300)
  void tokensPointAtTheirSurfaceAndKeysAreNormalised(@ForAll("arabicText") String s) {
    String clean = TextCleaner.clean(s);
    for (Token t : AR.analyze(clean)) {
      assertThat(clean.substring(t.start(), t.end())).isEqualTo(t.surface());
      assertThat(ArabicNormalizer.normalize(t.term())).isEqualTo(t.term());
      assertThat(t.term()).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Property(tries = 200)
  void cleaningIsIdempotent(@ForAll("arabicText") String s) {
    String once = TextCleaner.clean(s);
    assertThat(TextCleaner.clean(once)).isEqualTo(once);
  }
}
