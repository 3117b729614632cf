package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ArabicNormalizerTest {

  @Test
  void unifiesAlefYaTaMarbutaAndHamzaSeats() {
    assertThat(ArabicNormalizer.normalize("أإآٱ")).isEqualTo("اااا");
    assertThat(ArabicNormalizer.normalize("مستشفى")).isEqualTo("مستشفي");
    assertThat(ArabicNormalizer.normalize("الحكومة")).isEqualTo("الحكومه");
    assertThat(ArabicNormalizer.normalize("مؤتمر")).isEqualTo("موتمر");
    assertThat(ArabicNormalizer.normalize("إسرائيل")).isEqualTo("اسراييل");
  }

  @Test
  void dropsDiacriticsAndTatweel() {
    assertThat(ArabicNormalizer.normalize("عَامِلاً")).isEqualTo("عاملا");
    assertThat(ArabicNormalizer.normalize("الـــدول")).isEqualTo("الدول");
  }

  @Test
  void foldsDigitsPersianLettersAndLatinCase() {
    assertThat(ArabicNormalizer.normalize("٢٠١٨")).isEqualTo("2018");
    assertThat(ArabicNormalizer.normalize("کی")).isEqualTo("كي");
    assertThat(ArabicNormalizer.normalize("CNN")).isEqualTo("cnn");
  }
}
