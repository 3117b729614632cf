package org.marsad.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;
import org.marsad.pipeline.MentionsBlob;
import org.marsad.pipeline.TermsBlob;
import org.marsad.text.Analysis;
import org.marsad.text.DocumentTerms;
import org.marsad.text.Field;
import org.marsad.text.TextCleaner;
import org.marsad.text.Token;

/** The pass's binary values decode to exactly what was counted. */
@Tag("unit")
class BlobsTest {

  private static final Analysis A = Analysis.defaults();

  @Test
  void termsBlobHoldsTheSameCountsFormsAndBigramsAsDocumentTerms() throws Exception {
    String seed =
        TextCleaner.clean(
            Files.readString(
                SharedSpark.repo().resolve("sample-data/seed/000_316ae984aebcec15.txt"),
                StandardCharsets.UTF_8));
    List<List<Token>> fields =
        List.of(A.forLanguage("ar").analyze("قمة دوشنبه"), A.forLanguage("ar").analyze(seed));
    DocumentTerms expected = DocumentTerms.of(fields);
    byte[] blob = TermsBlob.encode(fields);
    Map<String, Integer> terms = new HashMap<>();
    Map<String, Integer> forms = new HashMap<>();
    Map<String, String> bigrams = new HashMap<>();
    TermsBlob.readAll(
        blob,
        new TermsBlob.Visitor() {
          @Override
          public void term(String term, int count) {
            terms.put(term, count);
          }

          @Override
          public void form(String term, String form, int count) {
            forms.put(term + "|" + form, count);
          }

          @Override
          public void bigram(String a, String b, String formA, String formB, int count) {
            bigrams.put(a + "\t" + b, formA + " " + formB + "#" + count);
          }
        });
    assertThat(TermsBlob.tokens(blob)).isEqualTo(expected.nTokens());
    Map<String, Integer> wantTerms = new HashMap<>();
    expected.terms().forEach(t -> wantTerms.put(t.term(), t.n()));
    assertThat(terms).isEqualTo(wantTerms);
    Map<String, Integer> wantForms = new HashMap<>();
    expected.forms().forEach(f -> wantForms.put(f.term() + "|" + f.form(), f.n()));
    assertThat(forms).isEqualTo(wantForms);
    Map<String, String> wantBigrams = new HashMap<>();
    expected.bigrams().forEach(g -> wantBigrams.put(g.a() + "\t" + g.b(), g.form() + "#" + g.n()));
    assertThat(bigrams).isEqualTo(wantBigrams);
    Map<String, Integer> onlyTerms = new HashMap<>();
    TermsBlob.readTerms(blob, onlyTerms::put);
    assertThat(onlyTerms).isEqualTo(wantTerms);
  }

  @Test
  void mentionsRoundTripWithContextsInsideTheirSentence() {
    DocumentAnalyzer d = new DocumentAnalyzer(A, Passes.extractors(A));
    String text = "قال مسؤول إن روسيا والصين اتفقتا. ثم زار الوزير طهران.";
    DocumentAnalyzer.Result r = d.analyze("ar", "روسيا", text);
    List<MentionsBlob.Mention> ms = MentionsBlob.decode(r.mentions());
    assertThat(ms).extracting(MentionsBlob.Mention::state).containsExactly("RU", "RU", "CN", "IR");
    assertThat(ms).extracting(MentionsBlob.Mention::sentence).containsExactly(0, 1, 1, 2);
    for (MentionsBlob.Mention m : ms) {
      String field = m.field() == 0 ? "روسيا" : text;
      assertThat(field.substring(m.start(), m.end())).isEqualTo(m.surface());
      assertThat(m.context().substring(m.contextStart(), m.contextEnd())).isEqualTo(m.surface());
    }
    assertThat(ms.get(3).context()).isEqualTo("ثم زار الوزير طهران.");
    assertThat(r.sentences()).isEqualTo(3);
    assertThat(Field.of(text).sentences()).isEqualTo(2);
  }
}
