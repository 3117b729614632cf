package org.marsad.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.text.Field;

/**
 * One hand-made sentence per rule and language (made up for these tests, no corpus text): each
 * asserts the relation, the quad class and the direction of its pairs.
 */
@Tag("unit")
class RelationClassifierTest {

  private static final RelationClassifier C = RelationClassifier.defaults();

  /**
   * Classifies {@code s}; each state is {@code ISO:surface[:form]}, found in order after the
   * previous one (form name by default).
   */
  static List<PairRelation> rel(String lang, String s, String... states) {
    List<Named> named = new ArrayList<>();
    int from = 0;
    for (String spec : states) {
      String[] p = spec.split(":");
      int i = s.indexOf(p[1], from);
      assertThat(i).as("%s in %s", p[1], s).isGreaterThanOrEqualTo(0);
      named.add(new Named(p[0], i, i + p[1].length(), p.length > 2 ? p[2] : "name"));
      from = i + p[1].length();
    }
    return C.classify(lang, s, named);
  }

  /** Asserts the pair {@code "A-B"} (A &lt; B) has {@code quad} and {@code direction}. */
  static void pair(List<PairRelation> rs, String ab, Quad quad, String direction) {
    String[] k = ab.split("-");
    PairRelation r =
        rs.stream()
            .filter(p -> p.a().equals(k[0]) && p.b().equals(k[1]))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no pair " + ab + " in " + rs));
    assertThat(r.quad()).as("%s quad in %s", ab, rs).isEqualTo(quad);
    assertThat(r.relation()).as("%s relation", ab).isEqualTo(quad.relation());
    assertThat(r.direction().label()).as("%s direction in %s", ab, rs).isEqualTo(direction);
    if (quad == Quad.NEUTRAL) {
      assertThat(r.cueStart()).isEqualTo(-1);
    } else {
      assertThat(r.cue()).isNotEmpty();
    }
  }

  private static final Quad VC = Quad.VERBAL_COOPERATION;
  private static final Quad MC = Quad.MATERIAL_COOPERATION;
  private static final Quad VK = Quad.VERBAL_CONFLICT;
  private static final Quad MK = Quad.MATERIAL_CONFLICT;
  private static final Quad N = Quad.NEUTRAL;

  // -------------------------------------------------------------------------------------------
  // Direction and subject/object roles

  @Test
  void subjectActsOnObject() {
    pair(rel("en", "Egypt condemned Israel.", "EG:Egypt", "IL:Israel"), "EG-IL", VK, "a>b");
    pair(rel("en", "Turkey criticised Egypt.", "TR:Turkey", "EG:Egypt"), "EG-TR", VK, "b>a");
    // Arabic verb-subject-object and subject-verb-object.
    pair(rel("ar", "انتقدت تركيا مصر.", "TR:تركيا", "EG:مصر"), "EG-TR", VK, "b>a");
    pair(rel("ar", "تركيا تنتقد مصر.", "TR:تركيا", "EG:مصر"), "EG-TR", VK, "b>a");
    pair(rel("fr", "La Turquie critique l'Égypte.", "TR:Turquie", "EG:Égypte"), "EG-TR", VK, "b>a");
  }

  @Test
  void visitsGoFromVisitorToHost() {
    pair(
        rel("en", "The Egyptian president visited Sudan.", "EG:Egyptian:adjective", "SD:Sudan"),
        "EG-SD",
        VC,
        "a>b");
    // The host receives: the visitor still acts.
    pair(
        rel("en", "Sudan hosted the Egyptian president.", "SD:Sudan", "EG:Egyptian:adjective"),
        "EG-SD",
        VC,
        "a>b");
    pair(
        rel(
            "ar",
            "استقبل الرئيس المصري نظيره التونسي.",
            "EG:المصري:adjective",
            "TN:التونسي:adjective"),
        "EG-TN",
        VC,
        "b>a");
    pair(
        rel("ar", "وصل الرئيس التركي إلى قطر في زيارة رسمية.", "TR:التركي:adjective", "QA:قطر"),
        "QA-TR",
        VC,
        "b>a");
    pair(
        rel(
            "fr",
            "Le président français a visité l'Algérie.",
            "FR:français:adjective",
            "DZ:Algérie"),
        "DZ-FR",
        VC,
        "b>a");
  }

  @Test
  void meetingsAndAgreementsAreMutual() {
    pair(
        rel(
            "en",
            "Iran's foreign minister met his Iraqi counterpart.",
            "IR:Iran",
            "IQ:Iraqi:adjective"),
        "IQ-IR",
        VC,
        "none");
    pair(
        rel("en", "Turkey and Russia signed an agreement.", "TR:Turkey", "RU:Russia"),
        "RU-TR",
        VC,
        "none");
    pair(
        rel(
            "ar",
            "بحث وزير الخارجية المصري مع نظيره الأردني العلاقات الثنائية.",
            "EG:المصري:adjective",
            "JO:الأردني:adjective"),
        "EG-JO",
        VC,
        "none");
    pair(
        rel("ar", "وقعت مصر والسعودية اتفاقية للتعاون.", "EG:مصر", "SA:السعودية"),
        "EG-SA",
        VC,
        "none");
    pair(
        rel("fr", "Le Maroc et l'Espagne ont signé un accord.", "MA:Maroc", "ES:Espagne"),
        "ES-MA",
        VC,
        "none");
  }

  @Test
  void aidGoesFromDonorToRecipient() {
    pair(rel("en", "Norway granted Nepal a loan.", "NO:Norway", "NP:Nepal"), "NO-NP", MC, "a>b");
    pair(
        rel("en", "Egypt received aid from the United States.", "EG:Egypt", "US:United States"),
        "EG-US",
        MC,
        "b>a");
    pair(
        rel("ar", "قدمت قطر مساعدات إنسانية إلى لبنان.", "QA:قطر", "LB:لبنان"), "LB-QA", MC, "b>a");
    pair(
        rel("fr", "Le Japon a accordé une aide au Vietnam.", "JP:Japon", "VN:Vietnam"),
        "JP-VN",
        MC,
        "a>b");
  }

  @Test
  void sanctionsAndStrikesAreMaterialConflict() {
    pair(
        rel("en", "Chile imposed duties on Peruvian wire.", "CL:Chile", "PE:Peruvian:adjective"),
        "CL-PE",
        MK,
        "a>b");
    pair(
        rel(
            "en",
            "Israeli jets struck Syrian army positions.",
            "IL:Israeli:adjective",
            "SY:Syrian:adjective"),
        "IL-SY",
        MK,
        "a>b");
    pair(
        rel("ar", "فرضت الولايات المتحدة عقوبات على إيران.", "US:الولايات المتحدة", "IR:إيران"),
        "IR-US",
        MK,
        "b>a");
    pair(rel("ar", "شنت إسرائيل غارات على سوريا.", "IL:إسرائيل", "SY:سوريا"), "IL-SY", MK, "a>b");
    pair(
        rel("fr", "La Russie a bombardé l'Ukraine.", "RU:Russie", "UA:Ukraine"),
        "RU-UA",
        MK,
        "a>b");
    pair(
        rel(
            "fr", "L'Union européenne et le Canada ont imposé des sanctions à la Russie.",
            "CA:Canada", "RU:Russie"),
        "CA-RU",
        MK,
        "a>b");
  }

  @Test
  void nominalActsReadTheirActorAndTarget() {
    // The adjective and the possessive are the actor of the noun; "on" / على its target.
    pair(
        rel("en", "Israel's strikes on Syria continued.", "IL:Israel", "SY:Syria"),
        "IL-SY",
        MK,
        "a>b");
    pair(
        rel("ar", "تواصل القصف الإسرائيلي على غزة.", "IL:الإسرائيلي:adjective", "PS:غزة:city"),
        "IL-PS",
        MK,
        "a>b");
    // A genitive name after a noun is its target ... unless another state is marked as target.
    pair(
        rel("ar", "أدى احتلال العراق للكويت إلى حرب.", "IQ:العراق", "KW:للكويت"),
        "IQ-KW",
        MK,
        "a>b");
  }

  // -------------------------------------------------------------------------------------------
  // Negation, modality, passive, attribution

  @Test
  void negatedCueGivesNoRelation() {
    pair(
        rel("en", "The United States did not condemn Iran.", "US:United States", "IR:Iran"),
        "IR-US",
        N,
        "none");
    pair(rel("ar", "لم تدن الهند باكستان.", "IN:الهند", "PK:باكستان"), "IN-PK", N, "none");
    pair(
        rel("fr", "L'Algérie n'a pas condamné le Maroc.", "DZ:Algérie", "MA:Maroc"),
        "DZ-MA",
        N,
        "none");
    // A denial negates the act of its complement clause.
    pair(
        rel("ar", "نفت السعودية أن تكون قد قصفت مواقع يمنية.", "SA:السعودية", "YE:يمنية:adjective"),
        "SA-YE",
        N,
        "none");
    pair(
        rel("en", "Russia denied that it attacked Georgia.", "RU:Russia", "GE:Georgia"),
        "GE-RU",
        N,
        "none");
  }

  @Test
  void refusalIsAnActNotANegation() {
    pair(
        rel("en", "Kenya refused to hand the suspects over to Uganda.", "KE:Kenya", "UG:Uganda"),
        "KE-UG",
        VK,
        "a>b");
    pair(rel("ar", "رفضت اليابان طلب الصين.", "JP:اليابان", "CN:الصين"), "CN-JP", VK, "b>a");
  }

  @Test
  void futureAndModalityKeepTheClassAsVerbal() {
    pair(
        rel("en", "France will impose sanctions on Russia.", "FR:France", "RU:Russia"),
        "FR-RU",
        VK,
        "a>b");
    pair(rel("en", "Egypt may send aid to Lebanon.", "EG:Egypt", "LB:Lebanon"), "EG-LB", VC, "a>b");
    pair(
        rel("ar", "تعتزم فرنسا فرض عقوبات على روسيا.", "FR:فرنسا", "RU:روسيا"), "FR-RU", VK, "a>b");
    // The future prefix س on the verb.
    pair(
        rel("ar", "ستقدم اليابان مساعدات إلى الأردن.", "JP:اليابان", "JO:الأردن"),
        "JO-JP",
        VC,
        "b>a");
    pair(
        rel("ar", "قد تقطع المغرب علاقاتها مع إيران.", "MA:المغرب", "IR:إيران"),
        "IR-MA",
        VK,
        "b>a");
    pair(
        rel(
            "fr",
            "Les États-Unis vont imposer des sanctions à l'Iran.",
            "US:États-Unis",
            "IR:Iran"),
        "IR-US",
        VK,
        "b>a");
    // French future tense.
    pair(
        rel("fr", "La Chine livrera des avions au Pakistan.", "CN:Chine", "PK:Pakistan"),
        "CN-PK",
        VC,
        "a>b");
  }

  @Test
  void threatsFrameTheActTheyThreaten() {
    pair(
        rel("en", "Iran threatened to attack Israel.", "IR:Iran", "IL:Israel"), "IL-IR", VK, "b>a");
    pair(rel("ar", "هددت إيران بضرب إسرائيل.", "IR:إيران", "IL:إسرائيل"), "IL-IR", VK, "b>a");
    pair(
        rel("fr", "La Turquie menace de frapper la Syrie.", "TR:Turquie", "SY:Syrie"),
        "SY-TR",
        VK,
        "b>a");
  }

  @Test
  void passiveAndAgentKeepTheActor() {
    pair(rel("en", "Syria was attacked by Turkey.", "SY:Syria", "TR:Turkey"), "SY-TR", MK, "b>a");
    pair(
        rel(
            "en",
            "Ankara was accused by Athens of violating its airspace.",
            "TR:Ankara:capital",
            "GR:Athens:capital"),
        "GR-TR",
        VK,
        "a>b");
    pair(
        rel("fr", "La Syrie a été frappée par la Turquie.", "SY:Syrie", "TR:Turquie"),
        "SY-TR",
        MK,
        "b>a");
    // تعرض لـ: the subject undergoes the act.
    pair(
        rel("ar", "تعرضت سوريا لقصف إسرائيلي.", "SY:سوريا", "IL:إسرائيلي:adjective"),
        "IL-SY",
        MK,
        "a>b");
    pair(
        rel(
            "ar",
            "تعرضت السفارة المصرية لهجوم من قبل متظاهرين ليبيين.",
            "EG:المصرية:adjective",
            "LY:ليبيين:adjective"),
        "EG-LY",
        MK,
        "b>a");
  }

  @Test
  void accusationsGoFromAccuserToAccused() {
    pair(
        rel("en", "Poland accused Belarus of pushing migrants.", "PL:Poland", "BY:Belarus"),
        "BY-PL",
        VK,
        "b>a");
    List<PairRelation> rs =
        rel(
            "en",
            "The US accused Iran of attacking Saudi Arabia.",
            "US:US",
            "IR:Iran",
            "SA:Saudi Arabia");
    pair(rs, "IR-US", VK, "b>a");
    pair(rs, "IR-SA", MK, "a>b");
    pair(
        rel("ar", "اتهمت إيران إسرائيل بالوقوف وراء الهجوم.", "IR:إيران", "IL:إسرائيل"),
        "IL-IR",
        VK,
        "b>a");
    pair(
        rel("fr", "Le Mali accuse la France d'ingérence.", "ML:Mali", "FR:France"),
        "FR-ML",
        VK,
        "b>a");
  }

  // -------------------------------------------------------------------------------------------
  // Clauses: contrast, reported speech

  @Test
  void theClauseAfterButDecides() {
    List<PairRelation> en =
        rel(
            "en",
            "Brazil and Argentina signed a trade pact, but Argentina criticised Brazil.",
            "BR:Brazil",
            "AR:Argentina",
            "AR:Argentina",
            "BR:Brazil");
    pair(en, "AR-BR", VK, "a>b");
    List<PairRelation> ar =
        rel(
            "ar",
            "انتقدت تركيا فرنسا لكنها أشادت بموقف ألمانيا.",
            "TR:تركيا",
            "FR:فرنسا",
            "DE:ألمانيا");
    pair(ar, "FR-TR", VK, "b>a");
    pair(ar, "DE-TR", VC, "b>a");
    pair(ar, "DE-FR", N, "none");
    List<PairRelation> fr =
        rel(
            "fr",
            "La Turquie a critiqué la France mais a salué l'Allemagne.",
            "TR:Turquie",
            "FR:France",
            "DE:Allemagne");
    pair(fr, "DE-TR", VC, "b>a");
    pair(fr, "FR-TR", VK, "b>a");
  }

  @Test
  void aSpeakerReportingAnotherStatesActIsNoParty() {
    List<PairRelation> rs =
        rel(
            "ar",
            "قال وزير الخارجية الروسي إن الولايات المتحدة قصفت مواقع في سوريا.",
            "RU:الروسي:adjective",
            "US:الولايات المتحدة",
            "SY:سوريا");
    pair(rs, "SY-US", MK, "b>a");
    pair(rs, "RU-US", N, "none");
    // ... but a speaker whose complement has no subject of its own is that subject.
    pair(
        rel("en", "Egypt said it would send aid to Lebanon.", "EG:Egypt", "LB:Lebanon"),
        "EG-LB",
        VC,
        "a>b");
  }

  // -------------------------------------------------------------------------------------------
  // Joint action, solidarity

  @Test
  void jointActionAgainstAThirdState() {
    List<PairRelation> en =
        rel(
            "en",
            "France and Italy issued a joint statement condemning Serbia.",
            "FR:France",
            "IT:Italy",
            "RS:Serbia");
    pair(en, "FR-IT", VC, "none");
    pair(en, "FR-RS", VK, "a>b");
    pair(en, "IT-RS", VK, "a>b");
    List<PairRelation> ar =
        rel(
            "ar",
            "شنت القوات الأمريكية والبريطانية ضربات مشتركة على ليبيا.",
            "US:الأمريكية:adjective",
            "GB:البريطانية:adjective",
            "LY:ليبيا");
    pair(ar, "GB-US", MC, "none");
    pair(ar, "GB-LY", MK, "a>b");
    pair(ar, "LY-US", MK, "b>a");
    List<PairRelation> fr =
        rel(
            "fr",
            "Le Qatar et la Turquie ont lancé des frappes conjointes contre la Syrie.",
            "QA:Qatar",
            "TR:Turquie",
            "SY:Syrie");
    pair(fr, "QA-TR", MC, "none");
    pair(fr, "QA-SY", MK, "a>b");
  }

  @Test
  void parallelReactionsAreNeutralToEachOther() {
    List<PairRelation> en =
        rel(
            "en",
            "Sweden and Finland both criticised Turkey.",
            "SE:Sweden",
            "FI:Finland",
            "TR:Turkey");
    pair(en, "FI-SE", N, "none");
    pair(en, "SE-TR", VK, "a>b");
    pair(rel("ar", "رحبت قطر والكويت بالاتفاق.", "QA:قطر", "KW:الكويت"), "KW-QA", N, "none");
  }

  @Test
  void condemningAnAttackOnBIsSolidarityWithB() {
    List<PairRelation> en =
        rel(
            "en",
            "Spain condemned Morocco's attack on Algeria.",
            "ES:Spain",
            "MA:Morocco",
            "DZ:Algeria");
    pair(en, "ES-MA", VK, "a>b");
    pair(en, "DZ-ES", VC, "b>a");
    pair(en, "DZ-MA", MK, "b>a");
    pair(
        rel("en", "Mexico condemned the bombing in Kenya.", "MX:Mexico", "KE:Kenya"),
        "KE-MX",
        VC,
        "b>a");
    List<PairRelation> ar =
        rel(
            "ar",
            "أدانت مصر الهجوم الإسرائيلي على سوريا.",
            "EG:مصر",
            "IL:الإسرائيلي:adjective",
            "SY:سوريا");
    pair(ar, "EG-IL", VK, "a>b");
    pair(ar, "EG-SY", VC, "a>b");
    pair(ar, "IL-SY", MK, "a>b");
    List<PairRelation> fr =
        rel(
            "fr",
            "La France a condamné l'attaque israélienne contre la Syrie.",
            "FR:France",
            "IL:israélienne:adjective",
            "SY:Syrie");
    pair(fr, "FR-IL", VK, "a>b");
    pair(fr, "FR-SY", VC, "a>b");
    // Passive: the condemned attack comes first.
    List<PairRelation> passive =
        rel(
            "en",
            "Israel's strikes on Syria were condemned by Egypt.",
            "IL:Israel",
            "SY:Syria",
            "EG:Egypt");
    pair(passive, "EG-SY", VC, "a>b");
    pair(passive, "EG-IL", VK, "a>b");
  }

  @Test
  void condemningAnAttackByXIsConflictWithXNotSolidarity() {
    // The attacker named by an adjective, a possessive or a genitive before على / on, with no
    // state as the victim: the condemner is in verbal conflict with it.
    String[][] attacker = {
      {"ar", "أدانت السعودية الهجوم الإيراني على ناقلات النفط.", "الإيراني:adjective"},
      {"ar", "أدانت السعودية هجوم إيران على ناقلات النفط.", "إيران"},
      {"en", "Saudi Arabia condemned Iran's attack on oil tankers.", "Iran"},
      {"en", "Saudi Arabia condemned the Iranian attack on oil tankers.", "Iranian:adjective"},
    };
    for (String[] c : attacker) {
      String sa = c[0].equals("ar") ? "SA:السعودية" : "SA:Saudi Arabia";
      pair(rel(c[0], c[1], sa, "IR:" + c[2]), "IR-SA", VK, "b>a");
    }
    // The state after على / on is the victim: solidarity.
    pair(
        rel("ar", "أدانت السعودية الهجوم على إيران.", "SA:السعودية", "IR:إيران"),
        "IR-SA",
        VC,
        "b>a");
    pair(
        rel("en", "Saudi Arabia condemned the attack on Iran.", "SA:Saudi Arabia", "IR:Iran"),
        "IR-SA",
        VC,
        "b>a");
    // Attacker and victim both states, the attacker in the genitive (هجوم إسرائيل على سوريا).
    List<PairRelation> ar =
        rel("ar", "أدانت مصر هجوم إسرائيل على سوريا.", "EG:مصر", "IL:إسرائيل", "SY:سوريا");
    pair(ar, "EG-IL", VK, "a>b");
    pair(ar, "EG-SY", VC, "a>b");
    pair(ar, "IL-SY", MK, "a>b");
  }

  // -------------------------------------------------------------------------------------------
  // Neutral: lists, matches, markets, places, people

  @Test
  void listsOfMembersAndParticipantsAreNeutral() {
    List<PairRelation> en =
        rel(
            "en",
            "Egypt, Jordan and Morocco took part in the summit.",
            "EG:Egypt",
            "JO:Jordan",
            "MA:Morocco");
    pair(en, "EG-JO", N, "none");
    pair(en, "JO-MA", N, "none");
    pair(
        rel("ar", "وتضم المجموعة مصر والمغرب والأردن.", "EG:مصر", "MA:المغرب", "JO:الأردن"),
        "EG-MA",
        N,
        "none");
    pair(rel("ar", "شاركت مصر والأردن في الاجتماع.", "EG:مصر", "JO:الأردن"), "EG-JO", N, "none");
    pair(
        rel(
            "fr",
            "Le Maroc, la Tunisie et l'Égypte ont participé au sommet.",
            "MA:Maroc",
            "TN:Tunisie",
            "EG:Égypte"),
        "MA-TN",
        N,
        "none");
  }

  @Test
  void sportsMatchesAreNeutral() {
    pair(
        rel("en", "Croatia beat Denmark in the World Cup qualifier.", "HR:Croatia", "DK:Denmark"),
        "DK-HR",
        N,
        "none");
    pair(
        rel(
            "ar", "فاز المنتخب الجزائري على نظيره التونسي في مباراة ودية.",
            "DZ:الجزائري:adjective", "TN:التونسي:adjective"),
        "DZ-TN",
        N,
        "none");
    pair(
        rel("fr", "Le Sénégal a battu le Cameroun en match amical.", "SN:Sénégal", "CM:Cameroun"),
        "CM-SN",
        N,
        "none");
    // The matcher marks national teams: any pair with a team is neutral.
    pair(
        rel("en", "Brazil attacked Argentina's defence.", "BR:Brazil:team", "AR:Argentina:team"),
        "AR-BR",
        N,
        "none");
  }

  @Test
  void marketListsAndTradeFiguresAreNeutral() {
    pair(
        rel("en", "Gold rose in Zurich and London.", "CH:Zurich:city", "GB:London:capital"),
        "CH-GB",
        N,
        "none");
    pair(
        rel("en", "Prices fell in Japan and South Korea.", "JP:Japan", "KR:South Korea"),
        "JP-KR",
        N,
        "none");
    pair(
        rel("ar", "ارتفعت أسعار النفط في السعودية والكويت.", "SA:السعودية", "KW:الكويت"),
        "KW-SA",
        N,
        "none");
    pair(
        rel(
            "fr",
            "Le prix du pétrole a augmenté au Nigeria et en Angola.",
            "NG:Nigeria",
            "AO:Angola"),
        "AO-NG",
        N,
        "none");
  }

  @Test
  void aPlaceOfAMeetingIsNoParty() {
    List<PairRelation> rs =
        rel(
            "ar",
            "التقى وزيرا خارجية السودان وتشاد في القاهرة.",
            "SD:السودان",
            "TD:تشاد",
            "EG:القاهرة:capital");
    pair(rs, "SD-TD", VC, "none");
    pair(rs, "EG-SD", N, "none");
    pair(
        rel("en", "US aircraft struck militants in Somalia.", "US:US", "SO:Somalia"),
        "SO-US",
        N,
        "none");
  }

  @Test
  void hostsAndMediatorsCooperateWithEachParty() {
    List<PairRelation> rs =
        rel(
            "en",
            "Oman hosted talks between Iran and the United States.",
            "OM:Oman",
            "IR:Iran",
            "US:United States");
    pair(rs, "IR-US", VC, "none");
    pair(rs, "IR-OM", VC, "b>a");
    pair(rs, "OM-US", VC, "a>b");
  }

  @Test
  void peopleAndFirmsAreNotTheirState() {
    pair(
        rel(
            "en",
            "A Japanese firm opened a plant in Vietnam.",
            "JP:Japanese:adjective",
            "VN:Vietnam"),
        "JP-VN",
        N,
        "none");
    pair(
        rel("ar", "هاجم سياح ألمان متحفا في مصر.", "DE:ألمان:adjective", "EG:مصر"),
        "DE-EG",
        N,
        "none");
  }

  @Test
  void standingRelationsBetweenTwoSides() {
    pair(
        rel("ar", "تشهد العلاقات بين قطر والبحرين توترا.", "QA:قطر", "BH:البحرين"),
        "BH-QA",
        VK,
        "none");
    pair(
        rel("en", "The war between Iran and Iraq continued.", "IR:Iran", "IQ:Iraq"),
        "IQ-IR",
        MK,
        "none");
    pair(
        rel(
            "en",
            "The Israeli-Palestinian conflict.",
            "IL:Israeli:adjective",
            "PS:Palestinian:adjective"),
        "IL-PS",
        MK,
        "none");
  }

  @Test
  void relationsNounsNameTheTwoSides() {
    pair(
        rel(
            "ar",
            "يسيطر التوتر على علاقات أنقرة بواشنطن.",
            "TR:أنقرة:capital",
            "US:واشنطن:capital"),
        "TR-US",
        VK,
        "none");
    pair(
        rel("ar", "وتوترت علاقة الصين مع اليابان.", "CN:الصين", "JP:اليابان"), "CN-JP", VK, "none");
    pair(
        rel("ar", "اندلعت الأزمة بين قطر والسعودية.", "QA:قطر", "SA:السعودية"),
        "QA-SA",
        VK,
        "none");
    pair(
        rel("en", "Britain's relations with Iran soured.", "GB:Britain", "IR:Iran"),
        "GB-IR",
        VK,
        "none");
    // Relations with no cue, or a crisis of one state only, relate no one.
    pair(rel("ar", "العلاقات بين مصر والسعودية.", "EG:مصر", "SA:السعودية"), "EG-SA", N, "none");
    pair(
        rel(
            "ar",
            "أشاد النقاد ببلجيكا، وقالوا إنه عالج الأزمة السورية بحياد.",
            "BE:بلجيكا",
            "SY:السورية:adjective"),
        "BE-SY",
        N,
        "none");
  }

  @Test
  void aThreatFramesEveryActCoordinatedAfterIt() {
    pair(
        rel(
            "ar",
            "وهدد الرئيس الأميركي بالانسحاب من الاتفاق وفرض عقوبات جديدة على إيران.",
            "US:الأميركي:adjective",
            "IR:إيران"),
        "IR-US",
        VK,
        "b>a");
  }

  @Test
  void anInfinitiveAfterAnActWithNoObjectTakesItsSubject() {
    pair(
        rel("en", "Venezuela agreed to lend Ecuador crude oil.", "VE:Venezuela", "EC:Ecuador"),
        "EC-VE",
        MC,
        "b>a");
    pair(
        rel("en", "Venezuela would lend crude to help Ecuador.", "VE:Venezuela", "EC:Ecuador"),
        "EC-VE",
        MC,
        "b>a");
  }

  @Test
  void aParticipleBeforeByIsPassive() {
    pair(
        rel("en", "Iraq, attacked by Iran, appealed for help.", "IQ:Iraq", "IR:Iran"),
        "IQ-IR",
        MK,
        "b>a");
    // A passive act takes no actor carried from an act before it.
    pair(
        rel(
            "en",
            "A Baghdad war communique said an Iranian brigade, backed by tanks, attacked.",
            "IQ:Baghdad:capital",
            "IR:Iranian:adjective"),
        "IQ-IR",
        N,
        "none");
  }

  @Test
  void sanctionsOnAStatesFirmsAreOnTheState() {
    pair(
        rel(
            "ar",
            "أميركا تفرض عقوبات جديدة على شركات طيران إيرانية",
            "US:أميركا",
            "IR:إيرانية:adjective"),
        "IR-US",
        MK,
        "b>a");
    pair(
        rel(
            "en",
            "Washington imposed sanctions on Iranian airlines.",
            "US:Washington:capital",
            "IR:Iranian:adjective"),
        "IR-US",
        MK,
        "b>a");
    // Other acts of or on firms stay outside the states' relations.
    pair(
        rel("en", "German tourists visited Tunisia.", "DE:German:adjective", "TN:Tunisia"),
        "DE-TN",
        N,
        "none");
  }

  @Test
  void receivingAidFromBIsBsAid() {
    pair(
        rel("ar", "تلقت اليمن مساعدات من السعودية.", "YE:اليمن", "SA:السعودية"),
        "SA-YE",
        MC,
        "a>b");
  }

  // -------------------------------------------------------------------------------------------
  // Persian: the same rules with را as the object marker

  @Test
  void persianSubjectObjectVerb() {
    pair(rel("fa", "ایران آمریکا را محکوم کرد.", "IR:ایران", "US:آمریکا"), "IR-US", VK, "a>b");
    pair(rel("fa", "ایران و عراق قرارداد امضا کردند.", "IR:ایران", "IQ:عراق"), "IQ-IR", VC, "none");
  }

  // -------------------------------------------------------------------------------------------
  // API

  @Test
  void onePairPerUnorderedPairOfDistinctStates() {
    List<PairRelation> rs =
        rel(
            "en",
            "Egypt condemned Israel, and Egypt urged Israel to stop.",
            "EG:Egypt",
            "IL:Israel",
            "EG:Egypt",
            "IL:Israel");
    assertThat(rs).hasSize(1);
    assertThat(rs.get(0).a()).isEqualTo("EG");
    assertThat(rs.get(0).b()).isEqualTo("IL");
    assertThat(rel("en", "Egypt and Egypt.", "EG:Egypt", "EG:Egypt")).isEmpty();
  }

  @Test
  void classifiesOneSentenceOfAFieldWithFieldOffsets() {
    String text = "Egypt met Jordan. France attacked Spain.";
    Field f = Field.of(text);
    List<Named> named =
        List.of(
            new Named("EG", 0, 5, "name"),
            new Named("JO", 10, 16, "name"),
            new Named("FR", 18, 24, "name"),
            new Named("ES", 34, 39, "name"));
    List<PairRelation> second = C.classify("en", f, 1, named);
    assertThat(second).hasSize(1);
    PairRelation r = second.get(0);
    assertThat(r.a()).isEqualTo("ES");
    assertThat(r.quad()).isEqualTo(MK);
    assertThat(r.direction()).isEqualTo(Direction.B_TO_A);
    assertThat(text.substring(r.cueStart(), r.cueEnd())).isEqualTo("attacked");
    assertThat(r.cue()).isEqualTo("attacked");
    assertThat(r.tsv()).isEqualTo("ES\tFR\tconflict\tmaterial_conflict\tb>a\tattacked");
    assertThat(C.classify("en", f, 0, named).get(0).quad()).isEqualTo(VC);
  }

  @Test
  void languageWithoutLexiconGivesNeutralPairs() {
    List<PairRelation> rs =
        C.classify(
            "de",
            "Deutschland verurteilt Russland.",
            List.of(new Named("DE", 0, 11, "name"), new Named("RU", 23, 31, "name")));
    assertThat(rs).hasSize(1);
    assertThat(rs.get(0).relation()).isEqualTo(Relation.NEUTRAL);
    assertThat(C.supports("de")).isFalse();
    assertThat(C.supports("ar")).isTrue();
  }

  @Test
  void userLexiconReplacesOneLanguage() {
    RelationClassifier custom =
        RelationClassifier.fromLines(
            Map.of("en", List.of("# mine", "snubbed\tverbal_conflict\tv", "by\t@agent\tp")));
    List<PairRelation> rs =
        custom.classify(
            "en",
            "Chad snubbed Niger.",
            List.of(new Named("TD", 0, 4, "name"), new Named("NE", 13, 18, "name")));
    pair(rs, "NE-TD", VK, "b>a");
    // "condemned" is no cue of this lexicon; Arabic keeps the packaged one.
    assertThat(
            custom
                .classify(
                    "en",
                    "Chad condemned Niger.",
                    List.of(new Named("TD", 0, 4, "name"), new Named("NE", 15, 20, "name")))
                .get(0)
                .relation())
        .isEqualTo(Relation.NEUTRAL);
    assertThat(custom.sizes()).containsEntry("en", 2);
    assertThat(custom.sizes().get("ar")).isGreaterThan(300);
  }

  @Test
  void malformedLexiconLinesAreNamed() {
    assertThatThrownBy(
            () -> RelationClassifier.fromLines(Map.of("en", List.of("attack\tmaterial_war\tv"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown class material_war")
        .hasMessageContaining("en.tsv line 1");
    assertThatThrownBy(
            () -> RelationClassifier.fromLines(Map.of("en", List.of("at*\tmaterial_conflict"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 3");
    assertThatThrownBy(
            () ->
                RelationClassifier.fromLines(
                    Map.of("fr", List.of("# c", "frapp*\tmaterial_conflict\tv\tsolid,loud"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown flag loud")
        .hasMessageContaining("fr.tsv line 2");
    assertThatThrownBy(() -> new Named("", 0, 1, "name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty iso2");
  }
}
