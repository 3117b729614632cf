package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TextCleanerTest {

  @Test
  void presentationFormsBecomePlainLetters() {
    assertThat(TextCleaner.clean("ﺍﻟﺨﺮﻃﻮﻡ")).isEqualTo("الخرطوم");
  }

  @Test
  void stripsTagsEntitiesUrlsAndInvisibleCharacters() {
    String raw =
        "<p>قال&nbsp;الوزير &quot;نعم&quot; &#1605;</p><script>x()</script> انظر https://example.com/a?b=1"
            + " و\u200Bروسيا\u200F";
    assertThat(TextCleaner.clean(raw)).isEqualTo("قال الوزير \"نعم\" م انظر وروسيا");
  }

  @Test
  void keepsNullAndLineBreaks() {
    assertThat(TextCleaner.clean(null)).isNull();
    assertThat(TextCleaner.clean("أ\nب")).isEqualTo("أ\nب");
  }

  @Test
  void joinsTheLinesOfHardWrappedWireCopyButKeepsParagraphs() {
    String reuters =
        "    Showers continued throughout the week in the Bahia cocoa zone,\n"
            + "alleviating the drought since early January and improving\n"
            + "prospects for the coming temporao, although normal humidity\n"
            + "levels have not been restored, Comissaria Smith said.\n"
            + "    The dry period means the temporao will be late this year\n"
            + "and arrivals of the new crop are expected in May.";
    String cleaned = TextCleaner.clean(reuters);
    assertThat(cleaned)
        .isEqualTo(
            "Showers continued throughout the week in the Bahia cocoa zone, alleviating the"
                + " drought since early January and improving prospects for the coming temporao,"
                + " although normal humidity levels have not been restored, Comissaria Smith"
                + " said.\n The dry period means the temporao will be late this year and arrivals"
                + " of the new crop are expected in May.");
    // One sentence per wire sentence, not per line.
    Field f = Field.of(cleaned);
    assertThat(f.sentences()).isEqualTo(2);
  }

  @Test
  void aTextWhoseLinesAreParagraphsKeepsItsLineBreaks() {
    String paragraphs =
        "قال وزير الخارجية إن بلاده تدعم الحل السياسي في سوريا\n"
            + "وأضاف أن المحادثات ستستأنف الأسبوع المقبل في جنيف\n"
            + "العنوان";
    assertThat(TextCleaner.clean(paragraphs)).isEqualTo(paragraphs);
  }
}
