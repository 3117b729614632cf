package org.marsad.terms;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.marsad.pipeline.Extractor;
import org.marsad.pipeline.PassDoc;
import org.marsad.pipeline.TermsBlob;

/** The terms capability's part of the analysis pass: each document's term and bigram counts. */
public final class TermsExtractor implements Extractor {

  /** The intermediate column of the term counts ({@link TermsBlob}). */
  public static final String COLUMN = "terms";

  /** The factory (the terms have no settings of their own in the pass). */
  public static final Extractor.Factory FACTORY =
      new Extractor.Factory() {
        private static final long serialVersionUID = 1L;

        @Override
        public StructField[] columns() {
          return new StructField[] {
            DataTypes.createStructField(COLUMN, DataTypes.BinaryType, true)
          };
        }

        @Override
        public Extractor create() {
          return new TermsExtractor();
        }
      };

  @Override
  public Object[] extract(PassDoc doc) {
    return new Object[] {TermsBlob.encode(doc.kept())};
  }
}
