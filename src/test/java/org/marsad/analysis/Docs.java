package org.marsad.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.SharedSpark;
import org.marsad.pipeline.MentionsBlob;
import org.marsad.pipeline.TermsBlob;
import org.marsad.text.Token;

/** Hand-made analysed documents (the pass's values) for tests of the stages' arithmetic. */
public final class Docs {

  private static final StructType SCHEMA =
      new StructType()
          .add("doc_id", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("period", DataTypes.StringType)
          .add("lang", DataTypes.StringType)
          .add("n_sentences", DataTypes.IntegerType)
          .add("terms", DataTypes.BinaryType)
          .add("mentions", DataTypes.BinaryType)
          .add("counted", DataTypes.BooleanType);

  private final List<Row> rows = new ArrayList<>();

  /**
   * Adds a document whose mentions are {@code state@sentence} strings (form name) and whose body is
   * {@code tokens} (each "term" or "term/display"; consecutive tokens are adjacent).
   */
  public Docs add(
      String doc, String period, int sentences, List<String> mentions, String... tokens) {
    return addLang(doc, "ar", period, sentences, mentions, tokens);
  }

  /** As {@link #add}, for a document of language {@code lang}. */
  public Docs addLang(
      String doc,
      String lang,
      String period,
      int sentences,
      List<String> mentions,
      String... tokens) {
    List<MentionsBlob.Mention> ms = new ArrayList<>();
    for (String m : mentions) {
      String[] p = m.split("@");
      ms.add(
          new MentionsBlob.Mention(
              p[0], "name", p[0], 1, 0, 1, Integer.parseInt(p[1]), p[0], 0, 1));
    }
    List<Token> ts = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      String[] p = tokens[i].split("/");
      ts.add(new Token(p[0], p.length > 1 ? p[1] : p[0], p[0], 0, 1, 0, i));
    }
    rows.add(
        RowFactory.create(
            doc,
            "s",
            period,
            lang,
            sentences,
            TermsBlob.encode(List.of(List.of(), ts)),
            MentionsBlob.encode(ms),
            true));
    return this;
  }

  /** The documents' rows (schema {@link #schema()}). */
  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The schema of the rows. */
  public static StructType schema() {
    return SCHEMA;
  }

  /** The documents as a Dataset shaped like the run's counted documents. */
  public Dataset<Row> dataset() {
    return SharedSpark.get().createDataFrame(rows, SCHEMA);
  }
}
