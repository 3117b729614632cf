package org.marsad.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the HTML report shows, as plain Java values (no Spark type): small aggregates of the
 * output tables, each bounded by a top-N, by the number of periods or by the states of the
 * gazetteer, never by the corpus or its vocabulary. {@link FolderReports#read} fills it from an
 * output folder; a run can fill it from the results it holds in memory, and {@link
 * ReportData#build} turns it into the page's JSON without Spark.
 *
 * <p>How to read the derivations below. "Counted documents" are the documents that count in
 * statistics: with stories, a story's first document ({@code documents.story_id = doc_id}); without
 * ({@code story_id} null), the documents with {@code duplicate_of} null. They are the documents
 * behind {@code state_counts.docs}, {@code state_trends.docs_total} and {@code term_frequencies}.
 * "All sources" sums over every source. Every list is ordered as stated and ties are broken by the
 * key named last, ascending. {@code VIEWS} (the view periods, {@link #views}) are the latest {@link
 * #VIEW_PERIODS} distinct {@code documents.period} values other than {@code all}, in ascending
 * order (none without a documents table). "Filter sources" are the first {@link #FILTER_SOURCES} of
 * {@link Corpus#topSources} when the corpus has more than one source (else none); "filter
 * languages" the first {@link #FILTER_LANGS} keys of {@link Corpus#langs} when it has more than one
 * language (else none). A {@code null} source or language in a key means all of them.
 *
 * @param meta the run and the folder
 * @param views the view periods (see above), ascending
 * @param corpus the corpus overview
 * @param terms the terms section
 * @param topics the topics section
 * @param states the states section, the map and the comparison of states and pairs
 * @param changes "What changed"
 * @param evidence the sentences behind the items shown, for {@link #evidenceRequest()}
 * @param relations cooperation and conflict between the pairs shown, for {@link #relationsRequest};
 *     null when the run wrote no relation tables (the page hides relations)
 */
public record ReportInputs(
    Meta meta,
    List<String> views,
    Corpus corpus,
    Terms terms,
    Topics topics,
    States states,
    Changes changes,
    Evidence evidence,
    Relations relations) {

  /** Inputs without relations (a run with {@code --relations off} or an older folder). */
  public ReportInputs(
      Meta meta,
      List<String> views,
      Corpus corpus,
      Terms terms,
      Topics topics,
      States states,
      Changes changes,
      Evidence evidence) {
    this(meta, views, corpus, terms, topics, states, changes, evidence, null);
  }

  /** The period that stands for every period. */
  public static final String ALL = "all";

  /** View periods (the latest periods with documents). */
  public static final int VIEW_PERIODS = 24;

  /** Sources drawn separately in the documents chart; the rest are "other sources". */
  public static final int TOP_SOURCES = 10;

  /** Sources offered in the filters (the most prolific). */
  public static final int FILTER_SOURCES = 8;

  /** Languages offered in the filters. */
  public static final int FILTER_LANGS = 3;

  /** Languages listed in the overview. */
  public static final int TOP_LANGS = 12;

  /** Terms per list (top terms, keyness winners), states per list, collocations. */
  public static final int TOP_ITEMS = 20;

  /** Candidate terms per comparison unit (period or source) and language. */
  public static final int COMPARE_TERMS = 60;

  /** Candidate pairs per view period for the comparison of periods. */
  public static final int COMPARE_PAIRS = 50;

  /** States drawn as lines over time. */
  public static final int TIME_STATES = 10;

  /** States of the heatmap. */
  public static final int HEATMAP_STATES = 20;

  /** Pairs kept per period, by co-mentions (the network draws at most this many edges). */
  public static final int TOP_PAIRS = 150;

  /** Thresholds of co-mentions for the NPMI list and the network. */
  public static final List<Integer> PAIR_THRESHOLDS = List.of(1, 2, 3, 5, 10);

  /** Partners listed per state in the map's panel. */
  public static final int PARTNERS = 5;

  /** States of a view period with partners listed (all of them for {@code all}). */
  public static final int PARTNER_STATES = 40;

  /** Stories per list. */
  public static final int TOP_STORIES = 12;

  /** Topics' top terms shown. */
  public static final int TOPIC_TERMS = 10;

  /** Topic states shown per topic. */
  public static final int TOPIC_STATES = 3;

  /** A topic_states row needs this many documents to be shown. */
  public static final long TOPIC_STATE_MIN_DOCS = 5;

  /** G² (p &lt; 0.001) a topic_states row needs when the table has {@code llr}. */
  public static final double TOPIC_STATE_MIN_LLR = 10.83;

  /** Typical articles per topic. */
  public static final int TOPIC_DOCS = 3;

  /** Bursting states and pairs per period under "What changed"; rises that are no burst. */
  public static final int CHANGE_ITEMS = 10;

  public static final int CHANGE_RISES = 5;

  /** Rising and falling terms per period under "What changed". */
  public static final int CHANGE_TERMS = 15;

  /** Sentences per item (the evidence tables keep up to 3). */
  public static final int SENTENCES = 3;

  /** State sentences: states per period, periods ({@code all} and the latest view periods). */
  public static final int STATE_SENTENCE_STATES = 30;

  public static final int STATE_SENTENCE_PERIODS = 6;

  public static final int STATE_SENTENCES = 2;

  /** Relation pair-periods whose counts are embedded (the pairs shown, their bursts, series). */
  public static final int RELATION_TONES = 3_000;

  /** Pairs whose relation over the view periods is embedded (a pair's panel draws it). */
  public static final int RELATION_SERIES_PAIRS = 100;

  /** Pair-periods whose relation sentences are embedded. */
  public static final int RELATION_EVIDENCE = 400;

  /** Relation sentences per pair-period and quad class (relation_evidence keeps up to 3). */
  public static final int RELATION_SENTENCES = 2;

  /** The same inputs with {@code e} as their evidence. */
  public ReportInputs withEvidence(Evidence e) {
    return new ReportInputs(meta, views, corpus, terms, topics, states, changes, e, relations);
  }

  /** The same inputs with {@code r} as their relations. */
  public ReportInputs withRelations(Relations r) {
    return new ReportInputs(meta, views, corpus, terms, topics, states, changes, evidence, r);
  }

  /**
   * The relation rows the page shows for these inputs and the conflict bursts {@code bursts} (see
   * {@link RelationsRequest}).
   */
  public RelationsRequest relationsRequest(Map<String, List<RelationBurst>> bursts) {
    return ReportData.relationsRequest(this, bursts);
  }

  /** The evidence the page shows for these inputs (see {@link EvidenceRequest}). */
  public EvidenceRequest evidenceRequest() {
    return ReportData.evidenceRequest(this);
  }

  // ------------------------------------------------------------------ common

  /**
   * Why a section (or part) is absent: {@code table} does not exist (columns empty) or lacks {@code
   * columns}.
   */
  public record Missing(String table, List<String> columns) {

    /** The table is absent. */
    public static Missing table(String table) {
      return new Missing(table, List.of());
    }
  }

  /** A key and its count. */
  public record Count(String key, long n) {}

  // ------------------------------------------------------------------ meta

  /**
   * The run: from {@code _manifest.json} ({@code run_id}, {@code command}, {@code version}, {@code
   * finished_at}, {@code config.period}, {@code inputs}); null fields without a manifest.
   *
   * @param output the output folder as given
   * @param generated when the page was made
   */
  public record Meta(
      String output,
      Instant generated,
      String runId,
      String command,
      String version,
      Instant finished,
      String period,
      List<String> inputs) {}

  // ------------------------------------------------------------------ corpus

  /**
   * The corpus overview, from {@code documents} (and the manifest).
   *
   * @param missing non-null when the documents table or one of its columns period, source, lang,
   *     duplicate_of is absent (every other field is then empty)
   * @param rowsIn manifest {@code rows.in}; without it documents + rejected
   * @param documents rows of {@code documents} (every accepted document, reprints included)
   * @param counted counted documents (see the class comment); equals the sum of {@code
   *     countedByPeriod}
   * @param duplicates documents with {@code duplicate_of} not null
   * @param rejected the sum of {@code rejectedByReason}
   * @param rejectedByReason manifest {@code rejected_by_reason}; without it {@code rejected}
   *     grouped by reason (null reason: "unknown")
   * @param sources distinct {@code documents.source} (null counts as "unknown")
   * @param topSources documents per source (null: "unknown"), the first {@link #TOP_SOURCES} by
   *     documents desc, source
   * @param docsByPeriodSource period → source of {@code topSources} → documents (every period with
   *     documents; a source absent in a period has no entry)
   * @param docsByPeriodOther period → documents of the sources not in {@code topSources} (only
   *     periods with some)
   * @param countedByPeriod period → counted documents (every period with documents)
   * @param countedByPeriodSource filter source → period → counted documents of that source
   * @param countedByPeriodLang filter language → period → counted documents in that language
   * @param countedBySource filter source → counted documents over all periods
   * @param langs documents per {@code lang} (null: "unknown"), the first {@link #TOP_LANGS} by
   *     documents desc, lang
   * @param stories null unless the tables stories and story_amplification exist and documents has
   *     story_id
   */
  public record Corpus(
      Missing missing,
      long rowsIn,
      long documents,
      long counted,
      long duplicates,
      long rejected,
      Map<String, Long> rejectedByReason,
      long sources,
      List<Count> topSources,
      Map<String, Map<String, Long>> docsByPeriodSource,
      Map<String, Long> docsByPeriodOther,
      Map<String, Long> countedByPeriod,
      Map<String, Map<String, Long>> countedByPeriodSource,
      Map<String, Map<String, Long>> countedByPeriodLang,
      Map<String, Long> countedBySource,
      List<Count> langs,
      Stories stories) {

    /** The sources offered in the filters (see the class comment). */
    public List<String> filterSources() {
      return topSources.size() < 2 && sources < 2
          ? List.of()
          : topSources.stream().limit(FILTER_SOURCES).map(Count::key).toList();
    }

    /** The languages offered in the filters (see the class comment). */
    public List<String> filterLangs() {
      return langs.size() < 2
          ? List.of()
          : langs.stream().limit(FILTER_LANGS).map(Count::key).toList();
    }
  }

  /**
   * Stories.
   *
   * @param mode manifest {@code dedup.mode} ("" without)
   * @param stories rows of {@code stories}
   * @param top stories with docs &gt; 1, the first {@link #TOP_STORIES} by docs desc, sources desc,
   *     story_id
   * @param amplification {@code story_amplification} summed per source (docs, reprints,
   *     stories_first), the first {@link #TOP_STORIES} by reprints desc, source
   */
  public record Stories(
      String mode, long stories, List<Story> top, List<Amplification> amplification) {}

  /**
   * A reprinted story: columns of {@code stories}; {@code outlets}: the sources of its documents
   * ({@code documents} where story_id = this story), by documents desc, source.
   */
  public record Story(
      String storyId,
      String title,
      long docs,
      int sources,
      String firstSource,
      Instant firstPublished,
      List<String> outlets) {}

  /** A source's amplification summed over periods. */
  public record Amplification(String source, long docs, long reprints, long first) {}

  // ------------------------------------------------------------------ terms

  /**
   * The terms section, from {@code term_frequencies}, {@code term_keyness} and {@code
   * collocations}. A term is identified by (lang, term); its {@code label} is {@code max(label)}
   * over the rows summed.
   *
   * @param missing non-null without term_frequencies (or its columns period, term, label,
   *     term_count); every other field is then empty
   * @param top one cell per (period, source, lang) with period in {@code all} + VIEWS, source in
   *     null + filter sources, lang in null + filter languages, at most one of source and lang not
   *     null (the page filters by one at a time): term_frequencies rows of the period (every period
   *     for {@code all}), source and lang, summed per (lang, term) (term_count → n, doc_count →
   *     docs, term_count where doc_count is null), the first {@link #TOP_ITEMS} by n desc, lang,
   *     term
   * @param keyness period → term_keyness rows of the period with log_ratio &gt; 0, the first {@link
   *     #TOP_ITEMS} by g2 desc, term (every period with rows)
   * @param collocations the first {@link #TOP_ITEMS} rows of collocations by g2 desc, label
   * @param compare the comparison units: one per (VIEW period, lang) and per (filter source, lang)
   *     for lang in the filter languages, or the corpus's one language (the first key of {@link
   *     Corpus#langs}) when there is no filter language
   */
  public record Terms(
      Missing missing,
      List<TermCell> top,
      Map<String, List<Keyness>> keyness,
      List<Collocation> collocations,
      List<TermUnit> compare) {}

  /** A term and its counts (n: occurrences, docs: documents, per the context). */
  public record TermCount(String lang, String term, String label, long n, long docs) {}

  /** The top terms of one (period, source, lang) cell; null source or lang: all. */
  public record TermCell(String period, String source, String lang, List<TermCount> terms) {}

  /** A keyness winner: a row of term_keyness ({@code n}: count_period). */
  public record Keyness(
      String lang, String term, String label, Double g2, Double logRatio, Long n) {}

  /** A collocation: a row of collocations ({@code n}: count). */
  public record Collocation(
      String lang, String term, String label, long n, Double g2, Double pmi) {}

  /**
   * Term counts of one comparison unit and language, for keyness between two units in the page. The
   * candidates of a language are the union over its units of each unit's first {@link
   * #COMPARE_TERMS} terms by term_count desc, term; {@code counts} holds every candidate's exact
   * count in the unit (term_frequencies rows of the unit and lang summed; docs = doc_count summed),
   * zeros left out, ordered by n desc, term.
   *
   * @param kind "period" (the rows of that period, all sources) or "source" (the rows of that
   *     source, every period)
   * @param key the period or the source
   * @param tokens term_count summed over every row of the unit and lang (all terms, not only the
   *     candidates): the size of the unit
   */
  public record TermUnit(
      String kind, String key, String lang, long tokens, List<TermCount> counts) {}

  // ------------------------------------------------------------------ topics

  /**
   * The topics section, from {@code topic_summary}, {@code topics}, {@code topic_trends}, {@code
   * topic_states}, {@code document_topics} and {@code documents}.
   *
   * @param missing non-null without topic_summary (topic_id, label, npmi, prevalence) or topics
   *     (topic_id, rank, label, weight)
   * @param topics every row of topic_summary, by prevalence desc, topic_id
   * @param statesRankedBy "llr" when topic_states has a non-null llr, "lift_docs" otherwise, ""
   *     without topic_states
   * @param weights topic weight per (period, source, lang, topic): for source null and lang null,
   *     topic_trends summed per (period, topic_id) (weight_sum → weight, docs → docs); for a filter
   *     source, topic_trends rows of that source per (period, topic_id); for a filter language,
   *     document_topics joined with documents on doc_id where documents.lang is that language,
   *     summed per (period, topic_id) (weight → weight, rows → docs). Every period; rows with a
   *     weight of 0 left out
   */
  public record Topics(
      Missing missing, List<Topic> topics, String statesRankedBy, List<TopicWeight> weights) {}

  /**
   * A topic: its topic_summary row; {@code weak} = the weak column, or npmi &lt; 0 where it is
   * null.
   *
   * @param terms topics rows of the topic with rank ≤ {@link #TOPIC_TERMS}, by rank
   * @param states topic_states rows of the topic with docs ≥ {@link #TOPIC_STATE_MIN_DOCS} and lift
   *     &gt; 1; when ranked by "llr": also llr ≥ {@link #TOPIC_STATE_MIN_LLR}, by llr desc, state;
   *     else by lift × docs desc, state; the first {@link #TOPIC_STATES}
   * @param docs the first {@link #TOPIC_DOCS} of top_doc_ids, with title and url of documents
   *     (empty title and null url when the document is not found)
   */
  public record Topic(
      int id,
      String label,
      Double npmi,
      boolean weak,
      Double prevalence,
      List<TopicTerm> terms,
      List<TopicState> states,
      List<TopicDoc> docs) {}

  /** A top term of a topic. */
  public record TopicTerm(String label, Double weight) {}

  /** A state typical of a topic (a topic_states row; llr null when the table has none). */
  public record TopicState(String state, long docs, Double lift, Double llr) {}

  /** A typical article of a topic. */
  public record TopicDoc(String docId, String title, String url) {}

  /** A topic's weight in a (period, source, lang) cell. */
  public record TopicWeight(
      String period, String source, String lang, int topic, double weight, long docs) {}

  // ------------------------------------------------------------------ states

  /**
   * The states section and the map, from {@code states}, {@code state_counts}, {@code
   * state_comentions} (and {@code state_mentions} with {@code documents} for languages).
   *
   * @param missing non-null without state_counts (period, state, docs) or states (iso2, name_en,
   *     name_ar)
   * @param names every row of states by iso2
   * @param docs period → state → documents, for {@code all} and each VIEW period: state_counts docs
   *     summed over sources (over every period for {@code all}); states with 0 left out
   * @param time the first {@link #TIME_STATES} states of {@code docs.get("all")} by docs desc,
   *     state → period → docs summed over sources, every period they are named in
   * @param bySource filter source → period ({@code all} and VIEWS) → state_counts rows of the
   *     source summed per state, the first {@link #TOP_ITEMS} by docs desc, state
   * @param docsBySource filter source → state → state_counts docs of the source summed over periods
   *     (every state named)
   * @param byLang filter language → period ({@code all} and VIEWS) → the first {@link #TOP_ITEMS}
   *     states by the number of distinct counted documents in that language with a state_mentions
   *     row of a counted form (the manifest's {@code config.forms}, default name, adjective,
   *     capital), desc, state; empty with fewer than two languages
   * @param scope the scope of {@code pairs}: "document" when state_comentions has it for {@code
   *     all}, else its first scope; null without state_comentions
   * @param pairs period ({@code all} and VIEWS) → the pairs of state_comentions of that period and
   *     scope (see {@link PeriodPairs})
   * @param partners period → state → the first {@link #PARTNERS} pairs naming the state by co_docs
   *     desc, npmi desc, other state; for {@code all} every state in a pair, for a VIEW period the
   *     first {@link #PARTNER_STATES} states of {@code docs} of the period by docs desc, state
   * @param comparePairs VIEW period → co_docs (scope document) of each candidate pair in that
   *     period (0 left out), by co_docs desc, npmi desc (nulls last), state_a, state_b, where the
   *     candidates are the union over VIEWS of the first {@link #COMPARE_PAIRS} pairs of each
   *     period's {@link PeriodPairs#top}; empty unless the scope is "document"
   */
  public record States(
      Missing missing,
      Map<String, StateName> names,
      Map<String, Map<String, Long>> docs,
      Map<String, Map<String, Long>> time,
      Map<String, Map<String, List<Count>>> bySource,
      Map<String, Map<String, Long>> docsBySource,
      Map<String, Map<String, List<Count>>> byLang,
      String scope,
      Map<String, PeriodPairs> pairs,
      Map<String, Map<String, List<Pair>>> partners,
      Map<String, List<Pair>> comparePairs) {}

  /** A row of the states table. */
  public record StateName(String en, String ar, String iso3, String status) {}

  /** A pair of states (a &lt; b) named together in {@code co} units, with its NPMI. */
  public record Pair(String a, String b, long co, Double npmi) {}

  /**
   * The pairs of one period and scope.
   *
   * @param top the first {@link #TOP_PAIRS} pairs by co_docs desc, npmi desc (nulls last), state_a,
   *     state_b
   * @param atLeast m → the number of pairs with co_docs ≥ m, for m in {@link #PAIR_THRESHOLDS}
   * @param byNpmi m → the first {@link #TOP_ITEMS} pairs with co_docs ≥ m and npmi not null, by
   *     npmi desc, co_docs desc, state_a, state_b, for m in {@link #PAIR_THRESHOLDS}
   * @param heatStates the first {@link #HEATMAP_STATES} states by docs of the period (states.docs)
   *     desc, state, among those in at least one pair of the period
   * @param heat every pair of the period between two heatStates, by co_docs desc, npmi desc,
   *     state_a, state_b
   */
  public record PeriodPairs(
      List<Pair> top,
      Map<Integer, Long> atLeast,
      Map<Integer, List<Pair>> byNpmi,
      List<String> heatStates,
      List<Pair> heat) {}

  // ------------------------------------------------------------------ what changed

  /**
   * "What changed", from {@code state_trends}, {@code comention_trends} and {@code term_trends}.
   *
   * @param missing non-null when all three tables are absent (its table is "state_trends")
   * @param missingStates state_trends or one of period, state, docs, share_of_docs, burst_g2, burst
   *     absent
   * @param missingPairs comention_trends or one of period, state_a, state_b, co_docs, burst_g2,
   *     burst absent
   * @param missingTerms term_trends or one of period, lang, term, label, g2, log_ratio, direction
   *     absent
   * @param byPeriod VIEW period → its lists (every VIEW period has an entry)
   */
  public record Changes(
      Missing missing,
      Missing missingStates,
      Missing missingPairs,
      Missing missingTerms,
      Map<String, PeriodChanges> byPeriod) {}

  /**
   * One period's changes.
   *
   * @param states state_trends rows of the period with burst, the first {@link #CHANGE_ITEMS} by
   *     burst_g2 desc, state
   * @param rises rows with burst false, share_change &gt; 0 and docs ≥ 2, the first {@link
   *     #CHANGE_RISES} by share_change desc, state
   * @param pairs comention_trends rows with burst, the first {@link #CHANGE_ITEMS} by burst_g2
   *     desc, then "state_a|state_b"
   * @param rising term_trends rows with direction "rising", the first {@link #CHANGE_TERMS} by g2
   *     desc, term
   * @param falling the same with direction "falling"
   */
  public record PeriodChanges(
      List<StateChange> states,
      List<StateChange> rises,
      List<PairChange> pairs,
      List<TermChange> rising,
      List<TermChange> falling) {}

  /** A state_trends row (docs_total → total, burst_g2 → g2, burst_log_ratio → lr). */
  public record StateChange(
      String state,
      long docs,
      Long total,
      Double share,
      Double prevShare,
      Double change,
      Long windowDocs,
      Long windowTotal,
      Double windowShare,
      Double g2,
      Double lr) {}

  /** A comention_trends row. */
  public record PairChange(
      String a,
      String b,
      long co,
      Long total,
      Double npmi,
      Long prevCo,
      Long change,
      Double npmiChange,
      Long windowCo,
      Long windowTotal,
      Double g2,
      Double lr) {}

  /** A term_trends row (count_period → n, count_prev → prev). */
  public record TermChange(
      String lang, String term, String label, Long n, Long prev, Double g2, Double lr) {}

  // ------------------------------------------------------------------ evidence

  /**
   * The sentences of the items the page shows: for each key of {@link #evidenceRequest()}, the rows
   * of the evidence table with rank ≤ {@link #SENTENCES}, by rank.
   *
   * @param pairsMissing comention_evidence or one of its columns period, state_a, state_b, rank,
   *     doc_id, sentence, a_start, a_end, b_start, b_end absent
   * @param termsMissing term_evidence or one of period, lang, term, kind, rank, doc_id, sentence,
   *     start, end absent
   * @param statesMissing state_mentions or its context columns absent
   * @param pairs comention_evidence rows of the requested (period, state_a, state_b)
   * @param terms term_evidence rows of the requested (period, lang, term), any kind
   * @param states for each requested (period, state): state_mentions rows of the state (of the
   *     period; every period for {@code all}) with a counted form and a non-null context, of
   *     counted documents, joined with documents (published_at, story_id, url); one per document,
   *     the earliest mention (field title first, then start); the first {@link #STATE_SENTENCES}
   *     documents by published_at (nulls last), doc_id
   */
  public record Evidence(
      Missing pairsMissing,
      Missing termsMissing,
      Missing statesMissing,
      Map<PairKey, List<PairSentence>> pairs,
      Map<TermKey, List<TermSentence>> terms,
      Map<StateKey, List<Spanned>> states) {

    /** No evidence at all (each part missing for {@code why}). */
    public static Evidence none(Missing why) {
      return new Evidence(why, why, why, Map.of(), Map.of(), Map.of());
    }
  }

  /**
   * A sentence and where it is from ({@code url}: the document's, null when the tables have none).
   */
  public record Sentence(
      String text,
      String source,
      Instant published,
      String docId,
      String field,
      String storyId,
      String url) {}

  /** A sentence naming both states of a pair, with the offsets of each name. */
  public record PairSentence(
      Sentence sentence, Integer aStart, Integer aEnd, Integer bStart, Integer bEnd) {}

  /** A sentence holding a term ({@code kind} as in term_evidence), with its offsets. */
  public record TermSentence(String kind, Sentence sentence, Integer start, Integer end) {}

  /** A sentence with one marked span (a state's mention). */
  public record Spanned(Sentence sentence, Integer start, Integer end) {}

  /** A pair of states in a period. */
  public record PairKey(String period, String a, String b) {}

  /** A term in a period. */
  public record TermKey(String period, String lang, String term) {}

  /** A state in a period. */
  public record StateKey(String period, String state) {}

  /**
   * The evidence the page embeds, in the order it matters (the first keys win when a bound cuts):
   * computed from the other parts by {@link ReportData#evidenceRequest}.
   */
  public record EvidenceRequest(List<PairKey> pairs, List<TermKey> terms, List<StateKey> states) {}

  // ------------------------------------------------------------------ relations

  /**
   * Cooperation and conflict between the pairs the page shows, from {@code comention_relations},
   * {@code relation_trends} and {@code relation_evidence}. Pair keys have state_a &lt; state_b as
   * in the tables.
   *
   * @param missing non-null when comention_relations or one of its columns period, state_a,
   *     state_b, sentences, cooperation, conflict, neutral, the four quad counts, tone, relation is
   *     absent (every other field is then empty)
   * @param trendsMissing relation_trends or one of period, state_a, state_b, relation, sentences,
   *     share, burst_g2, burst absent
   * @param evidenceMissing relation_evidence or one of period, state_a, state_b, relation, quad,
   *     rank, doc_id, sentence, a_start, a_end, b_start, b_end, cue_start, cue_end absent
   * @param tones the comention_relations row of each key of {@link RelationsRequest#tones} that has
   *     one
   * @param bursts VIEW period → relation_trends rows of the period with relation "conflict" and
   *     burst, the first {@link #CHANGE_ITEMS} by burst_g2 desc, then "state_a|state_b" (only
   *     periods with some)
   * @param evidence for each key of {@link RelationsRequest#evidence}: relation_evidence rows with
   *     rank ≤ {@link #RELATION_SENTENCES}, by relation (cooperation, conflict, neutral), quad,
   *     rank
   */
  public record Relations(
      Missing missing,
      Missing trendsMissing,
      Missing evidenceMissing,
      Map<PairKey, Tone> tones,
      Map<String, List<RelationBurst>> bursts,
      Map<PairKey, List<RelationSentence>> evidence) {

    /** No relations: comention_relations is absent for {@code why}. */
    public static Relations none(Missing why) {
      return new Relations(why, why, why, Map.of(), Map.of(), Map.of());
    }
  }

  /**
   * A comention_relations row: sentences naming both states, per relation and quad class, and the
   * tone (vc + 2mc − vf − 2mf) / (2 sentences).
   */
  public record Tone(
      long sentences,
      long docs,
      long cooperation,
      long conflict,
      long neutral,
      long verbalCooperation,
      long materialCooperation,
      long verbalConflict,
      long materialConflict,
      Double tone,
      String relation) {}

  /** A relation_trends row of a pair whose conflict share burst. */
  public record RelationBurst(
      String a,
      String b,
      long sentences,
      Long pairSentences,
      Double share,
      Double prevShare,
      Double change,
      Long windowSentences,
      Long windowPairSentences,
      Double windowShare,
      Double g2,
      Double lr) {}

  /**
   * A relation_evidence row: a sentence naming both states, its relation and quad class, both names
   * and the cue as offsets (cue null when the sentence has none) and the direction (a>b, b>a,
   * none).
   */
  public record RelationSentence(
      String relation,
      String quad,
      int rank,
      Sentence sentence,
      Integer aStart,
      Integer aEnd,
      Integer bStart,
      Integer bEnd,
      String cue,
      Integer cueStart,
      Integer cueEnd,
      String direction) {}

  /**
   * The relation rows the page embeds, computed by {@link ReportData#relationsRequest}.
   *
   * @param tones pair-periods whose counts are shown: the conflict bursts, the pairs of {@link
   *     #evidenceRequest()} (in its order, not cut at its bound) and {@code all} and each view
   *     period of the first {@link #RELATION_SERIES_PAIRS} pairs of period {@code all} there and of
   *     the bursts, cut at {@link #RELATION_TONES}
   * @param evidence pair-periods whose sentences are embedded: the bursts (latest period first),
   *     then the pairs of {@link #evidenceRequest()}, cut at {@link #RELATION_EVIDENCE}
   */
  public record RelationsRequest(List<PairKey> tones, List<PairKey> evidence) {}
}
