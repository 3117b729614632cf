package org.marsad.pipeline;

import java.io.Serializable;
import org.apache.spark.sql.types.StructField;

/**
 * A capability's per-document work inside the one analysis pass, in plain Java: it reads the
 * document's tokens (and what earlier extractors found) and returns the values of its columns of
 * the intermediate, typically one compact binary blob. One instance per task (not thread-safe); the
 * pass creates it from its serializable {@link Factory}.
 */
public interface Extractor {

  /** The values of the extractor's columns for {@code doc}, in the order of its columns. */
  Object[] extract(PassDoc doc);

  /** Makes extractors on executors; carries the capability's settings (serializable). */
  interface Factory extends Serializable {

    /** The intermediate columns the extractor fills, in order (binary blobs, numbers). */
    StructField[] columns();

    /** A new extractor (one per task). */
    Extractor create();
  }
}
