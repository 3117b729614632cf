package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.states.match.StateMatcher;
import org.marsad.states.match.StateSettings;

/**
 * No text can make the cleaner, tokeniser, analysers or state matcher throw: random mixes of Arabic
 * letters, marks, tatweel, digits, Arabic and Latin punctuation, bidi and zero-width characters,
 * Latin and Persian letters, emoji and state names; every offset stays inside its field.
 */
@Tag("unit")
@net.jqwik.api.Tag("unit")
class RobustnessPropertiesTest {

  private static final Analysis ANALYSIS = Analysis.defaults();
  private static final StateMatcher MATCHER = StateSettings.defaults(ANALYSIS).matcher();

  private static final List<String> PIECES =
      List.of(
          "ا",
          "ب",
          "ل",
          "و",
          "ف",
          "ك",
          "ة",
          "ى",
          "ء",
          "أ",
          "إ",
          "آ",
          "ؤ",
          "ئ",
          "ال",
          "لل",
          "\u064B",
          "\u064E",
          "\u064F",
          "\u0650",
          "\u0651",
          "\u0652",
          "\u0670",
          "\u0640",
          "\u0640\u0640\u0640",
          "٠",
          "٣",
          "۴",
          "7",
          "،",
          "؛",
          "؟",
          "٪",
          "۔",
          ".",
          ",",
          "!",
          "?",
          ";",
          ":",
          "-",
          "(",
          ")",
          "\"",
          "'",
          "’",
          "«",
          "»",
          "\u200E",
          "\u200F",
          "\u202B",
          "\u202C",
          "\u2066",
          "\u2069",
          "\u200B",
          "\u200C",
          "\u200D",
          "\uFEFF",
          "\u00AD",
          "a",
          "Z",
          "é",
          "ß",
          "ﻻ",
          "ﺍﻟﺨﺮﻃﻮﻡ",
          "پ",
          "چ",
          "ژ",
          "گ",
          "ک",
          "ی",
          "\uD83D\uDE00",
          "\uD83C\uDDF8\uD83C\uDDE6",
          " ",
          "  ",
          "\n",
          "\t",
          "&amp;",
          "&#1575;",
          "<b>",
          "</p>",
          "http://x.y/z",
          "السعودية",
          "روسيا",
          "عمان",
          "كوريا",
          "مالي",
          "المغرب",
          "الأردن",
          "جنوب أفريقيا",
          "الولايات المتحدة",
          "Russia",
          "Jordan",
          "Korea",
          "Georgia",
          "US",
          "Congo",
          "Lake Chad",
          "مباراة",
          "منتخب",
          "العاصمة",
          "اللغة",
          "بالتركية",
          "نهر",
          "2 - 0",
          "U.S.",
          "co-operation",
          "don't");

  @Provide
  Arbitrary<String> mixed() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> spaced() {
    return Arbitraries.of(PIECES).list().ofMaxSize(30).map(l -> String.join(" ", l));
  }

  @Property(tries = 400)
  void nothingThrowsAndOffsetsStayInTheField(
      @ForAll("mixed") String a, @ForAll("spaced") String b) {
    check(a, b);
    check(b, a);
  }

  @Property(tries = 300)
  void everyTokenHasAKeyAndPointsAtItsSurface(@ForAll("spaced") String s) {
    String clean = TextCleaner.clean(s);
    for (RawToken t : Tokenizer.tokenize(clean)) {
      assertThat(clean.substring(t.start(), t.end())).isEqualTo(t.surface());
      assertThat(ArabicNormalizer.normalize(t.surface())).isNotEmpty();
    }
  }

  @Test
  void theArticlesThatStoppedARunAreMatched() {
    // A lone kasra or a tatweel run before a state name (three real articles in 31,030).
    assertThat(MATCHER.find("بقيادة ِ السعودية"))
        .extracting(StateMatcher.Mention::iso2)
        .containsExactly("SA");
    assertThat(MATCHER.find("\"دويتشه بنك ـــ السعودية\""))
        .extracting(StateMatcher.Mention::iso2)
        .containsExactly("SA");
    assertThat(MATCHER.find("ـــ", "ِ")).isEmpty();
  }

  private static void check(String rawTitle, String rawText) {
    String title = TextCleaner.clean(rawTitle);
    String text = TextCleaner.clean(rawText);
    String lang = LanguageIdentifier.get().identify(title, text);
    // Every analysis the pass can pick (Arabic, English, French, Persian, the generic one).
    for (String l : List.of("ar", "en", "fr", "fa", "de", "und", lang)) {
      for (String field : List.of(title, text)) {
        for (Token t : ANALYSIS.forLanguage(l).analyze(field)) {
          assertThat(t.start()).isBetween(0, field.length());
          assertThat(t.end()).isBetween(t.start(), field.length());
          assertThat(field.substring(t.start(), t.end())).isEqualTo(t.surface());
          assertThat(t.term()).isNotEmpty();
        }
      }
    }
    String[] fields = {title, text};
    Field[] tokenised = {Field.of(title), Field.of(text)};
    for (String l : List.of("ar", "en", "fr", "fa", "de", "und")) {
      for (StateMatcher.Mention m : MATCHER.findIn(l, tokenised)) {
        String f = fields[m.field()];
        assertThat(m.start()).isBetween(0, f.length());
        assertThat(m.end()).isBetween(m.start(), f.length());
        assertThat(f.substring(m.start(), m.end())).isEqualTo(m.surface());
      }
    }
    for (StateMatcher.Mention m : MATCHER.find(fields)) {
      assertThat(fields[m.field()].substring(m.start(), m.end())).isEqualTo(m.surface());
    }
  }
}
