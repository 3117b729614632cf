package org.marsad.boilerplate;

import java.util.List;
import org.marsad.pipeline.Setting;

/**
 * The settings of boilerplate removal: which repeated lines of a source count as site furniture.
 */
public final class BoilerplateSettings {

  private BoilerplateSettings() {}

  private static final String GROUP = "boilerplate";

  /** Whether lines repeated across a source's documents are removed before analysis. */
  public static final Setting<Boolean> BOILERPLATE =
      Setting.choice("boilerplate", Setting.<Boolean>words("on", true, "off", false))
          .group(GROUP)
          .label("on|off")
          .defaultValue(true)
          .printer(v -> v ? "on" : "off")
          .help(
              "Remove, before analysis, the lines of the text that repeat across many documents of"
                  + " one source (bylines, disclaimers, 'read also', app notices); counted in the"
                  + " manifest")
          .build();

  /** Fewest documents of a source holding a line for it to be boilerplate. */
  public static final Setting<Integer> MIN_DOCS =
      Setting.intAtLeast("boilerplate-min-docs", 2)
          .group(GROUP)
          .defaultValue(10)
          .help("A boilerplate line is in at least this many documents of its source")
          .build();

  /** Smallest share of a source's documents holding a line for it to be boilerplate. */
  public static final Setting<Double> SHARE =
      Setting.doubleIn("boilerplate-share", 0.0, 1.0)
          .group(GROUP)
          .defaultValue(0.005)
          .help("... and in at least this share of its source's documents (0.005 = 0.5%)")
          .build();

  /** Fewest days between the first and last document holding a line. */
  public static final Setting<Integer> MIN_DAYS =
      Setting.intAtLeast("boilerplate-min-days", 0)
          .group(GROUP)
          .defaultValue(2)
          .help(
              "... and in documents dated at least this many days apart (a story reprinted the"
                  + " same day is not boilerplate; ignored without a date column)")
          .build();

  /** Every boilerplate setting. */
  public static final List<Setting<?>> ALL = List.of(BOILERPLATE, MIN_DOCS, SHARE, MIN_DAYS);
}
