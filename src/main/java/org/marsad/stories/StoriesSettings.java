package org.marsad.stories;

import java.util.List;
import org.marsad.pipeline.Setting;

/** The settings of the stories capability. */
public final class StoriesSettings {

  private StoriesSettings() {}

  /** What counts as one unit in every statistic. */
  public static final Setting<DedupMode> DEDUP =
      Setting.choice(
              "dedup",
              Setting.<DedupMode>words(
                  "near", DedupMode.NEAR, "exact", DedupMode.EXACT, "none", DedupMode.NONE))
          .group("stories")
          .defaultValue(DedupMode.NEAR)
          .help(
              "What counts as one unit in term, state, co-mention and topic statistics: near (a"
                  + " story: near-duplicate reprints folded into their first document), exact"
                  + " (identical texts folded) or none (every document)")
          .build();

  /** Every stories setting. */
  public static final List<Setting<?>> ALL = List.of(DEDUP);
}
