package org.marsad.topics;

import java.util.List;
import org.marsad.pipeline.Table;
import org.marsad.pipeline.Table.Load;

/**
 * The tables of the topics capability. Topic tables are replaced whole in PostgreSQL even those
 * with a period: topic ids mean something only within the model of one run.
 */
public final class TopicsCatalog {

  private TopicsCatalog() {}

  /** The top terms of each topic. */
  public static final Table TOPICS =
      Table.of(
          "topics",
          "topic_id INT, rank INT, term STRING, label STRING, weight DOUBLE",
          null,
          "topic_id,rank",
          Load.WHOLE,
          "term");

  /** One row per topic. */
  public static final Table TOPIC_SUMMARY =
      Table.of(
          "topic_summary",
          "topic_id INT, label STRING, npmi DOUBLE, weak BOOLEAN, prevalence DOUBLE,"
              + " top_doc_ids ARRAY<STRING>",
          null,
          "topic_id",
          Load.WHOLE);

  /** Each document's topic mixture. */
  public static final Table DOCUMENT_TOPICS =
      Table.of(
          "document_topics",
          "doc_id STRING, period STRING, source STRING, topic_id INT, weight DOUBLE",
          "period",
          "period,doc_id,topic_id",
          Load.WHOLE,
          "topic_id,period",
          "doc_id");

  /** Topic shares per period and source. */
  public static final Table TOPIC_TRENDS =
      Table.of(
          "topic_trends",
          "period STRING, source STRING, topic_id INT, docs BIGINT, weight_sum DOUBLE,"
              + " share DOUBLE, docs_raw BIGINT",
          "period",
          "period,source,topic_id",
          Load.WHOLE,
          "topic_id");

  /** Topic–state association. */
  public static final Table TOPIC_STATES =
      Table.of(
          "topic_states",
          "topic_id INT, state STRING, docs BIGINT, weight_sum DOUBLE, lift DOUBLE,"
              + " state_docs BIGINT, llr DOUBLE",
          null,
          "topic_id,state",
          Load.WHOLE,
          "state");

  /** The k values tried by {@code --k auto}. */
  public static final Table TOPIC_SWEEP =
      Table.of(
          "topic_sweep",
          "k INT, npmi DOUBLE, diversity DOUBLE, seconds DOUBLE, chosen BOOLEAN",
          null,
          "k",
          Load.WHOLE);

  /** Folder of the saved topic model, not a table. */
  public static final String TOPIC_MODEL = "models/topics";

  /** Every table of the capability, in writing order. */
  public static final List<Table> TABLES =
      List.of(TOPICS, TOPIC_SUMMARY, DOCUMENT_TOPICS, TOPIC_TRENDS, TOPIC_STATES, TOPIC_SWEEP);
}
