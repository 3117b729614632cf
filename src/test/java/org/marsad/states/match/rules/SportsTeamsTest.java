package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A state named as a team stays a mention of its form, flagged team; the state elsewhere not. */
@Tag("unit")
class SportsTeamsTest {

  @Test
  void aNationalTeamIsANameWithTheTeamFlag() {
    assertThat(ar("قال مدرب منتخب السعودية إن اللاعبين جاهزون"))
        .containsExactly("SA:name+team:السعودية");
    assertThat(ar("وفاز المنتخب السعودي على قطر 2 - 1 في المباراة"))
        .containsExactly("SA:adjective+team:السعودي", "QA:name+team:قطر");
    assertThat(ar("بحث وزير الخارجية السعودي مع نظيره القطري العلاقات بين السعودية وقطر"))
        .containsExactly(
            "SA:adjective:السعودي", "QA:adjective:القطري", "SA:name:السعودية", "QA:name:قطر");
  }

  @Test
  void sidesOfAMatchAreTeamsByWhatSurroundsThem() {
    // A feminine verb, an opponent word, a score, coordination, a sport word before the name.
    assertThat(ar("فازت نيجيريا على النيجر 2 - صفر ضمن المجموعة الثالثة للتصفيات"))
        .containsExactly("NG:name+team:نيجيريا", "NE:name+team:النيجر");
    assertThat(ar("وضمت القرعة في التصفيات منتخبات كرواتيا ونيجيريا وآيسلندا"))
        .containsExactly("HR:name+team:كرواتيا", "NG:name+team:نيجيريا", "IS:name+team:آيسلندا");
    assertThat(ar("وتعادل إيطاليا مع ليتوانيا في مباراة التصفيات"))
        .containsExactly("IT:name+team:إيطاليا", "LT:name+team:ليتوانيا");
    assertThat(ar("وقال المدرب إن أوزبكستان منتخب قوي وإن المباراة ستكون صعبة"))
        .containsExactly("UZ:name+team:أوزبكستان");
  }

  @Test
  void theHostOfACompetitionAndAPlaceAreTheState() {
    assertThat(ar("قبل انطلاق مونديال روسيا بأسبوع وصل المنتخب إلى الملعب"))
        .containsExactly("RU:name:روسيا");
    assertThat(ar("يلعب المنتخب مباراته الأولى في كأس العالم المقامة في روسيا"))
        .containsExactly("RU:name:روسيا");
    // A year is no score.
    assertThat(ar("نهائي كأس العالم روسيا 2018 بين فرنسا وكرواتيا")).contains("RU:name:روسيا");
  }

  @Test
  void aLeagueOrAClubsCountryIsATeam() {
    // «الإنجليزي» of the Premier League, of an English club, of the English team.
    assertThat(ar("هداف الدوري الإنجليزي الممتاز")).containsExactly("GB:adjective+team:الإنجليزي");
    assertThat(ar("لعب مع ليفربول الإنجليزي في المباراة"))
        .containsExactly("GB:city+team:ليفربول", "GB:adjective+team:الإنجليزي");
    assertThat(ar("انتقل إلى مانشستر يونايتد الإنجليزي"))
        .containsExactly("GB:adjective+team:الإنجليزي");
    assertThat(ar("كأس الاتحاد الإنجليزي لكرة القدم"))
        .containsExactly("GB:adjective+team:الإنجليزي");
    // The English elsewhere is the state.
    assertThat(ar("قالت الحكومة الإنجليزية")).containsExactly("GB:adjective:الإنجليزية");
  }

  @Test
  void aSideAfterASportWordAndItsAdjective() {
    // الهدف الوحيد لبوروندي, المدرب الجديد لجنوب أفريقيا: the side, through the adjective and ل.
    assertThat(ar("وسجل اللاعب الهدف الوحيد ل بوروندي من ركلة جزاء"))
        .containsExactly("BI:name+team:بوروندي");
    assertThat(ar("وقع المدرب الجديد لجنوب أفريقيا عقده مع الفريق"))
        .containsExactly("ZA:name+team:جنوب أفريقيا");
    // Without ل the state after an adjective stays the state (the place of the match).
    assertThat(ar("وسجل اللاعب الهدف الوحيد في مصر من ركلة جزاء")).containsExactly("EG:name:مصر");
    // بطل مصر in a match report is the champion club of its league.
    assertThat(ar("وقال المدرب إن الفريق يواجه بطل مصر في المباراة المقبلة"))
        .containsExactly("EG:name+team:مصر");
  }

  @Test
  void warNewsWithASportWordIsNoMatch() {
    // الهزيمة twice is no match report: على لبنان is the state.
    assertThat(ar("ناقش الجيش أسباب الهزيمة بعد الهزيمة في العدوان على لبنان"))
        .containsExactly("LB:name:لبنان");
    assertThat(ar("وقالت المجموعة إن المجموعة تدعو حكومة مصر إلى الحوار"))
        .containsExactly("EG:name:مصر");
  }

  @Test
  void englishAndFrenchTeams() {
    assertThat(found("en", "Italy beat France 2-1 in the World Cup final at the stadium"))
        .containsExactly("IT:name+team:Italy", "FR:name+team:France");
    assertThat(found("fr", "L'équipe de France a battu le Portugal (1-0) au stade"))
        .containsExactly("FR:name+team:France", "PT:name+team:Portugal");
  }
}
