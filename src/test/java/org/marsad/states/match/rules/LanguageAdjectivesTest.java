package org.marsad.states.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.states.match.rules.Matches.ar;
import static org.marsad.states.match.rules.Matches.found;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A state's adjective that names its language is no mention. */
@Tag("unit")
class LanguageAdjectivesTest {

  @Test
  void arabicLanguages() {
    assertThat(ar("كتب باللغة الإنجليزية")).isEmpty();
    assertThat(ar("ترجم الكتاب عن الإنجليزية")).isEmpty();
    assertThat(ar("يتحدث الفرنسية بطلاقة")).isEmpty();
    assertThat(ar("صدر باللغتين العربية والإنجليزية")).isEmpty();
    assertThat(ar("قالت السفارة الإنجليزية")).containsExactly("GB:adjective:الإنجليزية");
  }

  @Test
  void englishAndFrenchLanguages() {
    assertThat(found("en", "He speaks the Turkish language")).isEmpty();
    assertThat(found("fr", "il parle en anglais")).isEmpty();
    assertThat(found("fr", "le gouvernement anglais")).containsExactly("GB:adjective:anglais");
  }
}
