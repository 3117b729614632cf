package org.marsad.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marsad.report.ReportInputs.Count;
import org.marsad.report.ReportInputs.Pair;
import org.marsad.report.ReportInputs.PairKey;
import org.marsad.report.ReportInputs.Sentence;
import org.marsad.report.ReportInputs.StateKey;
import org.marsad.report.ReportInputs.TermCount;
import org.marsad.report.ReportInputs.TermKey;

/**
 * Report inputs written by hand, without Spark: three months (the last one thin), two sources, two
 * languages, four states (Bahrain too small for the map's shapes), pairs, changes, topics with G²,
 * comparison counts and evidence with article links (one of them a {@code javascript:} link that
 * must not reach the page).
 */
final class ReportInputsFixture {

  static final String HOSTILE_URL = "javascript:marsadCheck.errors.push('url ran')";

  static final String S1 = "بحث وزير خارجية إيران مع نظيره في سوريا الوضع.";

  static final String S2 = "زار وزير البحرين إيران.";

  static final int IR1 = S1.indexOf("إيران");

  static final int SY1 = S1.indexOf("سوريا");

  static final int BH2 = S2.indexOf("البحرين");

  static final int IR2 = S2.indexOf("إيران");

  private ReportInputsFixture() {}

  static ReportInputs inputs() {
    List<String> views = List.of("2017-01", "2017-02", "2017-03");
    ReportInputs.Meta meta =
        new ReportInputs.Meta(
            "/data/out",
            Instant.parse("2026-12-07T10:00:00Z"),
            "r1",
            "run",
            "0.1.0",
            Instant.parse("2026-12-07T09:00:00Z"),
            "month",
            List.of("/data/corpus"));
    ReportInputs.Corpus corpus =
        new ReportInputs.Corpus(
            null,
            62,
            60,
            55,
            2,
            2,
            Map.of("empty_text", 2L),
            2,
            List.of(new Count("alpha", 40), new Count("beta", 20)),
            map(
                "2017-01", Map.of("alpha", 15L, "beta", 10L),
                "2017-02", Map.of("alpha", 20L, "beta", 10L),
                "2017-03", Map.of("alpha", 5L)),
            Map.of(),
            map3("2017-01", 22L, "2017-02", 28L, "2017-03", 5L),
            Map.of(
                "alpha", map3("2017-01", 13L, "2017-02", 18L, "2017-03", 5L),
                "beta", map3("2017-01", 9L, "2017-02", 10L, "2017-03", 0L)),
            Map.of(
                "ar", map3("2017-01", 20L, "2017-02", 24L, "2017-03", 5L),
                "en", map3("2017-01", 2L, "2017-02", 4L, "2017-03", 0L)),
            Map.of("alpha", 36L, "beta", 19L),
            List.of(new Count("ar", 54), new Count("en", 6)),
            null);
    TermCount truce = new TermCount("ar", "هدنه", "هدنة", 30, 12);
    TermCount election = new TermCount("ar", "انتخاب", "الانتخابات", 14, 9);
    TermCount oil = new TermCount("en", "oil", "oil", 9, 4);
    ReportInputs.Terms terms =
        new ReportInputs.Terms(
            null,
            List.of(
                new ReportInputs.TermCell("all", null, null, List.of(truce, election, oil)),
                new ReportInputs.TermCell("all", "alpha", null, List.of(truce)),
                new ReportInputs.TermCell("all", null, "en", List.of(oil)),
                new ReportInputs.TermCell("2017-02", null, null, List.of(election))),
            Map.of(
                "2017-02", List.of(new ReportInputs.Keyness("ar", "هدنه", "هدنة", 22.5, 3.3, 30L))),
            List.of(new ReportInputs.Collocation("ar", "وقف اطلاق", "وقف إطلاق", 12, 40.0, 5.1)),
            List.of(
                new ReportInputs.TermUnit(
                    "period",
                    "2017-01",
                    "ar",
                    400,
                    List.of(
                        new TermCount("ar", "انتخاب", "الانتخابات", 14, 9),
                        new TermCount("ar", "هدنه", "هدنة", 3, 3))),
                new ReportInputs.TermUnit(
                    "period",
                    "2017-02",
                    "ar",
                    500,
                    List.of(
                        new TermCount("ar", "هدنه", "هدنة", 30, 12),
                        new TermCount("ar", "انتخاب", "الانتخابات", 1, 1))),
                new ReportInputs.TermUnit(
                    "source",
                    "alpha",
                    "ar",
                    600,
                    List.of(new TermCount("ar", "هدنه", "هدنة", 25, 10))),
                new ReportInputs.TermUnit(
                    "source",
                    "beta",
                    "ar",
                    300,
                    List.of(new TermCount("ar", "هدنه", "هدنة", 8, 4)))));
    ReportInputs.Topics topics =
        new ReportInputs.Topics(
            null,
            List.of(
                new ReportInputs.Topic(
                    1,
                    "الانتخابات البرلمان",
                    0.21,
                    false,
                    0.6,
                    List.of(new ReportInputs.TopicTerm("الانتخابات", 0.12)),
                    List.of(new ReportInputs.TopicState("TN", 6, 2.5, 14.2)),
                    List.of(
                        new ReportInputs.TopicDoc(
                            "d1", "انتخابات بلدية في تونس", "https://example.org/d1"))),
                new ReportInputs.Topic(
                    2,
                    "oil prices",
                    -0.1,
                    true,
                    0.4,
                    List.of(new ReportInputs.TopicTerm("oil", 0.2)),
                    List.of(),
                    List.of())),
            "llr",
            List.of(
                new ReportInputs.TopicWeight("2017-01", null, null, 1, 6.0, 6),
                new ReportInputs.TopicWeight("2017-01", null, null, 2, 2.0, 2),
                new ReportInputs.TopicWeight("2017-02", null, null, 1, 3.0, 3),
                new ReportInputs.TopicWeight("2017-02", null, null, 2, 9.0, 9),
                new ReportInputs.TopicWeight("2017-03", null, null, 1, 1.0, 1),
                new ReportInputs.TopicWeight("2017-01", "alpha", null, 1, 5.0, 5),
                new ReportInputs.TopicWeight("2017-02", "alpha", null, 2, 5.0, 5),
                new ReportInputs.TopicWeight("2017-01", null, "en", 2, 1.0, 1)));
    Pair irsy = new Pair("IR", "SY", 12, 0.4);
    Pair bhir = new Pair("BH", "IR", 3, 0.2);
    Pair sytn = new Pair("SY", "TN", 2, -0.1);
    ReportInputs.PeriodPairs allPairs =
        new ReportInputs.PeriodPairs(
            List.of(irsy, bhir, sytn),
            Map.of(1, 3L, 2, 3L, 3, 2L, 5, 1L, 10, 1L),
            Map.of(
                1, List.of(irsy, bhir, sytn),
                2, List.of(irsy, bhir, sytn),
                3, List.of(irsy, bhir),
                5, List.of(irsy),
                10, List.of(irsy)),
            List.of("SY", "IR", "TN", "BH"),
            List.of(irsy, bhir, sytn));
    ReportInputs.PeriodPairs febPairs =
        new ReportInputs.PeriodPairs(
            List.of(new Pair("IR", "SY", 9, 0.5)),
            Map.of(1, 1L, 2, 1L, 3, 1L, 5, 1L, 10, 0L),
            Map.of(1, List.of(new Pair("IR", "SY", 9, 0.5))),
            List.of("SY", "IR"),
            List.of(new Pair("IR", "SY", 9, 0.5)));
    Map<String, Map<String, Long>> docs = new LinkedHashMap<>();
    docs.put("all", Map.of("SY", 20L, "IR", 15L, "TN", 8L, "BH", 3L));
    docs.put("2017-01", Map.of("SY", 5L, "IR", 3L, "TN", 6L));
    docs.put("2017-02", Map.of("SY", 14L, "IR", 11L, "BH", 3L));
    docs.put("2017-03", Map.of("SY", 1L, "IR", 1L, "TN", 2L));
    ReportInputs.States states =
        new ReportInputs.States(
            null,
            Map.of(
                "IR", new ReportInputs.StateName("Iran", "إيران", "IRN", "un_member"),
                "SY", new ReportInputs.StateName("Syria", "سوريا", "SYR", "un_member"),
                "TN", new ReportInputs.StateName("Tunisia", "تونس", "TUN", "un_member"),
                "BH", new ReportInputs.StateName("Bahrain", "البحرين", "BHR", "un_member")),
            docs,
            Map.of(
                "SY",
                map3("2017-01", 5L, "2017-02", 14L, "2017-03", 1L),
                "IR",
                map3("2017-01", 3L, "2017-02", 11L, "2017-03", 1L)),
            Map.of(
                "alpha", Map.of("all", List.of(new Count("SY", 14), new Count("IR", 9))),
                "beta", Map.of("all", List.of(new Count("TN", 5)))),
            Map.of(
                "alpha", Map.of("SY", 14L, "IR", 9L, "TN", 3L), "beta", Map.of("TN", 5L, "SY", 6L)),
            Map.of("en", Map.of("all", List.of(new Count("IR", 2)))),
            "document",
            Map.of("all", allPairs, "2017-02", febPairs),
            Map.of(
                "all",
                Map.of("IR", List.of(irsy, bhir), "SY", List.of(irsy, sytn), "BH", List.of(bhir))),
            Map.of(
                "2017-01", List.of(new Pair("IR", "SY", 2, null)),
                "2017-02", List.of(new Pair("IR", "SY", 9, null))));
    ReportInputs.Changes changes =
        new ReportInputs.Changes(
            null,
            null,
            null,
            null,
            Map.of(
                "2017-01",
                new ReportInputs.PeriodChanges(
                    List.of(), List.of(), List.of(), List.of(), List.of()),
                "2017-02",
                new ReportInputs.PeriodChanges(
                    List.of(
                        new ReportInputs.StateChange(
                            "SY", 14, 28L, 0.5, 0.227, 0.273, 5L, 22L, 0.227, 12.6, 1.14)),
                    List.of(),
                    List.of(
                        new ReportInputs.PairChange(
                            "IR", "SY", 9, 28L, 0.5, 2L, 7L, 0.1, 2L, 22L, 11.2, 1.8)),
                    List.of(new ReportInputs.TermChange("ar", "هدنه", "هدنة", 30L, 3L, 22.5, 3.3)),
                    List.of(
                        new ReportInputs.TermChange(
                            "ar", "انتخاب", "الانتخابات", 1L, 14L, 15.0, -3.5))),
                "2017-03",
                new ReportInputs.PeriodChanges(
                    List.of(), List.of(), List.of(), List.of(), List.of())));
    Sentence s1 =
        new Sentence(
            S1,
            "alpha",
            Instant.parse("2017-02-03T08:00:00Z"),
            "d7",
            "text",
            "d7",
            "https://example.org/d7");
    Sentence s2 = new Sentence(S2, "beta", null, "d9", "title", null, HOSTILE_URL);
    ReportInputs.Evidence evidence =
        new ReportInputs.Evidence(
            null,
            null,
            null,
            Map.of(
                new PairKey("all", "IR", "SY"),
                List.of(new ReportInputs.PairSentence(s1, IR1, IR1 + 5, SY1, SY1 + 5)),
                new PairKey("2017-02", "IR", "SY"),
                List.of(new ReportInputs.PairSentence(s1, IR1, IR1 + 5, SY1, SY1 + 5)),
                new PairKey("all", "BH", "IR"),
                List.of(new ReportInputs.PairSentence(s2, BH2, BH2 + 7, IR2, IR2 + 5))),
            Map.of(
                new TermKey("2017-02", "ar", "هدنه"),
                List.of(new ReportInputs.TermSentence("keyness", s1, 0, 3))),
            Map.of(
                new StateKey("all", "SY"),
                List.of(new ReportInputs.Spanned(s1, SY1, SY1 + 5)),
                new StateKey("all", "BH"),
                List.of(new ReportInputs.Spanned(s2, BH2, BH2 + 7))));
    return new ReportInputs(meta, views, corpus, terms, topics, states, changes, evidence);
  }

  private static Map<String, Map<String, Long>> map(
      String k1,
      Map<String, Long> v1,
      String k2,
      Map<String, Long> v2,
      String k3,
      Map<String, Long> v3) {
    Map<String, Map<String, Long>> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    m.put(k3, v3);
    return m;
  }

  private static Map<String, Long> map3(
      String k1, Long v1, String k2, Long v2, String k3, Long v3) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    m.put(k3, v3);
    return m;
  }
}
