package org.marsad.stories;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.marsad.pipeline.Extractor;
import org.marsad.pipeline.PassDoc;
import org.marsad.text.Field;

/**
 * The stories capability's part of the analysis pass: each body's story fingerprint (its normalised
 * tokens in order; the title is left out, reprints change it).
 */
public final class FingerprintExtractor implements Extractor {

  /** The intermediate column of the fingerprint ({@link Fingerprint#encode()}). */
  public static final String COLUMN = "fingerprint";

  private final Fingerprinter fingerprinter;

  /** An extractor fingerprinting with {@code params}. */
  public FingerprintExtractor(StoryParams params) {
    this.fingerprinter = new Fingerprinter(params);
  }

  /** The factory of extractors with {@code params}. */
  public static Extractor.Factory factory(StoryParams params) {
    return new Extractor.Factory() {
      private static final long serialVersionUID = 1L;

      @Override
      public StructField[] columns() {
        return new StructField[] {DataTypes.createStructField(COLUMN, DataTypes.BinaryType, true)};
      }

      @Override
      public Extractor create() {
        return new FingerprintExtractor(params);
      }
    };
  }

  @Override
  public Object[] extract(PassDoc doc) {
    Field body = doc.body();
    fingerprinter.reset();
    for (int i = 0; i < body.size(); i++) {
      fingerprinter.add(body, i);
    }
    return new Object[] {fingerprinter.finish(body.text()).encode()};
  }
}
