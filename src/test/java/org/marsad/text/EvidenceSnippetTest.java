package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Evidence sentences: the right sentence, at most the limit, offsets that still mark the names. */
@Tag("unit")
class EvidenceSnippetTest {

  @Test
  void theSentenceOfTheMentionsWithItsFullStop() {
    String text = "مقدمة قصيرة. التقى وزير روسيا بنظيره الصيني في دوشنبه. ثم انتهى الاجتماع";
    int ru = text.indexOf("روسيا");
    int cn = text.indexOf("الصيني");
    EvidenceSnippet s = EvidenceSnippet.around(text, 300, ru, ru + 5, cn, cn + 6);
    assertThat(s.text()).isEqualTo("التقى وزير روسيا بنظيره الصيني في دوشنبه.");
    assertThat(s.text().substring(s.spans()[0], s.spans()[1])).isEqualTo("روسيا");
    assertThat(s.text().substring(s.spans()[2], s.spans()[3])).isEqualTo("الصيني");
    // The last sentence has no full stop; a line break ends a sentence and is left out.
    String lines = "Title line\nRussia and China met; more";
    EvidenceSnippet t = EvidenceSnippet.around(lines, 300, 11, 17);
    assertThat(t.text()).isEqualTo("Russia and China met;");
  }

  @Test
  void mentionsInTwoSentencesGiveBothSentences() {
    String text = "First. Iran said no. Iraq said yes. Last.";
    int ir = text.indexOf("Iran");
    int iq = text.indexOf("Iraq");
    EvidenceSnippet s = EvidenceSnippet.around(text, 300, iq, iq + 4, ir, ir + 4);
    assertThat(s.text()).isEqualTo("Iran said no. Iraq said yes.");
    assertThat(s.spans()).containsExactly(14, 18, 0, 4);
  }

  @Test
  void aLongSentenceIsCutAtSpacesAroundTheMentions() {
    String filler = "كلمة ".repeat(100);
    String text = filler + "روسيا والصين " + filler.strip() + ".";
    int ru = text.indexOf("روسيا");
    int cn = text.indexOf("والصين");
    EvidenceSnippet s = EvidenceSnippet.around(text, 60, ru, ru + 5, cn, cn + 6);
    assertThat(s.text().length()).isLessThanOrEqualTo(60);
    assertThat(s.text()).startsWith("…كلمة").endsWith("كلمة…");
    assertThat(s.text().substring(s.spans()[0], s.spans()[1])).isEqualTo("روسيا");
    assertThat(s.text().substring(s.spans()[2], s.spans()[3])).isEqualTo("والصين");
    // Mentions too far apart for one snippet: none (the caller picks another sentence).
    int end = text.lastIndexOf("كلمة");
    assertThat(EvidenceSnippet.around(text, 60, ru, ru + 5, end, end + 4)).isNull();
    assertThat(EvidenceSnippet.around(text, 60, -1, 3)).isNull();
    assertThat(EvidenceSnippet.around(text, 60, 3)).isNull();
  }

  @Test
  void randomTextsKeepEveryInvariant() {
    Random r = new Random(11);
    String[] words = {"روسيا", "و", "الصين", "Iran", "،", ".", "؟", "😀", "كلمة", "\n", "  "};
    for (int round = 0; round < 2_000; round++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + r.nextInt(200);
      for (int i = 0; i < n; i++) {
        b.append(words[r.nextInt(words.length)]).append(r.nextInt(4) == 0 ? "" : " ");
      }
      String text = b.toString();
      int a = text.indexOf("روسيا");
      int c = text.lastIndexOf("Iran");
      if (a < 0 || c < 0) {
        continue;
      }
      int max = 20 + r.nextInt(300);
      EvidenceSnippet s = EvidenceSnippet.around(text, max, a, a + 5, c, c + 4);
      if (s == null) {
        assertThat(Math.abs(c - a)).as(text).isGreaterThan(max - 12);
        continue;
      }
      assertThat(s.text().length()).as(text).isLessThanOrEqualTo(max);
      assertThat(s.text().substring(s.spans()[0], s.spans()[1])).isEqualTo("روسيا");
      assertThat(s.text().substring(s.spans()[2], s.spans()[3])).isEqualTo("Iran");
      assertThat(s.text()).doesNotStartWith(" ").doesNotEndWith(" ");
      assertThat(Character.isLowSurrogate(s.text().charAt(0))).isFalse();
    }
  }
}
