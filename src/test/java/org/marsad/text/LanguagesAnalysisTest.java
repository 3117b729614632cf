package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** French, Persian and generic analysis keys; language values read as codes. */
@Tag("unit")
class LanguagesAnalysisTest {

  private static final Analysis A = Analysis.defaults();

  private static List<String> terms(String lang, String text) {
    return A.forLanguage(lang).analyze(TextCleaner.clean(text)).stream().map(Token::term).toList();
  }

  private static Map<String, String> bySurface(String lang, String text) {
    return A.forLanguage(lang).analyze(TextCleaner.clean(text)).stream()
        .collect(Collectors.toMap(Token::surface, Token::term, (a, b) -> a));
  }

  @Test
  void frenchStripsElisionFoldsCaseDropsStopWordsAndLightStems() {
    Map<String, String> t =
        bySurface("fr", "L'Égypte et l’Iran ont signé selon les présidents marocains d'Irak.");
    assertThat(t)
        .containsEntry("L'Égypte", "egypt")
        .containsEntry("l’Iran", "iran")
        .containsEntry("présidents", "president")
        .containsEntry("marocains", "marocain")
        .doesNotContainKeys("et", "ont", "selon", "les");
    assertThat(terms("fr", "le président")).isEqualTo(terms("fr", "les présidents"));
    assertThat(terms("fr", "Marocaine")).isEqualTo(terms("fr", "marocaines"));
  }

  @Test
  void frenchLabelsDropTheElidedArticle() {
    List<Token> t = A.forLanguage("fr").analyze("l'Égypte d’Algérie");
    assertThat(t).extracting(Token::display).containsExactly("Égypte", "Algérie");
    assertThat(t).extracting(Token::surface).containsExactly("l'Égypte", "d’Algérie");
  }

  @Test
  void aFrenchStopListReplacesTheNewsFiller() {
    Analysis mine = new Analysis(null, null, List.of("gouvernement"), null, null, null);
    assertThat(mine.forLanguage("fr").analyze("le gouvernement selon"))
        .extracting(Token::term)
        .containsExactly("selon");
  }

  @Test
  void persianUsesLucenesPersianFiltersKeepsNamesAndSplitsAtTheNonJoiner() {
    Map<String, String> t = bySurface("fa", "کتاب‌ها و ایران و ایرانی‌ها و پاکستان می‌گوید تهران");
    // Lucene's Persian stemmer would make ایران اير and پاکستان پاکست: gazetteer forms stay whole.
    assertThat(t)
        .containsEntry("کتاب", "كتاب")
        .containsEntry("ایران", "ايران")
        .containsEntry("ایرانی", "ايراني")
        .containsEntry("پاکستان", "پاكستان")
        .containsEntry("تهران", "تهران")
        .doesNotContainKeys("ها", "می", "و");
    // A plural typed without the non-joiner loses ها in the stemmer.
    assertThat(terms("fa", "کتابها")).containsExactly("كتاب");
  }

  @Test
  void persianDoesNotGoThroughTheArabicStemmer() {
    // The Arabic analyser strips the nisba ي of ایرانی; the Persian one keeps the adjective.
    assertThat(terms("ar", "ایرانی")).containsExactly("ايران");
    assertThat(terms("fa", "ایرانی")).containsExactly("ايراني");
    assertThat(A.forLanguage("fa")).isInstanceOf(PersianAnalyzer.class);
  }

  @Test
  void otherLanguagesGetTheGenericAnalysis() {
    assertThat(terms("de", "Die Regierung in Berlin äußerte sich über Ägypten 2018"))
        .containsExactly("die", "regierung", "in", "berlin", "äußerte", "sich", "über", "ägypten");
    assertThat(terms("und", "ΑΘΗΝΑ Σήμερα")).containsExactly("αθηνα", "σήμερα");
    assertThat(terms("ur", "پاکستان اور بھارت")).containsExactly("پاکستان", "اور", "بھارت");
    assertThat(A.forLanguage("de")).isInstanceOf(GenericAnalyzer.class);
    assertThat(A.forLanguage(null)).isInstanceOf(GenericAnalyzer.class);
    assertThat(A.forLanguage("ar")).isInstanceOf(ArabicAnalyzer.class);
    assertThat(Analysis.hasOwnAnalysis("fr")).isTrue();
    assertThat(Analysis.hasOwnAnalysis("es")).isFalse();
  }

  @Test
  void languageValuesAreReadAsCodes() {
    assertThat(LanguageCodes.normalize("Arabic")).isEqualTo("ar");
    assertThat(LanguageCodes.normalize("ara")).isEqualTo("ar");
    assertThat(LanguageCodes.normalize("العربية")).isEqualTo("ar");
    assertThat(LanguageCodes.normalize("عربي")).isEqualTo("ar");
    assertThat(LanguageCodes.normalize(" en-US ")).isEqualTo("en");
    assertThat(LanguageCodes.normalize("English")).isEqualTo("en");
    assertThat(LanguageCodes.normalize("fr_FR")).isEqualTo("fr");
    assertThat(LanguageCodes.normalize("Français")).isEqualTo("fr");
    assertThat(LanguageCodes.normalize("francais")).isEqualTo("fr");
    assertThat(LanguageCodes.normalize("fre")).isEqualTo("fr");
    assertThat(LanguageCodes.normalize("Persian")).isEqualTo("fa");
    assertThat(LanguageCodes.normalize("Farsi")).isEqualTo("fa");
    assertThat(LanguageCodes.normalize("فارسی")).isEqualTo("fa");
    assertThat(LanguageCodes.normalize("per")).isEqualTo("fa");
    assertThat(LanguageCodes.normalize("Deutsch")).isEqualTo("de");
    assertThat(LanguageCodes.normalize("German")).isEqualTo("de");
    assertThat(LanguageCodes.normalize("urd")).isEqualTo("ur");
    assertThat(LanguageCodes.normalize("zh-Hans-CN")).isEqualTo("zh");
    assertThat(LanguageCodes.normalize("und")).isNull();
    assertThat(LanguageCodes.normalize("unknown")).isNull();
    assertThat(LanguageCodes.normalize("xx")).isNull();
    assertThat(LanguageCodes.normalize("  ")).isNull();
    assertThat(LanguageCodes.normalize(null)).isNull();
  }

  @Test
  void theCleanerKeepsTheNonJoinerOnlyBetweenArabicScriptLetters() {
    assertThat(TextCleaner.clean("کتاب\u200Cها")).isEqualTo("کتاب\u200Cها");
    assertThat(TextCleaner.clean("کتاب&zwnj;ها")).isEqualTo("کتاب\u200Cها");
    assertThat(TextCleaner.clean("ab\u200Ccd \u200Cکتاب")).isEqualTo("abcd کتاب");
    assertThat(Tokenizer.tokenize(TextCleaner.clean("آمریکایی\u200Cها")))
        .extracting(RawToken::surface)
        .containsExactly("آمریکایی", "ها");
  }
}
