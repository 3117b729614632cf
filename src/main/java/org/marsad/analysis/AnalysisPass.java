package org.marsad.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.marsad.corpus.CorpusColumns;
import org.marsad.corpus.CorpusOptions;
import org.marsad.pipeline.Extractor;
import org.marsad.pipeline.InputColumns;

/**
 * The one pass over the text: per partition, in plain Java, each input row is checked, cleaned,
 * dated, its language decided and (when accepted) analysed once: tokenised once per field, with the
 * analyser and the state matcher reading the same tokens. The result is the compact per-document
 * intermediate every stage reads; it holds no text. A row that cannot be used gets a reason (and is
 * later written to {@code rejected}); a document whose analysis throws is rejected with reason
 * {@code analysis_error} and the run goes on.
 */
public final class AnalysisPass {

  /** The intermediate's own columns, before the extractors' columns. */
  public static final StructType BASE =
      new StructType()
          .add("doc_id", DataTypes.StringType, true)
          .add("file", DataTypes.StringType, true)
          .add("row", DataTypes.LongType, true)
          .add("reason", DataTypes.StringType, true)
          .add("detail", DataTypes.StringType, true)
          .add("source", DataTypes.StringType, true)
          .add("published_at", DataTypes.TimestampType, true)
          .add("period", DataTypes.StringType, true)
          .add("lang", DataTypes.StringType, true)
          .add("title", DataTypes.StringType, true)
          .add("url", DataTypes.StringType, true)
          .add("text_hash", DataTypes.BinaryType, true)
          .add("n_tokens", DataTypes.IntegerType, true)
          .add("n_sentences", DataTypes.IntegerType, true);

  /** The intermediate of {@code settings}: one row per input row, base then extractor columns. */
  public static StructType schema(PassSettings settings) {
    StructType s = BASE;
    for (Extractor.Factory f : settings.extractors()) {
      for (StructField c : f.columns()) {
        s = s.add(c);
      }
    }
    return s;
  }

  private AnalysisPass() {}

  /**
   * The intermediate of {@code raw} (the corpus as read, with the reader's file and row index
   * columns); lazy. Only the columns named in the settings are read.
   */
  public static Dataset<Row> run(Dataset<Row> raw, PassSettings settings) {
    CorpusOptions o = settings.corpus();
    StructType input = raw.schema();
    List<String> names = Arrays.asList(input.fieldNames());
    boolean hasTitle = names.contains(o.titleCol());
    boolean hasDate = names.contains(o.dateCol());
    boolean hasLang = names.contains(o.langCol());
    boolean hasUrl = names.contains(o.urlCol());
    Column dateStr = CorpusColumns.dateString(input, o);
    Dataset<Row> mapped =
        raw.select(
            trim(col(quote(o.idCol())).cast("string")).as("doc_id"),
            col(quote(o.textCol())).cast("string").as("text"),
            (hasTitle ? col(quote(o.titleCol())).cast("string") : lit(null).cast("string"))
                .as("title"),
            dateStr.as("date"),
            CorpusColumns.source(input, o).as("source"),
            (hasLang ? col(quote(o.langCol())).cast("string") : lit(null).cast("string"))
                .as("lang"),
            (hasUrl ? col(quote(o.urlCol())).cast("string") : lit(null).cast("string")).as("url"),
            col(InputColumns.FILE),
            col(InputColumns.ROW));
    StructType schema = schema(settings);
    MapPartitionsFunction<Row, Row> pass =
        rows -> new PassIterator(rows, settings, hasDate, schema.size());
    return mapped.mapPartitions(pass, Encoders.row(schema));
  }

  /** Quotes a column name for {@code col()} so names with dots or spaces work. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** Analyses the rows of one partition as they are pulled. */
  private static final class PassIterator implements Iterator<Row> {
    private final Iterator<Row> in;
    private final DocumentPass pass;
    private final int width;

    PassIterator(Iterator<Row> in, PassSettings s, boolean hasDate, int width) {
      this.in = in;
      this.pass = new DocumentPass(s, hasDate);
      this.width = width;
    }

    @Override
    public boolean hasNext() {
      return in.hasNext();
    }

    @Override
    public Row next() {
      Row r = in.next();
      String id = r.getString(0);
      String file = r.getString(7);
      long row = r.getLong(8);
      String source = r.getString(4);
      DocumentPass.Outcome o =
          pass.process(id, r.getString(1), r.getString(2), r.getString(3), r.getString(5), source);
      Object[] v = new Object[width];
      v[0] = id;
      v[1] = file;
      v[2] = row;
      v[5] = source;
      if (o.reason() != null) {
        v[3] = o.reason();
        v[4] = o.detail();
        return RowFactory.create(v);
      }
      DocumentAnalyzer.Result a = o.analysis();
      v[6] = o.publishedAt() == null ? null : Timestamp.from(o.publishedAt());
      v[7] = o.period();
      v[8] = o.lang();
      v[9] = o.title();
      v[10] = r.getString(6);
      v[11] = o.textHash();
      v[12] = a.tokens();
      v[13] = a.sentences();
      System.arraycopy(a.values(), 0, v, BASE.size(), a.values().length);
      return RowFactory.create(v);
    }
  }
}
