package org.marsad.catalog;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.marsad.pipeline.Table;
import org.marsad.pipeline.Table.Load;

/**
 * Every table a Marsad run writes, and the other entries of an output folder. Topic tables are
 * replaced whole in PostgreSQL even those with a period: topic ids mean something only within the
 * model of one run, so a month of an older model would be mislabelled.
 */
public final class Catalog {

  private Catalog() {}

  private static final Map<String, Table> TABLES = new LinkedHashMap<>();

  private static Table table(
      String name, String ddl, String partitionBy, String key, Load load, String... indexes) {
    List<String> k = key.isEmpty() ? List.of() : List.of(key.split(","));
    Table t =
        new Table(
            name,
            StructType.fromDDL(ddl),
            partitionBy,
            k,
            !k.isEmpty(),
            Arrays.stream(indexes).map(i -> List.of(i.split(","))).toList(),
            load);
    TABLES.put(name, t);
    return t;
  }

  /** Accepted documents. */
  public static final Table DOCUMENTS =
      table(
          "documents",
          "doc_id STRING, source STRING, published_at TIMESTAMP, period STRING, lang STRING,"
              + " title STRING, n_tokens INT, duplicate_of STRING, story_id STRING, url STRING",
          "period",
          "period,doc_id",
          Load.BY_PERIOD,
          "doc_id",
          "source",
          "story_id");

  /** Stories: a dispatch and its reprints (near-duplicate documents). */
  public static final Table STORIES =
      table(
          "stories",
          "story_id STRING, period STRING, first_doc_id STRING, first_published_at TIMESTAMP,"
              + " first_source STRING, title STRING, docs BIGINT, sources INT, span_hours DOUBLE",
          "period",
          "period,story_id",
          Load.BY_PERIOD,
          "story_id");

  /** How far stories travelled: reprints of other outlets' stories per period and source. */
  public static final Table STORY_AMPLIFICATION =
      table(
          "story_amplification",
          "period STRING, source STRING, docs BIGINT, stories BIGINT, stories_first BIGINT,"
              + " reprints BIGINT, self_repeats BIGINT, picked_up BIGINT, reprint_share DOUBLE",
          "period",
          "period,source",
          Load.BY_PERIOD);

  /** Input rows that could not be used, with the reason. */
  public static final Table REJECTED =
      table(
          "rejected",
          "doc_id STRING, reason STRING, detail STRING, raw STRING",
          null,
          "",
          Load.WHOLE,
          "reason",
          "doc_id");

  /** Term counts per period, source and language. */
  public static final Table TERM_FREQUENCIES =
      table(
          "term_frequencies",
          "period STRING, source STRING, lang STRING, term STRING, label STRING,"
              + " term_count BIGINT, doc_count BIGINT, doc_count_raw BIGINT",
          "period",
          "period,source,lang,term",
          Load.BY_PERIOD,
          "term",
          "period,lang");

  /** Each period's terms against the rest. */
  public static final Table TERM_KEYNESS =
      table(
          "term_keyness",
          "period STRING, lang STRING, term STRING, label STRING, count_period BIGINT,"
              + " count_rest BIGINT, g2 DOUBLE, log_ratio DOUBLE",
          "period",
          "period,lang,term",
          Load.BY_PERIOD,
          "term");

  /** Adjacent term pairs. */
  public static final Table COLLOCATIONS =
      table(
          "collocations",
          "lang STRING, term STRING, term_a STRING, term_b STRING, label STRING, count BIGINT,"
              + " pmi DOUBLE, g2 DOUBLE",
          null,
          "lang,term",
          Load.WHOLE,
          "term_a",
          "term_b");

  /** The states dimension. */
  public static final Table STATES =
      table(
          "states",
          "iso2 STRING, iso3 STRING, name_en STRING, name_ar STRING, status STRING",
          null,
          "iso2",
          Load.WHOLE,
          "iso3");

  /** Every mention of a state. */
  public static final Table STATE_MENTIONS =
      table(
          "state_mentions",
          "doc_id STRING, period STRING, source STRING, state STRING, form STRING,"
              + " surface STRING, field STRING, start INT, end INT, sentence INT,"
              + " context STRING, context_start INT, context_end INT",
          "period",
          "period,doc_id,field,start",
          Load.BY_PERIOD,
          "period,state",
          "state",
          "doc_id");

  /** Documents naming each state per period and source. */
  public static final Table STATE_COUNTS =
      table(
          "state_counts",
          "period STRING, source STRING, state STRING, docs BIGINT, mentions BIGINT,"
              + " share_of_docs DOUBLE, docs_raw BIGINT",
          "period",
          "period,source,state",
          Load.BY_PERIOD,
          "state");

  /** Co-mention measures of pairs of states. */
  public static final Table STATE_COMENTIONS =
      table(
          "state_comentions",
          "period STRING, scope STRING, state_a STRING, state_b STRING, co_docs BIGINT,"
              + " docs_a BIGINT, docs_b BIGINT, docs_total BIGINT, jaccard DOUBLE, dice DOUBLE,"
              + " pmi DOUBLE, npmi DOUBLE, lift DOUBLE, llr DOUBLE, p_b_given_a DOUBLE,"
              + " p_a_given_b DOUBLE",
          "period",
          "period,scope,state_a,state_b",
          Load.BY_PERIOD,
          "state_a,period",
          "state_b,period");

  /** Each state's share of documents per period against the previous period and a window. */
  public static final Table STATE_TRENDS =
      table(
          "state_trends",
          "period STRING, state STRING, docs BIGINT, docs_total BIGINT, share_of_docs DOUBLE,"
              + " prev_share_of_docs DOUBLE, share_change DOUBLE, window_docs BIGINT,"
              + " window_docs_total BIGINT, window_share DOUBLE, burst_g2 DOUBLE,"
              + " burst_log_ratio DOUBLE, burst BOOLEAN",
          "period",
          "period,state",
          Load.BY_PERIOD,
          "state");

  /** Each pair's co-mentions per period against the previous period and a window. */
  public static final Table COMENTION_TRENDS =
      table(
          "comention_trends",
          "period STRING, state_a STRING, state_b STRING, co_docs BIGINT, docs_total BIGINT,"
              + " npmi DOUBLE, prev_co_docs BIGINT, co_docs_change BIGINT, prev_npmi DOUBLE,"
              + " npmi_change DOUBLE, window_co_docs BIGINT, window_docs_total BIGINT,"
              + " burst_g2 DOUBLE, burst_log_ratio DOUBLE, burst BOOLEAN",
          "period",
          "period,state_a,state_b",
          Load.BY_PERIOD,
          "state_a,period",
          "state_b,period");

  /** Rising and falling terms of each period against the previous one. */
  public static final Table TERM_TRENDS =
      table(
          "term_trends",
          "period STRING, lang STRING, term STRING, label STRING, count_period BIGINT,"
              + " count_prev BIGINT, n_period BIGINT, n_prev BIGINT, g2 DOUBLE, log_ratio DOUBLE,"
              + " direction STRING",
          "period",
          "period,lang,term",
          Load.BY_PERIOD,
          "term");

  /** Example sentences naming both states of a pair. */
  public static final Table COMENTION_EVIDENCE =
      table(
          "comention_evidence",
          "period STRING, state_a STRING, state_b STRING, rank INT, doc_id STRING,"
              + " source STRING, published_at TIMESTAMP, story_id STRING, field STRING,"
              + " sentence STRING, a_start INT, a_end INT, b_start INT, b_end INT, url STRING",
          "period",
          "period,state_a,state_b,rank",
          Load.BY_PERIOD,
          "state_a,state_b,period",
          "doc_id");

  /** Example sentences of each period's keyness winners and of the top collocations. */
  public static final Table TERM_EVIDENCE =
      table(
          "term_evidence",
          "period STRING, lang STRING, term STRING, label STRING, kind STRING, rank INT,"
              + " doc_id STRING, source STRING, published_at TIMESTAMP, sentence STRING,"
              + " start INT, end INT, url STRING",
          "period",
          "period,lang,term,kind,rank",
          Load.BY_PERIOD,
          "term",
          "doc_id");

  /** The top terms of each topic. */
  public static final Table TOPICS =
      table(
          "topics",
          "topic_id INT, rank INT, term STRING, label STRING, weight DOUBLE",
          null,
          "topic_id,rank",
          Load.WHOLE,
          "term");

  /** One row per topic. */
  public static final Table TOPIC_SUMMARY =
      table(
          "topic_summary",
          "topic_id INT, label STRING, npmi DOUBLE, weak BOOLEAN, prevalence DOUBLE,"
              + " top_doc_ids ARRAY<STRING>",
          null,
          "topic_id",
          Load.WHOLE);

  /** Each document's topic mixture. */
  public static final Table DOCUMENT_TOPICS =
      table(
          "document_topics",
          "doc_id STRING, period STRING, source STRING, topic_id INT, weight DOUBLE",
          "period",
          "period,doc_id,topic_id",
          Load.WHOLE,
          "topic_id,period",
          "doc_id");

  /** Topic shares per period and source. */
  public static final Table TOPIC_TRENDS =
      table(
          "topic_trends",
          "period STRING, source STRING, topic_id INT, docs BIGINT, weight_sum DOUBLE,"
              + " share DOUBLE, docs_raw BIGINT",
          "period",
          "period,source,topic_id",
          Load.WHOLE,
          "topic_id");

  /** Topic–state association. */
  public static final Table TOPIC_STATES =
      table(
          "topic_states",
          "topic_id INT, state STRING, docs BIGINT, weight_sum DOUBLE, lift DOUBLE,"
              + " state_docs BIGINT, llr DOUBLE",
          null,
          "topic_id,state",
          Load.WHOLE,
          "state");

  /** The k values tried by {@code --k auto}. */
  public static final Table TOPIC_SWEEP =
      table(
          "topic_sweep",
          "k INT, npmi DOUBLE, diversity DOUBLE, seconds DOUBLE, chosen BOOLEAN",
          null,
          "k",
          Load.WHOLE);

  /** Folder of the co-mention networks (GEXF and edges.csv), not a table. */
  public static final String NETWORKS = "networks";

  /** Folder of the saved topic model, not a table. */
  public static final String TOPIC_MODEL = "models/topics";

  /** Folder of the HTML report. */
  public static final String REPORT = "report";

  /** Folder of the CSV copies of the tables. */
  public static final String CSV = "csv";

  /** The manifest file of a run. */
  public static final String MANIFEST = "_manifest.json";

  /** Every table, in writing order. */
  public static List<Table> tables() {
    return List.copyOf(TABLES.values());
  }

  /** The table named {@code name}, or null. */
  public static Table get(String name) {
    return TABLES.get(name);
  }
}
