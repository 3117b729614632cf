package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** People named like states. */
@Tag("unit")
class PersonNamesTest {

  @Test
  void englishNames() {
    assertThat(found("en", "Fans cheered as Michael Jordan scored")).isEmpty();
    assertThat(found("en", "Trade between Jordan and Egypt"))
        .containsExactly("JO:name:Jordan", "EG:name:Egypt");
  }

  @Test
  void englishSurnamesAfterAGivenName() {
    assertThat(found("en", "The band played with Jools Holland in London"))
        .containsExactly("GB:capital:London");
    assertThat(found("en", "Wikipedia founder Jimmy Wales said")).isEmpty();
    assertThat(found("en", "the actor John Ireland died")).isEmpty();
    // Not after a compass or place word, nor as a state in a sentence.
    assertThat(found("en", "Floods in North Wales and South Holland"))
        .containsExactly("GB:name:Wales", "NL:name:Holland");
    assertThat(found("en", "Exports to Holland rose")).containsExactly("NL:name:Holland");
    assertThat(found("en", "Holland beat Spain 2-1"))
        .containsExactly("NL:name:Holland", "ES:name:Spain");
  }

  @Test
  void aCapitalisedWordSaysNothingInAHeadlineCaseSentence() {
    assertThat(found("en", "Kerry Visits Jordan For Talks On Syria"))
        .containsExactly("JO:name:Jordan", "SY:name:Syria");
    assertThat(found("en", "Kerry visits Jordan")).containsExactly("JO:name:Jordan");
  }

  @Test
  void anyLatinStateWordAfterATitleIsAPerson() {
    assertThat(found("en", "Mr. Jordan told the court, Mr Holland said")).isEmpty();
    assertThat(found("en", "Defence Minister Israel Katz said Israel would act"))
        .containsExactly("IL:name:Israel");
    // Turki is Turkey in Indonesian and Malay; after a title it is the Saudi given name.
    assertThat(found("id", "Turki dan Pangeran Turki")).containsExactly("TR:name:Turki");
    assertThat(found("en", "Prince Turki al-Faisal visited Riyadh"))
        .containsExactly("SA:capital:Riyadh");
    assertThat(found("fr", "M. Jordan a parlé")).isEmpty();
    // Only an abbreviated title carries a full stop: after a full word it ends a sentence.
    assertThat(found("en", "He met the Prime Minister. Israel said it would act"))
        .containsExactly("IL:name:Israel");
    // The M of P.M. is no Monsieur.
    assertThat(found("en", "at 5 P.M. Peking time")).containsExactly("CN:capital:Peking");
    // The case of a title counts: DR is the Democratic Republic, not a doctor.
    assertThat(found("en", "Fighting in the DR Congo")).containsExactly("CD:name:DR Congo");
  }

  @Test
  void namesThatAreNoFormStayNothing() {
    // Reported on English press as RU and TR; no English row holds them (regression guard).
    assertThat(found("en", "Commerce Secretary Wilbur Ross said Ross would")).isEmpty();
    assertThat(found("en", "Turki said the kingdom would act")).isEmpty();
    assertThat(found("en", "Mr Wells told the court")).isEmpty();
  }

  @Test
  void arabicGivenNames() {
    assertThat(ar("استقبل الأمير تركي بن طلال الوفد")).isEmpty();
    assertThat(ar("وأعلن تركي آل الشيخ")).isEmpty();
    assertThat(ar("وقال مسؤول تركي إن")).containsExactly("TR:adjective:تركي");
  }

  @Test
  void arabicSurnamesAfterAForeignGivenName() {
    // Correa: كوريا after a foreign given name in Arabic script is the surname.
    assertThat(ar("وسدد البرازيلي كارلوس كوريا كرة قوية"))
        .containsExactly("BR:adjective:البرازيلي");
    assertThat(ar("وقال رافائيل كوريا إن")).isEmpty();
    assertThat(ar("وزار كوريا الجنوبية")).containsExactly("KR:name:كوريا الجنوبية");
  }
}
