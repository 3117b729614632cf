package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An entry written with a final ه is no word written with ة. */
@Tag("unit")
class ArabicSpellingTest {

  @Test
  void financialIsNotMale() {
    // مالية (financial) normalises as ماليه (Malé, the Maldives' capital).
    assertThat(ar("مالية - أعلنت جزر المالديف عن أزمة مالية"))
        .containsExactly("MV:name:جزر المالديف");
    assertThat(ar("وصل الرئيس إلى ماليه عاصمة جزر المالديف"))
        .containsExactly("MV:capital:ماليه", "MV:name:جزر المالديف");
    // The other way round the normaliser still helps: ة entries match a careless ه.
    assertThat(ar("الحكومه السوريه")).containsExactly("SY:adjective:السوريه");
  }

  @Test
  void anAlefSplitOffByASegmenter() {
    // Some segmenters split a word's first alef off (ا مريكا, ا سرائيل): still the name.
    assertThat(ar("و نحن ( ا مريكا ) السبب")).containsExactly("US:name:ا مريكا");
    assertThat(ar("واذا لم تسلم ا سرائيل خرائط الالغام")).containsExactly("IL:name:ا سرائيل");
    // A lone alef before a word that is no name's rest stays nothing (ا ف ب is an agency).
    assertThat(ar("و قال ا متلاك السلاح")).isEmpty();
  }

  @Test
  void pressSpellingsOfNames() {
    // Transliterations the press writes beside the listed ones (ج for g, a long vowel added).
    assertThat(ar("زار سويسرة و أوروجواي و فينزويلا و سيريلانكا"))
        .containsExactly(
            "CH:name:سويسرة", "UY:name:أوروجواي", "VE:name:فينزويلا", "LK:name:سيريلانكا");
  }

  @Test
  void maghrebPressNames() {
    // Tunisian and Moroccan press write some names with the article: الكوت ديفوار is no Kut.
    assertThat(ar("تعاون بين تونس والسينغال و الكوت ديفوار و الكنغو الديمقراطية"))
        .containsExactly(
            "TN:name:تونس",
            "SN:name:السينغال",
            "CI:name:الكوت ديفوار",
            "CD:name:الكنغو الديمقراطية");
  }
}
