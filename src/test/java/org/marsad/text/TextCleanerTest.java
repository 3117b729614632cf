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
}
