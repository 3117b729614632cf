package org.marsad.jobs;

import java.util.List;
import org.marsad.pipeline.Setting;

/** How the engine spends its fixed cost: what is finished on the driver, how many writers. */
public final class EngineSettings {

  private EngineSettings() {}

  private static final String GROUP = "engine";

  /** Rows of bounded results collected to the driver at most. */
  public static final Setting<Long> DRIVER_CAP =
      Setting.longAtLeast("driver-cap", 0)
          .group(GROUP)
          .defaultValue(2_000_000L)
          .help(
              "Bounded results (states² × periods, k × terms) are finished on the driver in plain"
                  + " Java when they hold at most this many rows; above, the same tables are"
                  + " computed distributed; 0 always distributes")
          .build();

  /** Driver threads writing independent tables at once. */
  public static final Setting<Integer> WRITERS =
      Setting.intAtLeast("writers", 1)
          .group(GROUP)
          .defaultValue(3)
          .help("Tables written at once (driver threads in a FAIR scheduler pool)")
          .build();

  /** Every engine setting. */
  public static final List<Setting<?>> ALL = List.of(DRIVER_CAP, WRITERS);
}
