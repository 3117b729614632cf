package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** عمان: Oman or Amman. */
@Tag("unit")
class AmmanOrOmanTest {

  @Test
  void theWordBefore() {
    assertThat(ar("وصل إلى العاصمة الأردنية عمان")).contains("JO:capital:عمان");
    assertThat(ar("زار الملك الأردني سلطنة عمان")).contains("OM:name:سلطنة عمان");
    assertThat(ar("عمان (أ ف ب) - قال الوزير")).containsExactly("JO:capital:عمان");
  }

  @Test
  void theStatesListedWithIt() {
    // Names around it: Oman, even in a document that names Jordan.
    assertThat(ar("شارك وزراء السعودية والأردن وعمان في الاجتماع"))
        .containsExactly("SA:name:السعودية", "JO:name:الأردن", "OM:name:عمان");
    // Capitals around it: Amman.
    assertThat(ar("جولة تشمل القاهرة وعمان وبيروت"))
        .containsExactly("EG:capital:القاهرة", "JO:capital:عمان", "LB:capital:بيروت");
  }

  @Test
  void theSentenceBeforeTheDocument() {
    assertThat(ar("قال مسؤول أردني في عمان إن الحكومة الأردنية مستعدة"))
        .contains("JO:capital:عمان");
    assertThat(ar("وصل السلطان قابوس إلى عمان. وتحدث مسؤول أردني")).contains("OM:name:عمان");
    assertThat(ar("زار الوزير عمان")).containsExactly("OM:name:عمان");
  }
}
