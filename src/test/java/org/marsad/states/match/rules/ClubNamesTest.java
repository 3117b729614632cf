package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Clubs are never states. */
@Tag("unit")
class ClubNamesTest {

  @Test
  void listedClubsNameNoState() {
    assertThat(ar("هزم الأهلي المصري ريال مدريد وباريس سان جيرمان")).isEmpty();
    assertThat(ar("فاز المغرب الفاسي على الوداد البيضاوي")).isEmpty();
    assertThat(ar("لاعب بايرن ميونيخ ودينامو كييف")).isEmpty();
    assertThat(found("en", "Real Madrid beat Paris Saint-Germain and Bayern Munich")).isEmpty();
    assertThat(found("fr", "Le Real Madrid a battu l'Olympique de Marseille")).isEmpty();
  }

  @Test
  void aStateNameAfterAClubNounOrBeforeItsOwnNisbaIsTheClub() {
    assertThat(ar("تعادل نادي قطر مع الأهلي")).isEmpty();
    assertThat(ar("وفاز الكويت الكويتي على القادسية")).isEmpty();
  }

  @Test
  void inAMatchReportANameBeforeACitysNisbaIsAClub() {
    assertThat(ar("خسر المغرب التطواني أمام الجيش في مباراة الدوري")).isEmpty();
    // موناكو is the club; the nisba after it, the club's country, is a team.
    assertThat(ar("مباراة بين أرسنال وموناكو الفرنسي"))
        .containsExactly("FR:adjective+team:الفرنسي");
    // A team qualifier keeps the national team; outside a match report the state stays.
    assertThat(ar("فاز منتخب المغرب الأولمبي في المباراة")).containsExactly("MA:name+team:المغرب");
    assertThat(ar("زار الوزير المغرب الشقيق")).containsExactly("MA:name:المغرب");
  }
}
