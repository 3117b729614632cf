package org.marsad.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marsad.corpus.CorpusCatalog;
import org.marsad.pipeline.Table;
import org.marsad.states.StatesCatalog;
import org.marsad.stories.StoriesCatalog;
import org.marsad.terms.TermsCatalog;
import org.marsad.topics.TopicsCatalog;

/**
 * Every table a Marsad run writes, and the other entries of an output folder: the registry of the
 * tables each capability declares in its own folder ({@code XxxCatalog}), for the writer, the
 * report, the PostgreSQL sink, {@code query} and the tests.
 */
public final class Catalog {

  private Catalog() {}

  /** Accepted documents. */
  public static final Table DOCUMENTS = CorpusCatalog.DOCUMENTS;

  /** Input rows that could not be used, with the reason. */
  public static final Table REJECTED = CorpusCatalog.REJECTED;

  /** Stories: a dispatch and its reprints (near-duplicate documents). */
  public static final Table STORIES = StoriesCatalog.STORIES;

  /** How far stories travelled: reprints of other outlets' stories per period and source. */
  public static final Table STORY_AMPLIFICATION = StoriesCatalog.STORY_AMPLIFICATION;

  /** Term counts per period, source and language. */
  public static final Table TERM_FREQUENCIES = TermsCatalog.TERM_FREQUENCIES;

  /** Each period's terms against the rest. */
  public static final Table TERM_KEYNESS = TermsCatalog.TERM_KEYNESS;

  /** Adjacent term pairs. */
  public static final Table COLLOCATIONS = TermsCatalog.COLLOCATIONS;

  /** Rising and falling terms of each period against the previous one. */
  public static final Table TERM_TRENDS = TermsCatalog.TERM_TRENDS;

  /** Example sentences of each period's keyness winners and of the top collocations. */
  public static final Table TERM_EVIDENCE = TermsCatalog.TERM_EVIDENCE;

  /** The states dimension. */
  public static final Table STATES = StatesCatalog.STATES;

  /** Every mention of a state. */
  public static final Table STATE_MENTIONS = StatesCatalog.STATE_MENTIONS;

  /** Documents naming each state per period and source. */
  public static final Table STATE_COUNTS = StatesCatalog.STATE_COUNTS;

  /** Co-mention measures of pairs of states. */
  public static final Table STATE_COMENTIONS = StatesCatalog.STATE_COMENTIONS;

  /** Each state's share of documents per period against the previous period and a window. */
  public static final Table STATE_TRENDS = StatesCatalog.STATE_TRENDS;

  /** Each pair's co-mentions per period against the previous period and a window. */
  public static final Table COMENTION_TRENDS = StatesCatalog.COMENTION_TRENDS;

  /** Example sentences naming both states of a pair. */
  public static final Table COMENTION_EVIDENCE = StatesCatalog.COMENTION_EVIDENCE;

  /** Folder of the co-mention networks (GEXF and edges.csv), not a table. */
  public static final String NETWORKS = StatesCatalog.NETWORKS;

  /** The top terms of each topic. */
  public static final Table TOPICS = TopicsCatalog.TOPICS;

  /** One row per topic. */
  public static final Table TOPIC_SUMMARY = TopicsCatalog.TOPIC_SUMMARY;

  /** Each document's topic mixture. */
  public static final Table DOCUMENT_TOPICS = TopicsCatalog.DOCUMENT_TOPICS;

  /** Topic shares per period and source. */
  public static final Table TOPIC_TRENDS = TopicsCatalog.TOPIC_TRENDS;

  /** Topic–state association. */
  public static final Table TOPIC_STATES = TopicsCatalog.TOPIC_STATES;

  /** The k values tried by {@code --k auto}. */
  public static final Table TOPIC_SWEEP = TopicsCatalog.TOPIC_SWEEP;

  /** Folder of the saved topic model, not a table. */
  public static final String TOPIC_MODEL = TopicsCatalog.TOPIC_MODEL;

  /** Folder of the HTML report. */
  public static final String REPORT = "report";

  /** Folder of the CSV copies of the tables. */
  public static final String CSV = "csv";

  /** The manifest file of a run. */
  public static final String MANIFEST = "_manifest.json";

  private static final Map<String, Table> TABLES = new LinkedHashMap<>();

  static {
    List<Table> all = new ArrayList<>();
    all.add(CorpusCatalog.DOCUMENTS);
    all.addAll(StoriesCatalog.TABLES);
    all.add(CorpusCatalog.REJECTED);
    all.addAll(TermsCatalog.TABLES);
    all.addAll(StatesCatalog.TABLES);
    all.addAll(org.marsad.relations.RelationsCatalog.TABLES);
    all.addAll(TopicsCatalog.TABLES);
    for (Table t : all) {
      TABLES.put(t.name(), t);
    }
  }

  /** Every table, in writing order. */
  public static List<Table> tables() {
    return List.copyOf(TABLES.values());
  }

  /** The table named {@code name}, or null. */
  public static Table get(String name) {
    return TABLES.get(name);
  }
}
