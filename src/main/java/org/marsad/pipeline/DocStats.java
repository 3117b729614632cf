package org.marsad.pipeline;

import java.io.Serializable;

/**
 * A capability's part of the statistics pass, in plain Java: it decodes its blob of one document
 * once and emits its partial aggregates (counters and bounded evidence lists) to the sink. One
 * shuffle reduces what every capability emitted.
 */
@FunctionalInterface
public interface DocStats extends Serializable {

  /** Emits the partials of {@code doc}. */
  void emit(StatDoc doc, StatSink sink);
}
