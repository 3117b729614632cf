package org.marsad.io;

import java.util.List;
import org.marsad.pipeline.Setting;

/** The settings of where and how a run writes its tables. */
public final class OutputSettings {

  private OutputSettings() {}

  private static final String GROUP = "output";

  /** The output folder. */
  public static final Setting<String> OUTPUT =
      Setting.path("output")
          .group(GROUP)
          .label("DIR")
          .defaultText("(run: ./out)")
          .help("Output folder: it holds one run (its tables, report and manifest)")
          .build();

  /** Write into a foreign folder, deleting files Marsad did not write inside its tables. */
  public static final Setting<Boolean> OVERWRITE =
      Setting.flag("overwrite")
          .group(GROUP)
          .help(
              "Write into a non-empty folder that holds no Marsad run, and delete files Marsad did"
                  + " not write inside the folders it replaces (each named in a warning)")
          .build();

  /** Also CSV. */
  public static final Setting<Boolean> CSV =
      Setting.choice("format", Setting.<Boolean>words("parquet", false, "csv", true))
          .group(GROUP)
          .label("parquet|csv")
          .defaultValue(false)
          .printer(v -> v ? "csv" : "parquet")
          .help("csv also writes csv/<table>.csv of every table, for Excel")
          .build();

  /** The language of the HTML report. */
  public static final Setting<String> REPORT_LANG =
      Setting.choice("report-lang", Setting.<String>words("auto", "auto", "ar", "ar", "en", "en"))
          .group(GROUP)
          .label("auto|ar|en")
          .defaultValue("auto")
          .help(
              "Language of report/index.html: Arabic (right to left) or English; auto follows the"
                  + " corpus's main language")
          .build();

  /** Every output setting. */
  public static final List<Setting<?>> ALL = List.of(OUTPUT, OVERWRITE, CSV, REPORT_LANG);
}
