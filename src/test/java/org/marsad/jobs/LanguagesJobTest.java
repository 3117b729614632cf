package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.jobs.JobTestSupport.config;
import static org.marsad.jobs.JobTestSupport.table;
import static org.marsad.jobs.JobTestSupport.writeCorpus;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.corpus.CorpusOptions;

/**
 * A mixed Arabic, French, English, Persian (and German) corpus without a language column: each
 * document is identified, analysed in its language and matched with its language's rows; terms are
 * counted per language, never mixed.
 */
@Tag("spark")
class LanguagesJobTest {

  @TempDir Path tmp;

  @Test
  void eachLanguageIsIdentifiedAnalysedAndMatchedOnItsOwn() {
    String in =
        writeCorpus(
            tmp,
            new String[] {"id", "title", "text"},
            new Object[] {
              "ar1",
              "قمة في دوشنبه",
              "وصل الرئيس الروسي إلى دوشنبه للمشاركة في القمة، وبحث مع نظيره الطاجيكي التعاون مع الصين."
            },
            new Object[] {
              "ar2",
              "للبنان دعم أميركي",
              "أعلنت الولايات المتحدة دعمها للبنان، وقال مسؤول أمريكي إن واشنطن ستقدم مساعدات."
            },
            new Object[] {
              "fr1",
              "Les présidents se retrouvent au Caire",
              "Le président égyptien a reçu lundi au Caire son homologue français. L'Égypte et la"
                  + " France ont signé plusieurs accords, selon la présidence."
            },
            new Object[] {
              "fr2",
              "Tensions entre l'Algérie et le Maroc",
              "Alger a rappelé son ambassadeur à Rabat après des déclarations jugées hostiles par"
                  + " les présidents des deux pays."
            },
            new Object[] {
              "en1",
              "U.S. and Japan agree on trade",
              "The United States and Japan agreed on Tuesday to cut tariffs on cars, officials in"
                  + " Washington and Tokyo said, as presidents praised the deal."
            },
            new Object[] {
              "en2",
              "Kenya's election",
              "Kenya held a presidential election on Monday, and observers from Uganda said the vote"
                  + " was calm."
            },
            new Object[] {
              "fa1",
              "سفر وزیر خارجه ایران به مسکو",
              "وزیر امور خارجه ایران روز دوشنبه برای گفت‌وگو با همتای روس خود وارد مسکو شد."
                  + " دو طرف درباره کتاب‌ها و تحولات سوریه گفت‌وگو کردند."
            },
            new Object[] {
              "fa2",
              "دیدار رهبران ترکیه و عراق",
              "رئیس‌جمهور ترکیه در آنکارا با نخست‌وزیر عراق دیدار کرد و درباره آب گفت‌وگو کرد."
            },
            new Object[] {
              "de1",
              "Abkommen mit Ägypten",
              "Die Bundesregierung hat am Montag mit Ägypten ein Abkommen über Flüchtlinge"
                  + " unterzeichnet, teilte das Auswärtige Amt in Berlin mit."
            });
    String out = tmp.resolve("out").toString();
    MarsadJob.run(
        SharedSpark.get(),
        config(in, out, CorpusOptions.defaults()),
        Set.of(MarsadJob.Stage.TERMS, MarsadJob.Stage.STATES),
        "test");

    Map<String, String> langs = new TreeMap<>();
    for (Row d : table(out, "documents").collectAsList()) {
      langs.put(d.getAs("doc_id"), d.getAs("lang"));
    }
    assertThat(langs)
        .containsEntry("ar1", "ar")
        .containsEntry("ar2", "ar")
        .containsEntry("fr1", "fr")
        .containsEntry("fr2", "fr")
        .containsEntry("en1", "en")
        .containsEntry("en2", "en")
        .containsEntry("fa1", "fa")
        .containsEntry("fa2", "fa")
        .containsEntry("de1", "de");

    // Terms per language: each analyser's keys, under its own lang.
    Map<String, Set<String>> terms = new HashMap<>();
    for (Row t : table(out, "term_frequencies").collectAsList()) {
      terms.computeIfAbsent(t.getAs("lang"), k -> new TreeSet<>()).add(t.getAs("term"));
    }
    assertThat(terms.get("fr")).contains("president", "egypt", "ambasadeu").doesNotContain("les");
    assertThat(terms.get("en")).contains("presid", "tariff", "japan").doesNotContain("ambasadeu");
    assertThat(terms.get("ar")).contains("لبنان", "امريك", "دوشنبه");
    assertThat(terms.get("fa")).contains("ايران", "كتاب").doesNotContain("ها", "كتابها");
    assertThat(terms.get("de")).contains("bundesregierung", "ägypten");
    // "president" is a French key and "presid" an English one: never mixed.
    assertThat(terms.get("en")).doesNotContain("president");
    assertThat(terms.get("fr")).doesNotContain("presid");

    // States from every language, each through its own rows.
    Map<String, Set<String>> states = new TreeMap<>();
    for (Row m : table(out, "state_mentions").collectAsList()) {
      states.computeIfAbsent(m.getAs("doc_id"), k -> new TreeSet<>()).add(m.getAs("state"));
    }
    assertThat(states.get("ar1")).containsExactly("CN", "RU", "TJ");
    assertThat(states.get("ar2")).containsExactly("LB", "US");
    assertThat(states.get("fr1")).containsExactly("EG", "FR");
    assertThat(states.get("fr2")).containsExactly("DZ", "MA");
    assertThat(states.get("en1")).containsExactly("JP", "US");
    assertThat(states.get("en2")).containsExactly("KE", "UG");
    // دوشنبه is Monday in Persian: no Tajikistan.
    assertThat(states.get("fa1")).containsExactly("IR", "RU", "SY");
    assertThat(states.get("fa2")).containsExactly("IQ", "TR");
    assertThat(states.get("de1")).containsExactly("DE", "EG");
  }
}
