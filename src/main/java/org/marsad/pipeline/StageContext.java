package org.marsad.pipeline;

import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.text.Analysis;

/**
 * What a capability's stage reads, as typed fields (no string-keyed maps): the session and
 * settings, the corpus as read (for the few documents evidence cites again), the accepted documents
 * of the intermediate with their story and whether they count, and the statistics pass's reduced
 * partials.
 *
 * @param spark the session
 * @param settings every setting's value
 * @param textColumns the corpus's text column and title column (null when it has none), for the few
 *     documents evidence reads again
 * @param analysis the word lists in force
 * @param raw the corpus as read, with the reader's file and row columns
 * @param documents the accepted documents: the intermediate's columns with duplicate_of, story_id
 *     and counted
 * @param stats the reduced partials of the statistics pass
 * @param countedForms the mention forms counted in state statistics
 * @param driverCap rows of a bounded result finished on the driver at most
 * @param labels readable labels of analysis keys (from the terms capability's partials)
 * @param pairAttributes numbers about pairs of states one stage gives to a later one (relations →
 *     the states' networks)
 */
public record StageContext(
    SparkSession spark,
    SettingValues settings,
    TextColumns textColumns,
    Analysis analysis,
    Dataset<Row> raw,
    Dataset<Row> documents,
    StatsResult stats,
    Set<String> countedForms,
    long driverCap,
    Labels labels,
    PairAttributes pairAttributes) {

  /** The documents that count in statistics: one per story. */
  public Dataset<Row> counted() {
    return documents.filter(org.apache.spark.sql.functions.col("counted"));
  }

  /**
   * The input columns that hold a document's text.
   *
   * @param text the body column
   * @param title the title column, or null
   */
  public record TextColumns(String text, String title) {}

  /** Readable labels of analysis keys. */
  public interface Labels {
    /** The label of each of {@code terms} (any language; the term itself when none is known). */
    java.util.Map<String, String> of(java.util.Collection<String> terms);
  }
}
