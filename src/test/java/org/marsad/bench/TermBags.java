package org.marsad.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.marsad.pipeline.TermsBlob;

/** The analysed terms of documents as bags of tokens (each term repeated by its count). */
final class TermBags {

  private TermBags() {}

  /** One row per counted document, ordered by doc_id, holding the list of its repeated terms. */
  static List<Row> collect(Dataset<Row> counted) {
    List<Row> out = new ArrayList<>();
    for (Row r : counted.select("doc_id", "terms").orderBy("doc_id").collectAsList()) {
      List<String> bag = new ArrayList<>();
      TermsBlob.readTerms(
          (byte[]) r.get(1),
          (term, n) -> {
            for (int i = 0; i < n; i++) {
              bag.add(term);
            }
          });
      out.add(RowFactory.create(bag));
    }
    return out;
  }

  /** The bag of a row of {@link #collect}: a Java list (rows made here, not by Spark). */
  @SuppressWarnings("unchecked")
  static List<String> bag(Row r) {
    return (List<String>) r.get(0);
  }
}
