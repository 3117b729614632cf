package org.marsad.relations;

import java.util.List;
import org.marsad.pipeline.Setting;

/** The settings of the relations capability. */
public final class RelationsSettings {

  private RelationsSettings() {}

  private static final String GROUP = "relations";

  /** Whether the pass classifies the relation of every pair named in a sentence. */
  public static final Setting<Boolean> RELATIONS =
      Setting.choice("relations", Setting.<Boolean>words("on", true, "off", false))
          .group(GROUP)
          .label("on|off")
          .defaultValue(true)
          .printer(v -> v ? "on" : "off")
          .help(
              "Classify every pair of states named in one sentence as cooperation, conflict or"
                  + " neutral (tables comention_relations, relation_trends, relation_evidence)")
          .build();

  /** A folder of the user's cue lexicons. */
  public static final Setting<String> LEXICONS =
      Setting.path("relation-lexicons")
          .group(GROUP)
          .label("DIR")
          .help(
              "Folder with <lang>.tsv cue lexicons (format in conf/relations/NOTICE.md) replacing"
                  + " the packaged ones of those languages")
          .build();

  /** Every relations setting. */
  public static final List<Setting<?>> ALL = List.of(RELATIONS, LEXICONS);
}
