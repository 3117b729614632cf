package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ArabicAnalyzerTest {

  private static final TextAnalyzer AR = Analysis.defaults().forLanguage("ar");

  private static List<String> terms(String text) {
    return AR.analyze(text).stream().map(Token::term).toList();
  }

  private static String term(String word) {
    List<String> t = terms(word);
    assertThat(t).as("terms of %s", word).hasSize(1);
    return t.get(0);
  }

  @Test
  void stripsCliticsToReachNames() {
    assertThat(term("وبروسيا")).isEqualTo("روسيا");
    assertThat(term("لروسيا")).isEqualTo("روسيا");
    assertThat(term("بروسيا")).isEqualTo("روسيا");
    assertThat(term("فالصين")).isEqualTo("الصين");
    assertThat(term("وللصين")).isEqualTo("الصين");
  }

  @Test
  void keepsNamesThatLightStemmersBreak() {
    // Lucene's Arabic light stemmer: لبنان→لبن, إيران→اير, كازاخستان→كازاخست.
    assertThat(term("لبنان")).isEqualTo("لبنان");
    assertThat(term("إيران")).isEqualTo("ايران");
    assertThat(term("كازاخستان")).isEqualTo("كازاخستان");
    assertThat(term("وطاجيكستان")).isEqualTo("طاجيكستان");
    assertThat(term("دوشنبه")).isEqualTo("دوشنبه");
    assertThat(term("سوريا")).isEqualTo("سوريا");
  }

  @Test
  void keepsRadicalInitialLettersAndConflatesTheirInflections() {
    assertThat(term("وزير")).isEqualTo(term("الوزير")).isEqualTo(term("والوزير"));
    assertThat(term("وكالة")).isEqualTo(term("الوكالة")).isEqualTo(term("وكالات"));
    assertThat(term("فريق")).isEqualTo(term("الفريق"));
  }

  @Test
  void conflatesInflectionsButNotDifferentWords() {
    assertThat(term("الروسية")).isEqualTo(term("الروسي")).isEqualTo(term("روسي"));
    assertThat(term("الروسية")).isNotEqualTo(term("روسيا"));
    assertThat(term("التنظيمات")).isEqualTo(term("التنظيم"));
    assertThat(term("ومخططاتها")).isEqualTo(term("مخطط"));
    assertThat(term("التعاون")).isEqualTo("تعاون");
    assertThat(term("القانون")).isEqualTo("قانون");
    assertThat(term("المسؤولون")).isEqualTo(term("المسؤولين"));
  }

  @Test
  void dropsStopWordsWithOrWithoutClitics() {
    assertThat(terms("في من على أن إلى التي الذي وفي بأن وهو عليها منه")).isEmpty();
  }

  @Test
  void analysesTheSeedSentence() {
    String s = "وتضم المنظمة كلا من روسيا وكازاخستان وطاجيكستان وقرغيزستان وأرمينيا وبيلاروس.";
    Map<String, String> bySurface =
        AR.analyze(s).stream().collect(Collectors.toMap(Token::surface, Token::term, (a, b) -> a));
    assertThat(bySurface)
        .containsEntry("روسيا", "روسيا")
        .containsEntry("وكازاخستان", "كازاخستان")
        .containsEntry("وطاجيكستان", "طاجيكستان")
        .containsEntry("وقرغيزستان", "قرغيزستان")
        .containsEntry("وأرمينيا", "ارمينيا")
        .containsEntry("وبيلاروس", "بيلاروس")
        .doesNotContainKey("من");
  }

  @Test
  void displayFormDropsClitcsButKeepsTheArticle() {
    List<Token> t = AR.analyze("والرئيس للرئيس وبروسيا");
    assertThat(t).extracting(Token::display).containsExactly("الرئيس", "الرئيس", "روسيا");
  }

  @Test
  void dropsNumbersAndSingleLetters() {
    assertThat(terms("2018 ٢٠١٨ ب")).isEmpty();
  }

  @Test
  void lamLamBeforeANameThatStartsWithLamKeepsIt() {
    // للبنان is ل + لبنان (no article), as للعراق is ل + العراق.
    assertThat(term("للبنان"))
        .isEqualTo("لبنان")
        .isEqualTo(term("لبنان"))
        .isEqualTo(term("ولبنان"));
    assertThat(term("للعراق")).isEqualTo("العراق");
    assertThat(term("لليبيا")).isEqualTo("ليبيا");
    assertThat(AR.analyze("للبنان")).extracting(Token::display).containsExactly("لبنان");
    assertThat(term("للرئيس")).isEqualTo(term("الرئيس"));
  }

  @Test
  void spellingVariantsShareOneKey() {
    assertThat(term("أميركية")).isEqualTo(term("أمريكية"));
    assertThat(term("الأميركيتين")).isEqualTo(term("الأمريكيتين"));
    assertThat(term("أميركا")).isEqualTo(term("أمريكا")).isEqualTo("امريكا");
    assertThat(term("ترمب")).isEqualTo(term("ترامب")).isEqualTo(term("لترمب"));
    assertThat(term("جوجل")).isEqualTo(term("غوغل")).isEqualTo(term("قوقل"));
    assertThat(term("الصحافيون")).isEqualTo(term("الصحفيون"));
    assertThat(term("الديموقراطية")).isEqualTo(term("الديمقراطية"));
    // Different words that differ by a letter stay apart.
    assertThat(term("توتر")).isNotEqualTo(term("تويتر"));
  }

  @Test
  void variantPhrasesAreJoinedIntoOneTerm() {
    assertThat(terms("فيس بوك")).containsExactly(term("فيسبوك"));
    assertThat(terms("بيونغ يانغ")).containsExactly(term("بيونغيانغ"));
    assertThat(terms("بيونج يانج")).containsExactly(term("بيونغيانغ"));
    List<Token> t = AR.analyze("وفيس بوك قال");
    assertThat(t.get(0).display()).isEqualTo("فيس بوك");
    assertThat(t.get(0).position()).isEqualTo(1);
  }

  @Test
  void aVariantsFileReplacesThePackagedOne() {
    TextAnalyzer mine =
        new Analysis(null, null, null, null, null, List.of("كورونا\tكوفيد")).forLanguage("ar");
    assertThat(mine.analyze("كورونا")).extracting(Token::term).containsExactly("كوفيد");
    // The alternation rules (packaged) still apply; the packaged variants list does not.
    assertThat(mine.analyze("جوجل")).extracting(Token::term).doesNotContain(term("غوغل"));
  }
}
