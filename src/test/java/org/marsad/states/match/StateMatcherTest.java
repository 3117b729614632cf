package org.marsad.states.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;
import org.marsad.text.Analysis;

@Tag("unit")
class StateMatcherTest {

  private static final StateMatcher M = StateSettings.defaults(Analysis.defaults()).matcher();

  private static List<String> found(String... fields) {
    return M.find(fields).stream()
        .map(m -> m.iso2() + ":" + m.form() + (m.team() ? "+team" : "") + ":" + m.surface())
        .toList();
  }

  private static Set<String> states(String text) {
    return M.find(text).stream().map(StateMatcher.Mention::iso2).collect(Collectors.toSet());
  }

  @Test
  void theSeedArticleNamesExactlyTheSevenCstoStates() throws Exception {
    String seed =
        Files.readString(
            SharedSpark.repo().resolve("sample-data/seed/000_316ae984aebcec15.txt"),
            StandardCharsets.UTF_8);
    List<StateMatcher.Mention> m = M.find(seed);
    assertThat(m.stream().map(StateMatcher.Mention::iso2).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("RU", "CN", "KZ", "TJ", "KG", "AM", "BY");
    assertThat(found(seed))
        .contains(
            "TJ:adjective:الطاجيكية", "TJ:capital:دوشنبه", "KG:name:قرغيزستان", "BY:name:بيلاروس");
    for (StateMatcher.Mention x : m) {
      assertThat(seed.substring(x.start(), x.end())).isEqualTo(x.surface());
    }
  }

  @Test
  void stripsCliticsOnlyToReachAnEntry() {
    assertThat(found("وبروسيا والصين")).containsExactly("RU:name:روسيا", "CN:name:الصين");
    assertThat(found("فالصين")).containsExactly("CN:name:الصين");
    assertThat(found("دعم للولايات المتحدة الأمريكية"))
        .containsExactly("US:name:للولايات المتحدة الأمريكية");
    assertThat(found("وزير")).isEmpty();
  }

  @Test
  void longestMatchWinsAndFragmentsNeverMatch() {
    assertThat(found("زار روسيا البيضاء")).containsExactly("BY:name:روسيا البيضاء");
    assertThat(found("كوريا الجنوبية وكوريا الشمالية"))
        .containsExactly("KR:name:كوريا الجنوبية", "KP:name:كوريا الشمالية");
    assertThat(found("الأمم المتحدة والمملكة المتحدة")).containsExactly("GB:name:المملكة المتحدة");
    assertThat(found("المتحدة")).isEmpty();
  }

  @Test
  void normalisedSpellingsMatch() {
    assertThat(states("اسرائيل والمانيا وأميركا وسورية وقيرغيزستان"))
        .containsExactlyInAnyOrder("IL", "DE", "US", "SY", "KG");
  }

  @Test
  void ambiguousWordsNeedContext() {
    assertThat(found("تفاقمت الأزمة المالية ودعم مالي كبير")).isEmpty();
    assertThat(found("قتل جنود في شمال مالي")).containsExactly("ML:name:مالي");
    assertThat(found("زار سلطنة عمان")).containsExactly("OM:name:سلطنة عمان");
    assertThat(found("وصل إلى العاصمة الأردنية عمان")).contains("JO:capital:عمان");
    assertThat(found("عمان (أ ف ب) - قال الوزير")).containsExactly("JO:capital:عمان");
    assertThat(found("دول المغرب العربي")).isEmpty();
    assertThat(found("بعد صلاة المغرب")).isEmpty();
    assertThat(found("الضفة الغربية لنهر الأردن")).isEmpty();
    assertThat(found("كتب باللغة التركية")).isEmpty();
    assertThat(found("ترجم بالفرنسية")).isEmpty();
    assertThat(found("جامعة الدول العربية")).isEmpty();
    assertThat(found("زار الجزائر العاصمة")).containsExactly("DZ:capital:الجزائر العاصمة");
    assertThat(found("زار الجزائر")).containsExactly("DZ:name:الجزائر");
    assertThat(found("في العاصمة تونس")).containsExactly("TN:capital:تونس");
    assertThat(found("قالت الحكومة السعودية")).containsExactly("SA:adjective:السعودية");
    assertThat(found("زار السعودية")).containsExactly("SA:name:السعودية");
    assertThat(found("دول أمريكا اللاتينية")).isEmpty();
    assertThat(found("بحيرة تشاد")).isEmpty();
  }

  @Test
  void koreaAndCongoAloneAreResolvedFromTheDocument() {
    assertThat(states("أطلقت كوريا صاروخا وقالت بيونغ يانغ")).containsExactly("KP");
    assertThat(states("صادرات كوريا من السيارات")).containsExactly("KR");
    assertThat(states("اشتباكات في الكونغو")).containsExactly("CD");
    assertThat(states("الكونغو وعاصمتها برازافيل")).contains("CG");
  }

  @Test
  void englishNeedsCapitalsAndTellsPeopleFromStates() {
    assertThat(found("Turkey and the U.S. agreed; Russia's exports fell."))
        .containsExactly("TR:name:Turkey", "US:name:U.S", "RU:name:Russia");
    assertThat(found("We ate turkey with us.")).isEmpty();
    assertThat(found("Fans cheered as Michael Jordan scored.")).isEmpty();
    assertThat(found("Trade between Jordan and Egypt."))
        .containsExactly("JO:name:Jordan", "EG:name:Egypt");
    assertThat(found("Russian officials met British diplomats in Moscow."))
        .containsExactly("RU:adjective:Russian", "GB:adjective:British", "RU:capital:Moscow");
  }

  @Test
  void nationalTeamsInMatchReportsAreRecordedAsTeams() {
    assertThat(found("فاز المنتخب على أوزبكستان في المباراة"))
        .containsExactly("UZ:name+team:أوزبكستان");
    assertThat(found("زار وزير الخارجية أوزبكستان")).containsExactly("UZ:name:أوزبكستان");
  }

  @Test
  void titleAndBodyAreSeparateFields() {
    List<StateMatcher.Mention> m = M.find("روسيا", "الصين");
    assertThat(m).extracting(StateMatcher.Mention::field).containsExactly(0, 1);
  }
}
