package org.marsad.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.Period;
import org.marsad.pipeline.MentionsBlob;
import org.marsad.pipeline.TermsBlob;
import org.marsad.text.Analysis;

/** The per-row work of the pass: reasons in order, and no document can fail a run. */
@Tag("unit")
class DocumentPassTest {

  private static final Analysis A = Analysis.defaults();

  private static PassSettings dated() {
    CorpusOptions d = CorpusOptions.defaults();
    return PassSettings.of(
        new CorpusOptions(
            d.idCol(),
            d.textCol(),
            d.titleCol(),
            "date",
            d.sourceCol(),
            d.langCol(),
            d.urlCol(),
            false,
            true,
            false,
            false,
            false,
            List.of(),
            Period.MONTH,
            org.marsad.corpus.SlashOrder.DAY_FIRST),
        A,
        Passes.extractors(A));
  }

  @Test
  void boilerplateLinesOfTheSourceAreRemovedBeforeAnalysis() {
    String byline = "مراسل وكالة روسيا";
    PassSettings s =
        dated()
            .withBoilerplate(
                new org.marsad.boilerplate.Boilerplate(
                    new long[] {org.marsad.boilerplate.Boilerplate.key("A", byline)},
                    java.util.Map.of()));
    DocumentPass p = new DocumentPass(s, true);
    String text = "زار الوزير مصر\n" + byline;
    DocumentPass.Outcome cut = p.process("a", text, null, "2018-02-03", "ar", "A");
    assertThat(MentionsBlob.decode(cut.analysis().mentions()))
        .extracting(MentionsBlob.Mention::state)
        .containsExactly("EG");
    DocumentPass.Outcome kept = p.process("a", text, null, "2018-02-03", "ar", "B");
    assertThat(MentionsBlob.decode(kept.analysis().mentions()))
        .extracting(MentionsBlob.Mention::state)
        .containsExactly("EG", "RU");
    DocumentPass.Outcome only = p.process("b", byline, null, "2018-02-03", "ar", "A");
    assertThat(only.reason()).isEqualTo("empty_text");
    assertThat(only.detail()).contains("boilerplate").contains("'A'");
  }

  @Test
  void rowsAreCheckedInOrderAndDocumentsAnalysed() {
    DocumentPass p = new DocumentPass(dated(), true);
    assertThat(p.process(null, "نص", null, "2018-01-01", null).reason()).isEqualTo("missing_id");
    assertThat(p.process("a", null, null, "2018-01-01", null).reason()).isEqualTo("missing_text");
    assertThat(p.process("a", " <p></p> ", null, null, null).reason()).isEqualTo("empty_text");
    assertThat(p.process("a", "نص", null, " ", null).reason()).isEqualTo("missing_date");
    DocumentPass.Outcome bad = p.process("a", "نص", null, "yesterday", null);
    assertThat(bad.reason()).isEqualTo("bad_date");
    assertThat(bad.detail()).contains("'yesterday'").contains("--date-format");
    DocumentPass.Outcome ok = p.process("a", "زار الوزير روسيا", "عنوان", "2018-02-03", "Arabic");
    assertThat(ok.reason()).isNull();
    assertThat(ok.period()).isEqualTo("2018-02");
    assertThat(ok.lang()).isEqualTo("ar");
    assertThat(ok.textHash()).hasSize(16);
    assertThat(MentionsBlob.decode(ok.analysis().mentions()))
        .extracting(MentionsBlob.Mention::state)
        .containsExactly("RU");
  }

  @Test
  void aDocumentWhoseAnalysisThrowsIsRejectedWithTheMessage() {
    DocumentAnalyzer failing =
        new DocumentAnalyzer(A, Passes.extractors(A)) {
          @Override
          public Result analyze(String lang, String title, String text) {
            if (text.contains("boom")) {
              throw new StringIndexOutOfBoundsException("String index out of range: 0");
            }
            return super.analyze(lang, title, text);
          }
        };
    DocumentPass p = new DocumentPass(dated(), true, failing);
    DocumentPass.Outcome o = p.process("a", "boom روسيا", null, "2018-02-03", null);
    assertThat(o.reason()).isEqualTo("analysis_error");
    assertThat(o.detail())
        .isEqualTo(
            "analysis failed: StringIndexOutOfBoundsException: String index out of range: 0");
    // The next document is analysed as usual.
    assertThat(p.process("b", "روسيا", null, "2018-02-03", null).reason()).isNull();
  }

  @Test
  void theLanguageColumnWinsWhenItNamesALanguageElseTheTextIsIdentified() {
    DocumentPass p = new DocumentPass(Passes.settings(CorpusOptions.defaults(), A), false);
    String fr = "Le président français a rencontré son homologue algérien à Alger lundi.";
    assertThat(p.process("a", fr, null, null, null).lang()).isEqualTo("fr");
    assertThat(p.process("a", fr, null, null, "Français").lang()).isEqualTo("fr");
    assertThat(p.process("a", fr, null, null, "eng").lang()).isEqualTo("en");
    assertThat(p.process("a", fr, null, null, "unknown").lang()).isEqualTo("fr");
    assertThat(p.process("a", "وزیر امور خارجه ایران وارد مسکو شد", null, null, null).lang())
        .isEqualTo("fa");
    assertThat(
            p.process(
                    "a",
                    "Die Bundesregierung hat am Montag beschlossen, die Hilfe für die"
                        + " Ukraine auszuweiten, sagte ein Sprecher in Berlin.",
                    null,
                    null,
                    null)
                .lang())
        .isEqualTo("de");
    assertThat(p.process("a", "Москва и Пекин подписали соглашение", null, null, null).lang())
        .isEqualTo("und");
    assertThat(DocumentPass.normalizeLang("Arabic")).isEqualTo("ar");
    assertThat(DocumentPass.normalizeLang("pt-BR")).isEqualTo("pt");
  }

  @Test
  void aGermanDocumentGetsGenericTermsAndItsCldrStates() {
    DocumentPass p = new DocumentPass(Passes.settings(CorpusOptions.defaults(), A), false);
    DocumentPass.Outcome o =
        p.process(
            "a",
            "Die Bundesregierung hat am Montag mit Ägypten und Frankreich ein Abkommen über"
                + " Flüchtlinge unterzeichnet, teilte das Auswärtige Amt mit.",
            null,
            null,
            "de");
    assertThat(o.lang()).isEqualTo("de");
    assertThat(MentionsBlob.decode(o.analysis().mentions()))
        .extracting(MentionsBlob.Mention::state)
        .containsExactly("EG", "FR");
    java.util.Map<String, Integer> terms = new java.util.HashMap<>();
    TermsBlob.readTerms(o.analysis().terms(), terms::put);
    assertThat(terms).containsKeys("bundesregierung", "ägypten", "die");
  }
}
