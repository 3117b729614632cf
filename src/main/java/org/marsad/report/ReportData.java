package org.marsad.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.marsad.report.ReportInputs.Count;
import org.marsad.report.ReportInputs.Missing;
import org.marsad.report.ReportInputs.Pair;
import org.marsad.report.ReportInputs.PairKey;
import org.marsad.report.ReportInputs.PeriodPairs;
import org.marsad.report.ReportInputs.StateKey;
import org.marsad.report.ReportInputs.TermKey;
import org.marsad.trends.PeriodCalendar;
import org.marsad.trends.TrendSettings;

/**
 * Turns {@link ReportInputs} into the JSON document the page draws: pure Java, no Spark, no I/O.
 * The choices of what to show (thresholds of the pair charts, the periods "What changed" opens on,
 * which evidence to embed, topic shares of thin periods) are made here, so that a report built from
 * a folder and one built from a run's memory look the same.
 */
public final class ReportData {

  /** Pair-periods, term-periods and state-periods whose sentences are embedded. */
  static final int MAX_EVIDENCE_PAIRS = 1_000;

  static final int MAX_EVIDENCE_TERMS = 600;

  /**
   * A period with fewer counted documents is thin: topic shares there are greyed out and "What
   * changed" opens on the latest period with at least this many.
   */
  public static final long MIN_PERIOD_DOCS = 20;

  /** G² of a term_trends row (the default of the trends stage, Trends.DEFAULT_TERM_MIN_G2). */
  static final double TERM_MIN_G2 = 10.83;

  /** Languages of the page. */
  public static final List<String> LANGS = List.of("ar", "en");

  private static final DateTimeFormatter ISO_DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ObjectMapper mapper = new ObjectMapper();
  private final ReportInputs in;
  private final String lang;

  private ReportData(ReportInputs in, String lang) {
    this.in = in;
    this.lang = lang;
  }

  /** The page's data in the corpus's main language ({@link #defaultLang}). */
  public static ObjectNode build(ReportInputs in) {
    return build(in, defaultLang(in));
  }

  /** The page's data; {@code lang} ("ar" or "en") is the language of the page. */
  public static ObjectNode build(ReportInputs in, String lang) {
    if (!LANGS.contains(lang)) {
      throw new IllegalArgumentException(
          "Cannot write report: no such report language (" + lang + "); use one of " + LANGS);
    }
    return new ReportData(in, lang).json();
  }

  /** "ar" when Arabic has the most documents of the corpus, else "en". */
  public static String defaultLang(ReportInputs in) {
    List<Count> langs = in.corpus() == null ? List.of() : in.corpus().langs();
    return !langs.isEmpty() && "ar".equals(langs.get(0).key()) ? "ar" : "en";
  }

  private ObjectNode json() {
    ObjectNode root = mapper.createObjectNode();
    root.set("meta", meta());
    root.set("corpus", corpus());
    root.set("terms", terms());
    root.set("topics", topics());
    root.set("states", states());
    root.set("changes", changes());
    root.set("evidence", evidence());
    root.set("relations", relations());
    ObjectNode periods = root.putObject("periods");
    Set<String> dated = new TreeSet<>();
    if (in.corpus() != null && in.corpus().missing() == null) {
      in.corpus().countedByPeriod().keySet().forEach(dated::add);
      in.corpus().docsByPeriodSource().keySet().forEach(dated::add);
    }
    if (dated.isEmpty()) {
      dated.addAll(in.views());
    }
    dated.remove(ReportInputs.ALL);
    if (dated.isEmpty() && in.corpus() != null && in.corpus().documents() > 0) {
      dated.add(ReportInputs.ALL);
    }
    ArrayNode keys = periods.putArray("keys");
    Periods.axis(dated).forEach(keys::add);
    ArrayNode views = periods.putArray("views");
    in.views().forEach(views::add);
    return root;
  }

  // ---------------------------------------------------------------- meta

  private ObjectNode meta() {
    ReportInputs.Meta m = in.meta();
    ObjectNode o = mapper.createObjectNode();
    o.put("lang", lang);
    o.put("output", m.output());
    o.put("generated", iso(m.generated()));
    o.put("run_id", m.runId());
    o.put("command", m.command());
    o.put("version", m.version());
    o.put("finished", iso(m.finished()));
    o.put("period", m.period());
    ArrayNode inputs = o.putArray("inputs");
    if (m.inputs() != null) {
      m.inputs().forEach(inputs::add);
    }
    o.put("min_period_docs", MIN_PERIOD_DOCS);
    return o;
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  private static String day(Instant t) {
    return t == null ? null : ISO_DAY.format(t);
  }

  private ObjectNode absent(Missing m) {
    ObjectNode o = mapper.createObjectNode();
    o.put("available", false);
    o.set("missing", missing(m));
    return o;
  }

  private JsonNode missing(Missing m) {
    if (m == null) {
      return null;
    }
    ObjectNode o = mapper.createObjectNode();
    o.put("table", m.table());
    ArrayNode c = o.putArray("columns");
    m.columns().forEach(c::add);
    return o;
  }

  // ---------------------------------------------------------------- corpus

  private ObjectNode corpus() {
    ReportInputs.Corpus c = in.corpus();
    if (c.missing() != null) {
      return absent(c.missing());
    }
    ObjectNode o = mapper.createObjectNode();
    o.put("available", true);
    o.put("rows_in", c.rowsIn());
    o.put("documents", c.documents());
    o.put("counted", c.counted());
    o.put("duplicates", c.duplicates());
    o.put("rejected", c.rejected());
    o.put("sources", c.sources());
    ObjectNode reasons = o.putObject("rejected_by_reason");
    c.rejectedByReason().forEach(reasons::put);
    ArrayNode bySource = o.putArray("by_source");
    for (Count s : c.topSources()) {
      ObjectNode x = bySource.addObject();
      x.put("source", s.key());
      x.put("total", s.n());
      ObjectNode per = x.putObject("docs");
      new TreeMap<>(c.docsByPeriodSource())
          .forEach(
              (p, m) -> {
                Long n = m.get(s.key());
                if (n != null) {
                  per.put(p, n);
                }
              });
    }
    if (!c.docsByPeriodOther().isEmpty()) {
      ObjectNode x = bySource.addObject();
      x.putNull("source");
      x.put("other", true);
      x.put("total", c.docsByPeriodOther().values().stream().mapToLong(Long::longValue).sum());
      ObjectNode per = x.putObject("docs");
      new TreeMap<>(c.docsByPeriodOther()).forEach(per::put);
    }
    ObjectNode langs = o.putObject("langs");
    c.langs().forEach(l -> langs.put(l.key(), l.n()));
    o.set("counted_by_period", sorted(c.countedByPeriod()));
    ObjectNode cps = o.putObject("counted_by_period_source");
    c.countedByPeriodSource().forEach((s, m) -> cps.set(s, sorted(m)));
    ObjectNode cpl = o.putObject("counted_by_period_lang");
    c.countedByPeriodLang().forEach((l, m) -> cpl.set(l, sorted(m)));
    o.set("counted_by_source", mapper.valueToTree(c.countedBySource()));
    o.set("filter_sources", mapper.valueToTree(c.filterSources()));
    o.set("filter_langs", mapper.valueToTree(c.filterLangs()));
    if (c.stories() != null) {
      ReportInputs.Stories s = c.stories();
      ObjectNode so = o.putObject("stories");
      so.put("mode", s.mode());
      so.put("stories", s.stories());
      ArrayNode top = so.putArray("top");
      for (ReportInputs.Story st : s.top()) {
        ObjectNode x = top.addObject();
        x.put("title", st.title() == null ? "" : st.title());
        x.put("docs", st.docs());
        x.put("sources", st.sources());
        x.put("first_source", st.firstSource());
        x.put("first", iso(st.firstPublished()));
        x.set("outlets", mapper.valueToTree(st.outlets()));
      }
      ArrayNode amp = so.putArray("amplification");
      for (ReportInputs.Amplification a : s.amplification()) {
        amp.addObject()
            .put("source", a.source())
            .put("docs", a.docs())
            .put("reprints", a.reprints())
            .put("first", a.first());
      }
    }
    return o;
  }

  private ObjectNode sorted(Map<String, Long> m) {
    ObjectNode o = mapper.createObjectNode();
    new TreeMap<>(m).forEach(o::put);
    return o;
  }

  // ---------------------------------------------------------------- terms

  private ObjectNode terms() {
    ReportInputs.Terms t = in.terms();
    if (t.missing() != null) {
      return absent(t.missing());
    }
    ObjectNode o = mapper.createObjectNode();
    o.put("available", true);
    ArrayNode cells = o.putArray("top");
    for (ReportInputs.TermCell cell : t.top()) {
      ObjectNode x = cells.addObject();
      x.put("p", cell.period());
      x.put("s", cell.source());
      x.put("l", cell.lang());
      ArrayNode rows = x.putArray("t");
      cell.terms().forEach(r -> rows.addArray().add(r.label()).add(r.n()).add(r.docs()));
    }
    ObjectNode keyness = o.putObject("keyness");
    new TreeMap<>(t.keyness())
        .forEach(
            (p, list) -> {
              ArrayNode a = keyness.putArray(p);
              for (ReportInputs.Keyness k : list) {
                ObjectNode x = a.addObject();
                x.put("label", k.label());
                x.put("term", k.term());
                x.put("lang", k.lang());
                x.put("g2", finite(k.g2()));
                x.put("log_ratio", finite(k.logRatio()));
                if (k.n() != null) {
                  x.put("n", k.n());
                }
              }
            });
    ArrayNode coll = o.putArray("collocations");
    for (ReportInputs.Collocation c : t.collocations()) {
      ObjectNode x = coll.addObject();
      x.put("label", c.label());
      x.put("term", c.term());
      x.put("lang", c.lang());
      x.put("n", c.n());
      x.put("g2", finite(c.g2()));
      x.put("pmi", finite(c.pmi()));
    }
    // Comparison: a vocabulary of (lang, term, label) and each unit's counts by index into it.
    ObjectNode compare = o.putObject("compare");
    ArrayNode vocab = compare.putArray("vocab");
    Map<List<String>, Integer> index = new HashMap<>();
    ArrayNode units = compare.putArray("units");
    for (ReportInputs.TermUnit u : t.compare()) {
      ObjectNode x = units.addObject();
      x.put("kind", u.kind());
      x.put("key", u.key());
      x.put("lang", u.lang());
      x.put("tokens", u.tokens());
      ArrayNode counts = x.putArray("c");
      for (ReportInputs.TermCount c : u.counts()) {
        List<String> k = List.of(c.lang(), c.term());
        Integer i = index.get(k);
        if (i == null) {
          i = vocab.size();
          index.put(k, i);
          vocab.addArray().add(c.lang()).add(c.term()).add(c.label());
        }
        counts.addArray().add(i).add(c.n());
      }
    }
    return o;
  }

  private static Double finite(Double x) {
    return x == null || !Double.isFinite(x) ? null : x;
  }

  // ---------------------------------------------------------------- topics

  private ObjectNode topics() {
    ReportInputs.Topics t = in.topics();
    if (t.missing() != null) {
      return absent(t.missing());
    }
    ObjectNode o = mapper.createObjectNode();
    o.put("available", true);
    o.put("states_ranked_by", t.statesRankedBy());
    o.put("min_state_docs", ReportInputs.TOPIC_STATE_MIN_DOCS);
    o.put("min_state_llr", ReportInputs.TOPIC_STATE_MIN_LLR);
    ArrayNode list = o.putArray("topics");
    for (ReportInputs.Topic x : t.topics()) {
      ObjectNode n = list.addObject();
      n.put("id", x.id());
      n.put("label", x.label());
      n.put("npmi", finite(x.npmi()));
      n.put("weak", x.weak());
      n.put("prevalence", finite(x.prevalence()));
      ArrayNode terms = n.putArray("terms");
      x.terms().forEach(w -> terms.addObject().put("label", w.label()).put("weight", w.weight()));
      ArrayNode states = n.putArray("states");
      x.states()
          .forEach(
              s ->
                  states
                      .addObject()
                      .put("state", s.state())
                      .put("docs", s.docs())
                      .put("lift", finite(s.lift()))
                      .put("llr", finite(s.llr())));
      ArrayNode docs = n.putArray("docs");
      x.docs()
          .forEach(
              d ->
                  docs.addObject()
                      .put("id", d.docId())
                      .put("title", d.title() == null ? "" : d.title())
                      .put("url", d.url()));
    }
    // Shares: a topic's weight over all topics' weight in the period, per filter cell.
    Map<String, Map<String, Map<Integer, Double>>> cells = new LinkedHashMap<>();
    for (ReportInputs.TopicWeight w : t.weights()) {
      String cell =
          w.source() != null ? "source|" + w.source() : w.lang() != null ? "lang|" + w.lang() : "";
      cells
          .computeIfAbsent(cell, k -> new TreeMap<>())
          .computeIfAbsent(w.period(), k -> new TreeMap<>())
          .merge(w.topic(), w.weight(), Double::sum);
    }
    ObjectNode share = o.putObject("share");
    ObjectNode prevalence = o.putObject("prevalence_by");
    ObjectNode shareBy = o.putObject("share_by");
    cells.forEach(
        (cell, byPeriod) -> {
          ObjectNode target = cell.isEmpty() ? share : shareBy.putObject(cell);
          Map<Integer, Double> sums = new TreeMap<>();
          byPeriod.forEach(
              (p, byTopic) -> {
                double total = byTopic.values().stream().mapToDouble(Double::doubleValue).sum();
                byTopic.forEach(
                    (topic, w) -> {
                      ObjectNode tp = obj(target, String.valueOf(topic));
                      tp.put(p, total > 0 ? w / total : 0.0);
                      sums.merge(topic, w, Double::sum);
                    });
              });
          if (!cell.isEmpty()) {
            double total = sums.values().stream().mapToDouble(Double::doubleValue).sum();
            ObjectNode pv = prevalence.putObject(cell);
            sums.forEach((topic, w) -> pv.put(String.valueOf(topic), total > 0 ? w / total : 0.0));
          }
        });
    return o;
  }

  // ---------------------------------------------------------------- states

  private static final Comparator<Map.Entry<String, Long>> MOST =
      Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
          .thenComparing(Map.Entry::getKey);

  private static List<Map.Entry<String, Long>> ranked(Map<String, Long> m) {
    return m.entrySet().stream().sorted(MOST).toList();
  }

  private ObjectNode states() {
    ReportInputs.States s = in.states();
    if (s.missing() != null) {
      return absent(s.missing());
    }
    ObjectNode o = mapper.createObjectNode();
    o.put("available", true);
    ObjectNode names = o.putObject("names");
    new TreeMap<>(s.names())
        .forEach(
            (iso, n) ->
                names
                    .putObject(iso)
                    .put("en", n.en())
                    .put("ar", n.ar())
                    .put("iso3", n.iso3())
                    .put("status", n.status()));
    Map<String, Long> all = s.docs().getOrDefault(ReportInputs.ALL, Map.of());
    o.set("top", counts(ranked(all).stream().limit(ReportInputs.TOP_ITEMS).toList()));
    ObjectNode time = o.putObject("time");
    s.time().forEach((iso, m) -> time.set(iso, sorted(m)));
    o.set(
        "order",
        mapper.valueToTree(
            ranked(all).stream()
                .limit(ReportInputs.TIME_STATES)
                .map(Map.Entry::getKey)
                .filter(s.time()::containsKey)
                .toList()));
    o.set("periods", mapper.valueToTree(in.views()));
    ObjectNode byPeriod = o.putObject("by_period");
    for (String p : in.views()) {
      ObjectNode v = byPeriod.putObject(p);
      Map<String, Long> docs = s.docs().getOrDefault(p, Map.of());
      v.set("top", counts(ranked(docs).stream().limit(ReportInputs.TOP_ITEMS).toList()));
      PeriodPairs pp = s.pairs().get(p);
      if (pp != null) {
        ObjectNode view = pairView(s.scope(), pp, docs);
        if (view != null) {
          v.set("comentions", view);
        }
      }
    }
    PeriodPairs allPairs = s.pairs().get(ReportInputs.ALL);
    if (allPairs != null) {
      ObjectNode view = pairView(s.scope(), allPairs, all);
      if (view != null) {
        o.set("comentions", view);
      }
    }
    // The map: documents naming each state per period, with the period's counted documents.
    ObjectNode map = o.putObject("map");
    s.docs().forEach((p, m) -> map.set(p, sorted(m)));
    ObjectNode totals = o.putObject("docs_total");
    if (in.corpus() != null && in.corpus().missing() == null) {
      totals.put(ReportInputs.ALL, in.corpus().counted());
      for (String p : in.views()) {
        totals.put(p, in.corpus().countedByPeriod().getOrDefault(p, 0L));
      }
    }
    ObjectNode partners = o.putObject("partners");
    s.partners()
        .forEach(
            (p, byState) -> {
              ObjectNode x = partners.putObject(p);
              new TreeMap<>(byState)
                  .forEach(
                      (iso, list) -> {
                        ArrayNode a = x.putArray(iso);
                        for (Pair q : list) {
                          a.addObject()
                              .put("state", q.a().equals(iso) ? q.b() : q.a())
                              .put("co", q.co())
                              .put("npmi", finite(q.npmi()));
                        }
                      });
            });
    ObjectNode bySource = o.putObject("by_source");
    s.bySource()
        .forEach(
            (src, m) -> {
              ObjectNode x = bySource.putObject(src);
              m.forEach((p, list) -> x.set(p, countList(list)));
            });
    ObjectNode byLang = o.putObject("by_lang");
    s.byLang()
        .forEach(
            (l, m) -> {
              ObjectNode x = byLang.putObject(l);
              m.forEach((p, list) -> x.set(p, countList(list)));
            });
    ObjectNode docsBySource = o.putObject("docs_by_source");
    s.docsBySource().forEach((src, m) -> docsBySource.set(src, sorted(m)));
    ObjectNode compare = o.putObject("compare_pairs");
    s.comparePairs()
        .forEach(
            (p, list) -> {
              ArrayNode a = compare.putArray(p);
              list.forEach(q -> a.addArray().add(q.a()).add(q.b()).add(q.co()));
            });
    return o;
  }

  private ArrayNode counts(List<Map.Entry<String, Long>> list) {
    ArrayNode a = mapper.createArrayNode();
    list.forEach(e -> a.addObject().put("state", e.getKey()).put("docs", e.getValue()));
    return a;
  }

  private ArrayNode countList(List<Count> list) {
    ArrayNode a = mapper.createArrayNode();
    list.forEach(e -> a.addObject().put("state", e.key()).put("docs", e.n()));
    return a;
  }

  /**
   * The pair charts, network and heatmap of one period's pairs, or null when there is no pair;
   * {@code docs} are the documents naming each state in the period.
   */
  private ObjectNode pairView(String scope, PeriodPairs pp, Map<String, Long> docs) {
    if (pp.top().isEmpty()) {
      return null;
    }
    ObjectNode c = mapper.createObjectNode();
    c.put("scope", scope);
    int minPair = threshold(pp, 10);
    c.put("min_co_docs", minPair);
    ArrayNode byNpmi = c.putArray("by_npmi");
    pp.byNpmi().getOrDefault(minPair, List.of()).forEach(p -> pair(byNpmi, p));
    ArrayNode byCo = c.putArray("by_co_docs");
    pp.top().stream().limit(ReportInputs.TOP_ITEMS).forEach(p -> pair(byCo, p));
    int minEdge = threshold(pp, 40);
    c.put("graph_min_co_docs", minEdge);
    ArrayNode edges = c.putArray("edges");
    Map<String, Long> nodes = new LinkedHashMap<>();
    pp.top().stream()
        .filter(p -> p.co() >= minEdge)
        .limit(ReportInputs.TOP_PAIRS)
        .forEach(
            p -> {
              pair(edges, p);
              nodes.put(p.a(), docs.getOrDefault(p.a(), p.co()));
              nodes.put(p.b(), docs.getOrDefault(p.b(), p.co()));
            });
    ObjectNode graphNodes = c.putObject("nodes");
    nodes.forEach(graphNodes::put);
    c.set("heat_states", mapper.valueToTree(pp.heatStates()));
    ArrayNode cells = c.putArray("heat");
    pp.heat().forEach(p -> pair(cells, p));
    return c;
  }

  /** The largest of 10, 5, 3, 2 co-mentions that at least {@code wanted} pairs reach; else 1. */
  static int threshold(PeriodPairs pp, int wanted) {
    for (int m : new int[] {10, 5, 3, 2}) {
      if (pp.atLeast().getOrDefault(m, 0L) >= wanted) {
        return m;
      }
    }
    return 1;
  }

  private static void pair(ArrayNode list, Pair p) {
    list.addObject()
        .put("a", p.a())
        .put("b", p.b())
        .put("co", p.co())
        .put("npmi", finite(p.npmi()));
  }

  // ---------------------------------------------------------------- what changed

  private ObjectNode changes() {
    ReportInputs.Changes c = in.changes();
    if (c.missing() != null) {
      return absent(c.missing());
    }
    ObjectNode o = mapper.createObjectNode();
    o.put("available", true);
    TrendSettings d = TrendSettings.DEFAULTS;
    o.putObject("settings")
        .put("window", d.window())
        .put("min_docs", d.minDocs())
        .put("min_g2", d.minG2())
        .put("min_log_ratio", d.minLogRatio())
        .put("term_min_g2", TERM_MIN_G2);
    ObjectNode notes = o.putObject("missing");
    if (c.missingStates() != null) {
      notes.set("states", missing(c.missingStates()));
    }
    if (c.missingPairs() != null) {
      notes.set("pairs", missing(c.missingPairs()));
    }
    if (c.missingTerms() != null) {
      notes.set("terms", missing(c.missingTerms()));
    }
    List<String> shown = in.views().stream().filter(p -> PeriodCalendar.slot(p) != null).toList();
    o.set("periods", mapper.valueToTree(shown));
    if (shown.isEmpty()) {
      return o;
    }
    String latest = shown.get(shown.size() - 1);
    o.put("latest", latest);
    Map<String, Long> counted =
        in.corpus() != null && in.corpus().missing() == null
            ? in.corpus().countedByPeriod()
            : Map.of();
    // Open on the latest period with enough documents: a thin last month says little.
    String opening = latest;
    if (!counted.isEmpty()) {
      for (int i = shown.size() - 1; i >= 0; i--) {
        if (counted.getOrDefault(shown.get(i), 0L) >= MIN_PERIOD_DOCS) {
          opening = shown.get(i);
          break;
        }
      }
    }
    o.put("opening", opening);
    ObjectNode previous = o.putObject("previous");
    shown.forEach(p -> previous.put(p, PeriodCalendar.previous(p)));
    // What each comparison rests on: counted documents of the period, of the one before and of
    // the window, and how many calendar periods of the window lie within the corpus's span.
    Long first =
        counted.keySet().stream()
            .map(PeriodCalendar::slot)
            .filter(x -> x != null)
            .map(PeriodCalendar.Slot::index)
            .min(Long::compare)
            .orElse(null);
    ObjectNode docs = o.putObject("docs");
    for (String p : shown) {
      PeriodCalendar.Slot slot = PeriodCalendar.slot(p);
      long window = 0;
      int inSpan = 0;
      for (int k = 1; k <= d.window(); k++) {
        PeriodCalendar.Slot q = new PeriodCalendar.Slot(slot.kind(), slot.index() - k);
        window += counted.getOrDefault(PeriodCalendar.label(q), 0L);
        if (first != null && q.index() >= first) {
          inSpan++;
        }
      }
      ObjectNode x = docs.putObject(p);
      if (!counted.isEmpty()) {
        x.put("period", counted.getOrDefault(p, 0L))
            .put("prev", counted.getOrDefault(PeriodCalendar.previous(p), 0L))
            .put("window", window);
      }
      x.put("window_periods", first == null ? d.window() : inSpan);
    }
    ObjectNode by = o.putObject("by_period");
    for (String p : shown) {
      ObjectNode v = by.putObject(p);
      ReportInputs.PeriodChanges pc = c.byPeriod().get(p);
      if (pc == null) {
        continue;
      }
      ArrayNode st = v.putArray("states");
      pc.states().forEach(r -> stateChange(st, r));
      ArrayNode rises = v.putArray("rises");
      pc.rises().forEach(r -> stateChange(rises, r));
      ArrayNode pairs = v.putArray("pairs");
      for (ReportInputs.PairChange r : pc.pairs()) {
        pairs
            .addObject()
            .put("a", r.a())
            .put("b", r.b())
            .put("co", r.co())
            .put("total", r.total())
            .put("npmi", finite(r.npmi()))
            .put("prev_co", r.prevCo())
            .put("change", r.change())
            .put("npmi_change", finite(r.npmiChange()))
            .put("window_co", r.windowCo())
            .put("window_total", r.windowTotal())
            .put("g2", finite(r.g2()))
            .put("lr", finite(r.lr()));
      }
      termChanges(v.putArray("rising"), pc.rising());
      termChanges(v.putArray("falling"), pc.falling());
    }
    return o;
  }

  private static void stateChange(ArrayNode list, ReportInputs.StateChange r) {
    list.addObject()
        .put("state", r.state())
        .put("docs", r.docs())
        .put("total", r.total())
        .put("share", finite(r.share()))
        .put("prev_share", finite(r.prevShare()))
        .put("change", finite(r.change()))
        .put("window_docs", r.windowDocs())
        .put("window_total", r.windowTotal())
        .put("window_share", finite(r.windowShare()))
        .put("g2", finite(r.g2()))
        .put("lr", finite(r.lr()));
  }

  private static void termChanges(ArrayNode list, List<ReportInputs.TermChange> rows) {
    for (ReportInputs.TermChange r : rows) {
      list.addObject()
          .put("label", r.label())
          .put("term", r.term())
          .put("lang", r.lang())
          .put("n", r.n())
          .put("prev", r.prev())
          .put("g2", finite(r.g2()))
          .put("lr", finite(r.lr()));
    }
  }

  // ---------------------------------------------------------------- evidence

  /**
   * The page's sentences (evidence.sentences), shared by the pairs', terms', states' and
   * relations'.
   */
  private ArrayNode sentences;

  private final Map<List<String>, Integer> index = new HashMap<>();

  private ObjectNode evidence() {
    ReportInputs.Evidence e = in.evidence();
    ObjectNode o = mapper.createObjectNode();
    sentences = o.putArray("sentences");
    ReportInputs.EvidenceRequest want = evidenceRequest(in);
    o.put("pairs_available", e.pairsMissing() == null);
    if (e.pairsMissing() != null) {
      o.set("pairs_missing", missing(e.pairsMissing()));
    } else {
      o.put("pairs_total", want.pairs().size());
      o.put("pairs_embedded", Math.min(want.pairs().size(), MAX_EVIDENCE_PAIRS));
    }
    ObjectNode pairs = o.putObject("pairs");
    for (PairKey k : want.pairs()) {
      List<ReportInputs.PairSentence> rows = e.pairs().get(k);
      if (rows == null || rows.isEmpty()) {
        continue;
      }
      ArrayNode a = pairs.putArray(k.period() + "|" + k.a() + "|" + k.b());
      for (ReportInputs.PairSentence r : rows) {
        a.addArray()
            .add(sentence(sentences, index, r.sentence()))
            .add(r.aStart())
            .add(r.aEnd())
            .add(r.bStart())
            .add(r.bEnd());
      }
    }
    o.put("terms_available", e.termsMissing() == null);
    if (e.termsMissing() != null) {
      o.set("terms_missing", missing(e.termsMissing()));
    }
    ObjectNode terms = o.putObject("terms");
    for (TermKey k : want.terms()) {
      List<ReportInputs.TermSentence> rows = e.terms().get(k);
      if (rows == null) {
        continue;
      }
      for (ReportInputs.TermSentence r : rows) {
        arr(terms, k.period() + "|" + k.lang() + "|" + k.term() + "|" + r.kind())
            .addArray()
            .add(sentence(sentences, index, r.sentence()))
            .add(r.start())
            .add(r.end());
      }
    }
    o.put("states_available", e.statesMissing() == null);
    if (e.statesMissing() != null) {
      o.set("states_missing", missing(e.statesMissing()));
    }
    ObjectNode states = o.putObject("states");
    for (StateKey k : want.states()) {
      List<ReportInputs.Spanned> rows = e.states().get(k);
      if (rows == null || rows.isEmpty()) {
        continue;
      }
      ArrayNode a = states.putArray(k.period() + "|" + k.state());
      for (ReportInputs.Spanned r : rows) {
        a.addArray().add(sentence(sentences, index, r.sentence())).add(r.start()).add(r.end());
      }
    }
    return o;
  }

  /** The index of a sentence in the page's list, added once. */
  private static int sentence(
      ArrayNode sentences, Map<List<String>, Integer> index, ReportInputs.Sentence s) {
    List<String> key =
        java.util.Arrays.asList(s.docId(), s.field(), s.text() == null ? "" : s.text());
    Integer i = index.get(key);
    if (i == null) {
      i = sentences.size();
      index.put(key, i);
      sentences
          .addArray()
          .add(s.text() == null ? "" : s.text())
          .add(s.source())
          .add(day(s.published()))
          .add(s.docId())
          .add(s.field())
          .add(s.storyId())
          .add(safeUrl(s.url()));
    }
    return i;
  }

  /** Only http(s) links reach the page: a {@code javascript:} url would run on a click. */
  static String safeUrl(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? u : null;
  }

  /**
   * The evidence the page shows for {@code in}, in the order it matters: pairs of all periods'
   * charts, then "What changed" from the latest period back, then each view period's charts from
   * the latest back, then the map's partners (all periods, then the view periods from the latest
   * back), cut at {@link #MAX_EVIDENCE_PAIRS}; terms of "What changed" (latest back), the
   * collocations, the keyness winners (latest back), cut at {@link #MAX_EVIDENCE_TERMS}; states of
   * the map for all periods and the latest {@link ReportInputs#STATE_SENTENCE_PERIODS} view
   * periods, the first {@link ReportInputs#STATE_SENTENCE_STATES} states of each by documents.
   */
  public static ReportInputs.EvidenceRequest evidenceRequest(ReportInputs in) {
    return request(in, MAX_EVIDENCE_PAIRS);
  }

  /** The evidence request with the pairs cut at {@code maxPairs}. */
  private static ReportInputs.EvidenceRequest request(ReportInputs in, int maxPairs) {
    Set<PairKey> pairs = new LinkedHashSet<>();
    Set<TermKey> terms = new LinkedHashSet<>();
    Set<StateKey> states = new LinkedHashSet<>();
    List<String> views = in.views();
    List<String> latestFirst = new ArrayList<>(views);
    java.util.Collections.reverse(latestFirst);
    ReportInputs.States s = in.states();
    ReportInputs.Changes c = in.changes();
    boolean hasStates = s != null && s.missing() == null;
    boolean hasChanges = c != null && c.missing() == null;
    if (hasStates) {
      addShownPairs(pairs, ReportInputs.ALL, s.pairs().get(ReportInputs.ALL), s);
    }
    if (hasChanges) {
      for (String p : latestFirst) {
        ReportInputs.PeriodChanges pc = c.byPeriod().get(p);
        if (pc != null) {
          pc.pairs().forEach(x -> pairs.add(new PairKey(p, x.a(), x.b())));
        }
      }
    }
    if (hasStates) {
      for (String p : latestFirst) {
        addShownPairs(pairs, p, s.pairs().get(p), s);
      }
      List<String> partnerPeriods = new ArrayList<>();
      partnerPeriods.add(ReportInputs.ALL);
      partnerPeriods.addAll(latestFirst);
      for (String p : partnerPeriods) {
        Map<String, List<Pair>> byState = s.partners().getOrDefault(p, Map.of());
        for (Map.Entry<String, Long> e :
            ranked(s.docs().getOrDefault(p, Map.of())).stream()
                .limit(ReportInputs.STATE_SENTENCE_STATES)
                .toList()) {
          byState
              .getOrDefault(e.getKey(), List.of())
              .forEach(x -> pairs.add(new PairKey(p, x.a(), x.b())));
        }
      }
      List<String> statePeriods = new ArrayList<>();
      statePeriods.add(ReportInputs.ALL);
      latestFirst.stream().limit(ReportInputs.STATE_SENTENCE_PERIODS).forEach(statePeriods::add);
      for (String p : statePeriods) {
        ranked(s.docs().getOrDefault(p, Map.of())).stream()
            .limit(ReportInputs.STATE_SENTENCE_STATES)
            .forEach(e -> states.add(new StateKey(p, e.getKey())));
      }
    }
    if (hasChanges) {
      for (String p : latestFirst) {
        ReportInputs.PeriodChanges pc = c.byPeriod().get(p);
        if (pc != null) {
          pc.rising().forEach(x -> terms.add(new TermKey(p, x.lang(), x.term())));
          pc.falling().forEach(x -> terms.add(new TermKey(p, x.lang(), x.term())));
        }
      }
    }
    ReportInputs.Terms t = in.terms();
    if (t != null && t.missing() == null) {
      t.collocations().forEach(x -> terms.add(new TermKey(ReportInputs.ALL, x.lang(), x.term())));
      List<String> keyPeriods = new ArrayList<>(t.keyness().keySet());
      keyPeriods.sort(Comparator.reverseOrder());
      for (String p : keyPeriods) {
        t.keyness().get(p).forEach(x -> terms.add(new TermKey(p, x.lang(), x.term())));
      }
    }
    return new ReportInputs.EvidenceRequest(
        pairs.stream().limit(maxPairs).toList(),
        terms.stream().filter(k -> k.lang() != null).limit(MAX_EVIDENCE_TERMS).toList(),
        List.copyOf(states));
  }

  /** The pairs a period's charts show: NPMI and co-mention bars, network edges, heatmap cells. */
  private static void addShownPairs(
      Set<PairKey> keys, String period, PeriodPairs pp, ReportInputs.States s) {
    if (pp == null || pp.top().isEmpty()) {
      return;
    }
    int minPair = threshold(pp, 10);
    pp.byNpmi().getOrDefault(minPair, List.of()).forEach(p -> keys.add(key(period, p)));
    pp.top().stream().limit(ReportInputs.TOP_ITEMS).forEach(p -> keys.add(key(period, p)));
    int minEdge = threshold(pp, 40);
    pp.top().stream()
        .filter(p -> p.co() >= minEdge)
        .limit(ReportInputs.TOP_PAIRS)
        .forEach(p -> keys.add(key(period, p)));
    pp.heat().forEach(p -> keys.add(key(period, p)));
  }

  private static PairKey key(String period, Pair p) {
    return new PairKey(period, p.a(), p.b());
  }

  // ---------------------------------------------------------------- relations

  /** Quad classes in the order the page lists them. */
  static final List<String> QUADS =
      List.of(
          "material_cooperation",
          "verbal_cooperation",
          "verbal_conflict",
          "material_conflict",
          "neutral");

  private ObjectNode relations() {
    ReportInputs.Relations r = in.relations();
    if (r == null) {
      return absent(Missing.table("comention_relations"));
    }
    if (r.missing() != null) {
      return absent(r.missing());
    }
    ReportInputs.RelationsRequest want = relationsRequest(in, r.bursts());
    ObjectNode o = mapper.createObjectNode();
    o.put("available", true);
    o.set("quads", mapper.valueToTree(QUADS));
    // [sentences, docs, cooperation, conflict, neutral, vc, mc, vf, mf, tone, relation]
    ObjectNode tones = o.putObject("tone");
    for (PairKey k : want.tones()) {
      ReportInputs.Tone t = r.tones().get(k);
      if (t == null) {
        continue;
      }
      tones
          .putArray(k.period() + "|" + k.a() + "|" + k.b())
          .add(t.sentences())
          .add(t.docs())
          .add(t.cooperation())
          .add(t.conflict())
          .add(t.neutral())
          .add(t.verbalCooperation())
          .add(t.materialCooperation())
          .add(t.verbalConflict())
          .add(t.materialConflict())
          .add(finite(t.tone()))
          .add(t.relation());
    }
    ObjectNode notes = o.putObject("missing");
    if (r.trendsMissing() != null) {
      notes.set("trends", missing(r.trendsMissing()));
    }
    if (r.evidenceMissing() != null) {
      notes.set("evidence", missing(r.evidenceMissing()));
    }
    ObjectNode bursts = o.putObject("bursts");
    new TreeMap<>(r.bursts())
        .forEach(
            (p, list) -> {
              ArrayNode a = bursts.putArray(p);
              for (ReportInputs.RelationBurst b : list) {
                a.addObject()
                    .put("a", b.a())
                    .put("b", b.b())
                    .put("n", b.sentences())
                    .put("total", b.pairSentences())
                    .put("share", finite(b.share()))
                    .put("prev_share", finite(b.prevShare()))
                    .put("change", finite(b.change()))
                    .put("window_n", b.windowSentences())
                    .put("window_total", b.windowPairSentences())
                    .put("window_share", finite(b.windowShare()))
                    .put("g2", finite(b.g2()))
                    .put("lr", finite(b.lr()));
              }
            });
    o.put("evidence_total", want.evidence().size());
    // [sentence, quad, a_start, a_end, b_start, b_end, cue_start, cue_end, direction]
    ObjectNode evidence = o.putObject("evidence");
    for (PairKey k : want.evidence()) {
      List<ReportInputs.RelationSentence> rows = r.evidence().get(k);
      if (rows == null || rows.isEmpty()) {
        continue;
      }
      ArrayNode a = evidence.putArray(k.period() + "|" + k.a() + "|" + k.b());
      for (ReportInputs.RelationSentence x : rows) {
        a.addArray()
            .add(sentence(sentences, index, x.sentence()))
            .add(x.quad())
            .add(x.aStart())
            .add(x.aEnd())
            .add(x.bStart())
            .add(x.bEnd())
            .add(x.cueStart())
            .add(x.cueEnd())
            .add(x.direction());
      }
    }
    return o;
  }

  /**
   * The relation rows the page shows for {@code in} and the conflict bursts {@code bursts} (see
   * {@link ReportInputs.RelationsRequest}).
   */
  public static ReportInputs.RelationsRequest relationsRequest(
      ReportInputs in, Map<String, List<ReportInputs.RelationBurst>> bursts) {
    List<String> latestFirst = new ArrayList<>(in.views());
    java.util.Collections.reverse(latestFirst);
    Set<PairKey> burstKeys = new LinkedHashSet<>();
    for (String p : latestFirst) {
      bursts.getOrDefault(p, List.of()).forEach(b -> burstKeys.add(new PairKey(p, b.a(), b.b())));
    }
    // Every pair the charts show, not only those whose co-mention sentences are embedded.
    List<PairKey> shown = request(in, ReportInputs.RELATION_TONES).pairs();
    Set<List<String>> seriesPairs = new LinkedHashSet<>();
    shown.stream()
        .filter(k -> k.period().equals(ReportInputs.ALL))
        .forEach(k -> seriesPairs.add(List.of(k.a(), k.b())));
    burstKeys.forEach(k -> seriesPairs.add(List.of(k.a(), k.b())));
    Set<PairKey> tones = new LinkedHashSet<>(burstKeys);
    tones.addAll(shown);
    seriesPairs.stream()
        .limit(ReportInputs.RELATION_SERIES_PAIRS)
        .forEach(
            ab -> {
              tones.add(new PairKey(ReportInputs.ALL, ab.get(0), ab.get(1)));
              in.views().forEach(p -> tones.add(new PairKey(p, ab.get(0), ab.get(1))));
            });
    Set<PairKey> evidence = new LinkedHashSet<>(burstKeys);
    evidence.addAll(shown);
    return new ReportInputs.RelationsRequest(
        tones.stream().limit(ReportInputs.RELATION_TONES).toList(),
        evidence.stream().limit(ReportInputs.RELATION_EVIDENCE).toList());
  }

  // ---------------------------------------------------------------- helpers

  private static ObjectNode obj(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    return n instanceof ObjectNode o ? o : parent.putObject(key);
  }

  private static ArrayNode arr(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    return n instanceof ArrayNode a ? a : parent.putArray(key);
  }
}
