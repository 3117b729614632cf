package org.marsad.evidence;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.catalog.Catalog;

/**
 * Names and bounds of the evidence tables (declared in {@link Catalog}): example sentences behind
 * co-mention pairs ({@code comention_evidence}) and behind keyness winners and collocations ({@code
 * term_evidence}), and the context columns of {@code state_mentions}.
 */
public final class EvidenceTables {

  /** Sentences kept per pair and period, or per term and period. */
  public static final int DEFAULT_PER_ITEM = 3;

  /** Keyness winners per period and language that get evidence. */
  public static final int KEYNESS_WINNERS = 20;

  /** Collocations per language (highest G²) that get evidence. */
  public static final int TOP_COLLOCATIONS = 50;

  /** Schema of comention_evidence. */
  public static final StructType COMENTION_EVIDENCE = Catalog.COMENTION_EVIDENCE.schema();

  /** Schema of term_evidence. */
  public static final StructType TERM_EVIDENCE = Catalog.TERM_EVIDENCE.schema();

  /** The columns state_mentions gains: the mention's sentence and its offsets within it. */
  public static final StructType STATE_MENTION_CONTEXT =
      new StructType()
          .add("context", DataTypes.StringType, true)
          .add("context_start", DataTypes.IntegerType, true)
          .add("context_end", DataTypes.IntegerType, true);

  /** term_evidence kind of a keyness winner of the period. */
  public static final String KEYNESS = "keyness";

  /** term_evidence kind of a collocation (period {@code all}, as the collocations table). */
  public static final String COLLOCATION = "collocation";

  private EvidenceTables() {}
}
