package org.marsad.terms;

import java.util.List;
import org.marsad.pipeline.Setting;

/** The settings of the terms capability. */
public final class TermsSettings {

  private TermsSettings() {}

  private static final String GROUP = "terms";

  /** Minimum count of a collocation. */
  public static final Setting<Long> MIN_COLLOCATION_COUNT =
      Setting.longAtLeast("min-collocation-count", 1)
          .group(GROUP)
          .defaultValue(5L)
          .help("A pair of adjacent terms is a collocation from this many occurrences on")
          .build();

  /** Minimum count of a term in a period for keyness. */
  public static final Setting<Long> MIN_KEYNESS_COUNT =
      Setting.longAtLeast("min-keyness-count", 1)
          .group(GROUP)
          .defaultValue(5L)
          .help("A term needs this many occurrences in a period for keyness and term trends")
          .build();

  /** Every terms setting. */
  public static final List<Setting<?>> ALL = List.of(MIN_COLLOCATION_COUNT, MIN_KEYNESS_COUNT);
}
