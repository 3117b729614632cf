package org.marsad.states.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.text.Analysis;
import org.marsad.text.Field;
import org.marsad.text.TextCleaner;

/**
 * Rows per document language, French elision and capitals, CLDR names, cities and their cues,
 * datelines and agencies, and the other rules added for French, Persian and cities.
 */
@Tag("unit")
class StateMatcherLanguagesTest {

  private static final StateMatcher M = StateSettings.defaults(Analysis.defaults()).matcher();

  private static List<String> found(String lang, String... fields) {
    Field[] fs = new Field[fields.length];
    for (int i = 0; i < fields.length; i++) {
      fs[i] = Field.of(TextCleaner.clean(fields[i]));
    }
    return M.findIn(lang, fs).stream()
        .map(m -> m.iso2() + ":" + m.form() + (m.team() ? "+team" : "") + ":" + m.surface())
        .toList();
  }

  @Test
  void rowsApplyToTheirOwnLanguage() {
    // Persian روسیه is the name; the same letters in Arabic are the adjective روسية.
    assertThat(found("fa", "روسیه و ایران")).containsExactly("RU:name:روسیه", "IR:name:ایران");
    assertThat(found("ar", "الحكومة الروسية")).containsExactly("RU:adjective:الروسية");
    // Persian هند (India) is the given name Hind in Arabic.
    assertThat(found("fa", "هند")).containsExactly("IN:name:هند");
    assertThat(found("ar", "قالت هند إنها ستسافر")).isEmpty();
    // French Argentine is the name, English Argentine the adjective.
    assertThat(found("fr", "l'Argentine")).containsExactly("AR:name:Argentine");
    assertThat(found("en", "Argentine wheat")).containsExactly("AR:adjective:Argentine");
    // A language's own row wins over the English one: Mexico is the French capital.
    assertThat(found("fr", "à Mexico")).containsExactly("MX:capital:Mexico");
    assertThat(found("en", "in Mexico")).containsExactly("MX:name:Mexico");
    // French documents read the English rows below their own (cities, names spelt alike).
    assertThat(found("fr", "à Chicago")).containsExactly("US:city:Chicago");
    // und reads the English rows.
    assertThat(found("und", "Iran and Iraq")).containsExactly("IR:name:Iran", "IQ:name:Iraq");
  }

  @Test
  void frenchElisionApostrophesAndCapitals() {
    assertThat(found("fr", "L'Égypte, d’Irak et l'Iran"))
        .containsExactly("EG:name:Égypte", "IQ:name:Irak", "IR:name:Iran");
    assertThat(found("fr", "la Côte d’Ivoire")).containsExactly("CI:name:Côte d’Ivoire");
    assertThat(found("fr", "l'État hébreu")).containsExactly("IL:name:État hébreu");
    // Each entry is checked for its capitals: Suisse the name, suisse the adjective.
    assertThat(found("fr", "la Suisse")).containsExactly("CH:name:Suisse");
    assertThat(found("fr", "une banque suisse")).containsExactly("CH:adjective:suisse");
    assertThat(found("fr", "le Crédit suisse")).isEmpty();
    assertThat(found("fr", "les Marocains")).containsExactly("MA:adjective:Marocains");
    assertThat(found("fr", "la france")).isEmpty();
    // An adjective after en or langue is the language; a name after en is the place.
    assertThat(found("fr", "il parle en anglais")).isEmpty();
    assertThat(found("fr", "la langue arabe")).isEmpty();
    assertThat(found("fr", "en Suisse")).containsExactly("CH:name:Suisse");
    // François Hollande is no Holland.
    assertThat(found("fr", "François Hollande a reçu")).isEmpty();
    assertThat(found("fr", "le lac Tchad")).isEmpty();
  }

  @Test
  void otherLanguagesGetTheirCldrNames() {
    assertThat(found("de", "Ägypten und Frankreich unterzeichneten ein Abkommen"))
        .containsExactly("EG:name:Ägypten", "FR:name:Frankreich");
    assertThat(found("es", "Estados Unidos y Marruecos firmaron en Rabat"))
        .containsExactly("US:name:Estados Unidos", "MA:name:Marruecos", "MA:capital:Rabat");
    assertThat(found("es", "Alemania")).containsExactly("DE:name:Alemania");
    assertThat(found("es", "alemania")).isEmpty();
    assertThat(found("it", "la Germania e la Francia"))
        .containsExactly("DE:name:Germania", "FR:name:Francia");
    assertThat(CldrNames.knows("de")).isTrue();
    assertThat(CldrNames.knows("xx")).isFalse();
    assertThat(CldrNames.isLatinScript("ur")).isFalse();
  }

  @Test
  void citiesAndTheirCues() {
    assertThat(found("ar", "اشتباكات في طرابلس شمال لبنان"))
        .containsExactly("LB:city:طرابلس", "LB:name:لبنان");
    assertThat(found("ar", "اشتباكات في طرابلس")).containsExactly("LY:capital:طرابلس");
    assertThat(found("ar", "وصلت القوات الليبية إلى طرابلس"))
        .containsExactly("LY:adjective:الليبية", "LY:capital:طرابلس");
    assertThat(found("en", "The Pentagon in Alexandria, Va., said")).contains("US:city:Alexandria");
    assertThat(found("en", "a museum in Alexandria")).containsExactly("EG:city:Alexandria");
    assertThat(found("en", "born in Paris, Texas")).containsExactly("US:city:Paris");
    assertThat(found("en", "Paris Hilton arrived")).isEmpty();
    assertThat(found("en", "Georgia's president in Tbilisi"))
        .containsExactly("GE:name:Georgia", "GE:capital:Tbilisi");
    // صور is pictures unless a cue makes it Tyre.
    assertThat(found("ar", "نشرت الوكالة صور الأقمار الصناعية")).isEmpty();
    assertThat(found("ar", "في مدينة صور")).containsExactly("LB:city:صور");
    assertThat(found("ar", "قضى ليل الأحد في المستشفى")).isEmpty();
    assertThat(found("en", "Aleppo")).containsExactly("SY:city:Aleppo");
    // A club named after its city in a match report is the team.
    assertThat(found("ar", "فاز برشلونة على ليفربول في المباراة"))
        .containsExactly("ES:city+team:برشلونة", "GB:city+team:ليفربول");
  }

  @Test
  void datelinesNameTheirPlaceAndAgenciesNoState() {
    assertThat(found("en", "NEW YORK, March 3 (Reuters) - Stocks rose on Wall Street."))
        .containsExactly("US:city:NEW YORK");
    assertThat(found("ar", "دبي (رويترز) - قال مسؤول إن الصادرات ارتفعت"))
        .containsExactly("AE:city:دبي");
    assertThat(found("fr", "PARIS (AFP) - Le gouvernement a annoncé"))
        .containsExactly("FR:capital:PARIS");
    // A dateline's place is a place even when it is a common word elsewhere.
    assertThat(found("ar", "صور (رويترز) - قال مسؤول")).containsExactly("LB:city:صور");
    // An agency credit is no mention of its home state: (الفرنسية) is AFP, not France.
    assertThat(found("ar", "بيروت - (الفرنسية) قال الوزير")).containsExactly("LB:capital:بيروت");
    assertThat(found("ar", "قالت الحكومة الفرنسية")).containsExactly("FR:adjective:الفرنسية");
    assertThat(found("ar", "نقلت وكالة الأنباء المركزية الكورية")).isEmpty();
    assertThat(found("fa", "تهران- ایرنا- وزیر خارجه")).containsExactly("IR:capital:تهران");
  }

  @Test
  void theUsDollarNamesTheCurrencyNotTheState() {
    assertThat(found("ar", "بلغت قيمة الصفقة مليار دولار أمريكي")).isEmpty();
    assertThat(found("en", "a 100 mln U.S. dlr eurobond")).isEmpty();
    assertThat(found("fr", "2,6 milliards de dollars américains")).isEmpty();
    assertThat(found("en", "the Swiss franc rose")).containsExactly("CH:adjective:Swiss");
  }

  @Test
  void compoundsPersianContextsMetonymsAndTeams() {
    assertThat(found("fr", "le conflit israélo-palestinien"))
        .containsExactly("IL:adjective:israélo", "PS:adjective:palestinien");
    assertThat(found("en", "the Saudi-led coalition")).containsExactly("SA:adjective:Saudi");
    assertThat(found("fa", "روز دوشنبه جلسه برگزار شد")).isEmpty();
    assertThat(found("fa", "رئیس‌جمهور تاجیکستان در دوشنبه"))
        .containsExactly("TJ:name:تاجیکستان", "TJ:capital:دوشنبه");
    assertThat(found("fa", "کشور در آستانه انتخابات است")).isEmpty();
    assertThat(found("fa", "نشست آستانه")).containsExactly("KZ:capital:آستانه");
    assertThat(found("fa", "شبکه الجزیره گزارش داد")).isEmpty();
    assertThat(found("fa", "آمریکاییها")).containsExactly("US:adjective:آمریکایی");
    assertThat(found("ar", "قال البيت الأبيض")).containsExactly("US:capital:البيت الأبيض");
    assertThat(found("en", "the Kremlin said")).containsExactly("RU:capital:Kremlin");
    assertThat(found("ar", "دعم للبنان")).containsExactly("LB:name:لبنان");
    assertThat(found("ar", "سيادة الدولة اللبنانية")).containsExactly("LB:name:اللبنانية");
    assertThat(found("ar", "قال مدرب منتخب مصر")).containsExactly("EG:name+team:مصر");
    assertThat(found("fr", "l'équipe de France")).containsExactly("FR:name+team:France");
    // In a title in capitals a city counts only when the body names its state.
    assertThat(found("en", "COMPANY VOTES STOCK SPLIT", "The board voted a split.")).isEmpty();
  }

  @Test
  void withoutALanguageTheMatcherIdentifiesIt() {
    assertThat(M.find("Le président français a rencontré son homologue algérien à Alger."))
        .extracting(StateMatcher.Mention::iso2)
        .containsExactly("FR", "DZ", "DZ");
  }
}
