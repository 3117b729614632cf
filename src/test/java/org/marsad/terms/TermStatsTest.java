package org.marsad.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;
import org.marsad.analysis.Docs;

/** Keyness and collocation measures against values computed by hand. */
@Tag("spark")
class TermStatsTest {

  @Test
  void keynessMatchesHandComputedDunningG2AndLogRatio() {
    Dataset<Row> tf =
        SharedSpark.get()
            .sql(
                "select * from values "
                    + "('P1','s','ar','a','A',10L,1L), ('P1','s','ar','z','Z',90L,1L),"
                    + "('P2','s','ar','a','A',5L,1L), ('P2','s','ar','z','Z',195L,1L) "
                    + "as t(period, source, lang, term, label, term_count, doc_count)");
    List<Row> rows = TermStats.keyness(tf, 1).orderBy("period", "term").collectAsList();
    Row a1 = rows.get(0);
    assertThat((String) a1.getAs("term")).isEqualTo("a");
    assertThat((Long) a1.getAs("count_period")).isEqualTo(10L);
    assertThat((Long) a1.getAs("count_rest")).isEqualTo(5L);
    // E1 = 100*15/300 = 5, E2 = 10: G2 = 2(10 ln 2 + 5 ln 0.5) = 6.9314718; log2((10/100)/(5/200))
    // = 2
    assertThat((Double) a1.getAs("g2")).isCloseTo(6.931471805599453, within(1e-9));
    assertThat((Double) a1.getAs("log_ratio")).isCloseTo(2.0, within(1e-9));
    Row z1 = rows.get(1);
    assertThat((Double) z1.getAs("g2")).isCloseTo(0.3983398686220383, within(1e-9));
    assertThat((Double) z1.getAs("log_ratio")).isCloseTo(-0.1154772174199359, within(1e-9));
    assertThat(TermStats.keyness(tf, 11).filter("period = 'P1' and term = 'a'").count()).isZero();
  }

  @Test
  void collocationsMatchHandComputedPmiAndG2() {
    // Pairs: x y ×4 (form "X Y"), x w ×1, v y ×2, v w ×3 in one document each run of tokens.
    Docs d = new Docs();
    int i = 0;
    for (String[] p :
        new String[][] {
          {"x/X", "y/Y", "4"}, {"x/X", "w/W", "1"}, {"v/V", "y/Y", "2"}, {"v/V", "w/W", "3"}
        }) {
      for (int k = 0; k < Integer.parseInt(p[2]); k++) {
        d.add("d" + i++, "P", 1, List.of(), p[0], p[1]);
      }
    }
    Dataset<Row> docs = d.dataset();
    List<Row> rows = TermStats.collocations(docs, 1).filter("term = 'x y'").collectAsList();
    assertThat(rows).hasSize(1);
    Row r = rows.get(0);
    assertThat((Long) r.getAs("count")).isEqualTo(4L);
    assertThat((String) r.getAs("label")).isEqualTo("X Y");
    // N = 10, c(x·) = 5, c(·y) = 6: PMI = log2(4*10/30); G2 over the 2x2 table (4,1,2,3).
    assertThat((Double) r.getAs("pmi")).isCloseTo(0.41503749927884376, within(1e-9));
    assertThat((Double) r.getAs("g2")).isCloseTo(1.7260924347106847, within(1e-9));
    assertThat(TermStats.collocations(docs, 5).count()).isZero();
  }

  @Test
  void countsAndLabelsFromTheDocumentsTerms() {
    Docs d =
        new Docs()
            .add("d1", "P", 1, List.of(), "a/A1", "a/A1", "b/B")
            .add("d2", "P", 1, List.of(), "a/A2", "a/A1");
    Row a =
        TermStats.frequencies(TermStats.counts(d.dataset()), TermStats.labels(d.dataset()))
            .filter("term = 'a'")
            .first();
    assertThat((Long) a.getAs("term_count")).isEqualTo(4L);
    assertThat((Long) a.getAs("doc_count")).isEqualTo(2L);
    assertThat((String) a.getAs("label")).isEqualTo("A1");
  }

  @Test
  void keynessComparesPeriodsWithinEachLanguageOnly() {
    // The same rows in ar and in fr, and other counts of the same term string in de (a language
    // with the generic analysis): each language's keyness is that of its own rows.
    Dataset<Row> tf =
        SharedSpark.get()
            .sql(
                "select * from values "
                    + "('P1','s','ar','a','A',10L,1L), ('P1','s','ar','z','Z',90L,1L),"
                    + "('P2','s','ar','a','A',5L,1L), ('P2','s','ar','z','Z',195L,1L),"
                    + "('P1','s','fr','a','A',10L,1L), ('P1','s','fr','z','Z',90L,1L),"
                    + "('P2','s','fr','a','A',5L,1L), ('P2','s','fr','z','Z',195L,1L),"
                    + "('P1','s','de','a','A',70L,1L), ('P2','s','de','a','A',3L,1L),"
                    + "('P2','s','de','q','Q',500L,1L) "
                    + "as t(period, source, lang, term, label, term_count, doc_count)");
    for (String lang : List.of("ar", "fr")) {
      Row a1 =
          TermStats.keyness(tf, 1)
              .filter("period = 'P1' and term = 'a' and lang = '" + lang + "'")
              .first();
      assertThat((Long) a1.getAs("count_rest")).isEqualTo(5L);
      assertThat((Double) a1.getAs("g2")).isCloseTo(6.931471805599453, within(1e-9));
    }
    Row de = TermStats.keyness(tf, 1).filter("period = 'P1' and lang = 'de'").first();
    assertThat((Long) de.getAs("count_rest")).isEqualTo(3L);
  }

  @Test
  void collocationsAreCountedPerLanguage() {
    Docs d = new Docs();
    for (int k = 0; k < 3; k++) {
      d.add("a" + k, "P", 1, List.of(), "x/X", "y/Y");
      d.addLang("f" + k, "fr", "P", 1, List.of(), "x/X", "y/Y");
    }
    List<Row> rows = TermStats.collocations(d.dataset(), 1).filter("term = 'x y'").collectAsList();
    assertThat(rows)
        .extracting(r -> (String) r.getAs("lang"))
        .containsExactlyInAnyOrder("ar", "fr");
    assertThat(rows).extracting(r -> (Long) r.getAs("count")).containsOnly(3L);
  }
}
