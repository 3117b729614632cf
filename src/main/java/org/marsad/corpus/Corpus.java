package org.marsad.corpus;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.marsad.pipeline.InputColumns;

/**
 * A loaded corpus: the analysis pass's intermediate with the decisions about repeated ids and exact
 * duplicate texts. Every stage reads {@link #documents()} or {@link #counted()}; none reads text.
 */
public final class Corpus {

  /** Small tables at most this long are joined by broadcast. */
  static final long BROADCAST_ROWS = 2_000_000;

  /** The columns of the {@code documents} output table, in order. */
  public static final String[] DOCUMENT_COLUMNS = {
    "doc_id",
    "source",
    "published_at",
    "period",
    "lang",
    "title",
    "n_tokens",
    "duplicate_of",
    "story_id",
    "url"
  };

  private final Dataset<Row> pass;
  private final Dataset<Row> kept;
  private final Dataset<Row> repeatedIds;
  private final Dataset<Row> repeatedTexts;
  private final boolean textsFit;
  private final Dataset<Row> stories;

  /**
   * A corpus.
   *
   * @param pass the intermediate, one row per input row
   * @param kept the valid rows with {@code is_dup_id} (true for a repeated id after its first row)
   * @param repeatedIds ids that occur more than once among valid rows, with their first row
   * @param repeatedTexts text hashes that occur more than once among documents, with the first id
   * @param textsFit whether {@code repeatedTexts} is small enough to broadcast
   */
  Corpus(
      Dataset<Row> pass,
      Dataset<Row> kept,
      Dataset<Row> repeatedIds,
      Dataset<Row> repeatedTexts,
      boolean textsFit) {
    this.pass = pass;
    this.kept = kept;
    this.repeatedIds = repeatedIds;
    this.repeatedTexts = repeatedTexts;
    this.textsFit = textsFit;
    this.stories = null;
  }

  private Corpus(Corpus c, Dataset<Row> stories) {
    this.pass = c.pass;
    this.kept = c.kept;
    this.repeatedIds = c.repeatedIds;
    this.repeatedTexts = c.repeatedTexts;
    this.textsFit = c.textsFit;
    this.stories = stories;
  }

  /**
   * This corpus with each document's story ({@code stories}: doc_id, story_id, story_first, from
   * story detection over {@link #storyInput()}): a document counts in statistics when it is its
   * story's first.
   */
  public Corpus withStories(Dataset<Row> stories) {
    return new Corpus(this, stories);
  }

  /** What story detection reads: doc_id, published_at, period, source, title, fingerprint. */
  public Dataset<Row> storyInput() {
    return kept.filter(col("is_dup_id").equalTo(false))
        .select("doc_id", "published_at", "period", "source", "title", "fingerprint");
  }

  /** The intermediate, one row per input row. */
  public Dataset<Row> pass() {
    return pass;
  }

  /**
   * The accepted documents with their per-document values, {@code duplicate_of} (the first
   * document, in input order, with the same text, or null), {@code story_id} and {@code counted}:
   * whether the document counts in statistics (its story's first document; without stories, not an
   * exact duplicate of an earlier one).
   */
  public Dataset<Row> documents() {
    Dataset<Row> texts = textsFit ? broadcast(repeatedTexts) : repeatedTexts;
    Dataset<Row> d =
        kept.filter(col("is_dup_id").equalTo(false))
            .join(texts, col("text_hash").equalTo(col("dup_hash")), "left")
            .withColumn(
                "duplicate_of", when(col("first_id").notEqual(col("doc_id")), col("first_id")))
            .drop("first_id", "dup_hash", "first", "dup_id", "is_dup_id");
    if (stories == null) {
      return d.withColumn("story_id", lit(null).cast("string"))
          .withColumn("counted", col("duplicate_of").isNull());
    }
    Dataset<Row> s =
        stories.select(
            col("doc_id").as("s_doc"), col("story_id"), col("story_first").as("counted"));
    return d.join(s, col("doc_id").equalTo(col("s_doc")), "left").drop("s_doc");
  }

  /** The documents that count in statistics (see {@link #documents()}). */
  public Dataset<Row> counted() {
    return documents().filter(col("counted"));
  }

  /** The {@code documents} table. */
  public Dataset<Row> documentsTable() {
    return documents().select(cols(DOCUMENT_COLUMNS));
  }

  /** Rows rejected: doc_id, reason, detail, file, row (without their raw input yet). */
  public Dataset<Row> rejectedKeys() {
    Dataset<Row> early =
        pass.filter(col("reason").isNotNull())
            .select(col("doc_id"), col("reason"), col("detail"), col("file"), col("row"));
    Dataset<Row> dupIds =
        kept.filter(col("is_dup_id"))
            .select(
                col("doc_id"),
                lit("duplicate_id").as("reason"),
                lit("id already used by an earlier row; the first occurrence is kept").as("detail"),
                col("file"),
                col("row"));
    return early.unionByName(dupIds);
  }

  /**
   * The {@code rejected} table: doc_id, reason, detail and raw, the input row as JSON. The raw rows
   * are taken from {@code raw} (the corpus as read) by file and row index, so the pass never
   * carries input columns it does not analyse; only the files holding rejected rows are read again,
   * and only their rejected rows are turned into JSON.
   *
   * @param keys the rejected keys, from {@link #rejectedKeys()} (materialised by the caller; small)
   * @param files the input files that hold rejected rows
   */
  public static Dataset<Row> rejected(Dataset<Row> raw, Dataset<Row> keys, List<String> files) {
    List<Column> originals = new ArrayList<>();
    for (String n : raw.columns()) {
      if (!n.equals(InputColumns.FILE) && !n.equals(InputColumns.ROW)) {
        originals.add(col("`" + n.replace("`", "``") + "`"));
      }
    }
    Dataset<Row> source =
        raw.filter(col(InputColumns.FILE).isin(files.toArray()))
            .select(
                col(InputColumns.FILE).as("r_file"),
                col(InputColumns.ROW).as("r_row"),
                struct(originals.toArray(new Column[0])).as("orig"));
    Dataset<Row> k = broadcast(keys);
    return source
        .join(k, k.col("file").equalTo(col("r_file")).and(k.col("row").equalTo(col("r_row"))))
        .select(col("doc_id"), col("reason"), col("detail"), to_json(col("orig")).as("raw"));
  }

  /** Releases the cached key tables once the run is over. */
  public void release() {
    repeatedIds.unpersist();
    repeatedTexts.unpersist();
  }

  private static Column[] cols(String[] names) {
    Column[] c = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      c[i] = col(names[i]);
    }
    return c;
  }
}
