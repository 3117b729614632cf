package org.marsad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DocumentTermsTest {

  private static final TextAnalyzer AR = Analysis.defaults().forLanguage("ar");

  @Test
  void countsTermsFormsAndAdjacentPairsOnly() {
    DocumentTerms d =
        DocumentTerms.of(
            List.of(
                AR.analyze("مجلس الأمن يجتمع. مجلس الأمن في نيويورك وللولايات المتحدة"),
                AR.analyze("الأمن")));
    assertThat(d.nTokens()).isEqualTo(9);
    assertThat(d.terms()).contains(new DocumentTerms.TermCount("امن", 3));
    assertThat(d.bigrams()).contains(new DocumentTerms.Bigram("مجلس", "امن", "مجلس الأمن", 2));
    // "يجتمع. مجلس": a sentence boundary; "الأمن في نيويورك": a removed stop word between.
    assertThat(d.bigrams()).extracting(DocumentTerms.Bigram::b).doesNotContain("نيويورك");
    assertThat(d.bigrams()).extracting(DocumentTerms.Bigram::form).contains("الولايات المتحدة");
    assertThat(d.forms()).contains(new DocumentTerms.FormCount("امن", "الأمن", 3));
  }
}
