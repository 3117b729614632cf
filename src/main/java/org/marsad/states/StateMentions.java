package org.marsad.states;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.marsad.pipeline.MentionsBlob;

/**
 * state_mentions: one row per mention of a state in the documents that count, straight from the
 * intermediate's mentions (corpus-sized, so it stays distributed and needs no shuffle).
 */
final class StateMentions {

  private StateMentions() {}

  /**
   * The rows of {@code counted} (doc_id, period, source, mentions): doc_id, period, source, state,
   * form, surface, field (title or text), start, end (offsets into the cleaned field), sentence
   * (index within the document, title first), context (the mention's sentence, at most 300
   * characters) and the mention's offsets within it.
   */
  static Dataset<Row> of(Dataset<Row> counted) {
    FlatMapFunction<Row, Row> expand =
        r -> {
          if (r.isNullAt(3)) {
            return java.util.Collections.emptyIterator();
          }
          String doc = r.getString(0);
          String period = r.getString(1);
          String source = r.getString(2);
          List<Row> out = new ArrayList<>();
          for (MentionsBlob.Mention m : MentionsBlob.decode((byte[]) r.get(3))) {
            out.add(
                RowFactory.create(
                    doc,
                    period,
                    source,
                    m.state(),
                    m.form(),
                    m.surface(),
                    m.field() == 0 ? "title" : "text",
                    m.start(),
                    m.end(),
                    m.sentence(),
                    m.context(),
                    m.contextStart(),
                    m.contextEnd()));
          }
          return out.iterator();
        };
    return counted
        .select("doc_id", "period", "source", StatesExtractor.COLUMN)
        .flatMap(expand, Encoders.row(StatesCatalog.STATE_MENTIONS.schema()));
  }
}
