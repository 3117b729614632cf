package org.marsad.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marsad.pipeline.Setting;
import org.marsad.pipeline.SettingValues;

/** The settings of loading a corpus: where it is, which columns hold what, how dates are read. */
public final class LoadSettings {

  private LoadSettings() {}

  private static final String GROUP = "loading";

  /** The corpus: Parquet files, folders or globs. */
  public static final Setting<List<String>> INPUT =
      Setting.paths("input")
          .group(GROUP)
          .help(
              "Parquet files, folders or globs on any Hadoop filesystem (file:, hdfs://, s3a://);"
                  + " relative paths are relative to the folder you run the command from")
          .defaultText("(run: the bundled sample-data/corpus)")
          .build();

  /** The id column. */
  public static final Setting<String> ID_COL =
      column("id-col", "id", "Document id column (required)");

  /** The body text column. */
  public static final Setting<String> TEXT_COL =
      column("text-col", "text", "Body text column (required)");

  /** The title column. */
  public static final Setting<String> TITLE_COL =
      column("title-col", "title", "Title column (optional; title and body are both analysed)");

  /** The date column. */
  public static final Setting<String> DATE_COL =
      column(
          "date-col",
          "published_at",
          "Publication date column (optional: without it every document is in period 'all', and"
              + " the run names the date-like columns it saw)");

  /** The outlet column. */
  public static final Setting<String> SOURCE_COL =
      column("source-col", "source", "Outlet column (optional: absent means source 'unknown')");

  /** The language column. */
  public static final Setting<String> LANG_COL =
      column(
          "lang-col",
          "lang",
          "Language column (optional: a value naming a language wins; otherwise the language is"
              + " identified per document)");

  /** The article link column. */
  public static final Setting<String> URL_COL =
      column(
          "url-col",
          "url",
          "Article link column (optional: kept in documents and beside every evidence sentence)");

  /** Extra date patterns. */
  public static final Setting<List<String>> DATE_FORMAT =
      Setting.list("date-format", "||")
          .group(GROUP)
          .label("PATTERN")
          .defaultValue(List.of())
          .defaultText("")
          .help(
              "A java.time pattern tried after the built-in formats (repeatable; '||' between"
                  + " patterns in --config); a slash pattern such as dd/MM/yyyy replaces the"
                  + " built-in slash formats")
          .build();

  /** The reporting period. */
  public static final Setting<Period> PERIOD =
      Setting.choice("period", periods())
          .group(GROUP)
          .defaultValue(Period.MONTH)
          .help(
              "day (2018-02-18), week (ISO, 2018-W07), month (2018-02), quarter (2018-Q1) or year")
          .build();

  private static Map<String, Period> periods() {
    Map<String, Period> m = new LinkedHashMap<>();
    for (Period p : Period.values()) {
      m.put(p.toString(), p);
    }
    return m;
  }

  private static Setting<String> column(String key, String def, String help) {
    return Setting.string(key).group(GROUP).label("COLUMN").defaultValue(def).help(help).build();
  }

  /** Every loading setting, in help order. */
  public static final List<Setting<?>> ALL =
      List.of(
          INPUT,
          ID_COL,
          TEXT_COL,
          TITLE_COL,
          DATE_COL,
          SOURCE_COL,
          LANG_COL,
          URL_COL,
          DATE_FORMAT,
          PERIOD);

  /** The corpus options of resolved settings. */
  public static CorpusOptions corpusOptions(SettingValues v) {
    return new CorpusOptions(
        v.get(ID_COL),
        v.get(TEXT_COL),
        v.get(TITLE_COL),
        v.get(DATE_COL),
        v.get(SOURCE_COL),
        v.get(LANG_COL),
        v.get(URL_COL),
        v.given(TITLE_COL),
        v.given(DATE_COL),
        v.given(SOURCE_COL),
        v.given(LANG_COL),
        v.given(URL_COL),
        v.get(DATE_FORMAT),
        v.get(PERIOD),
        SlashOrder.DAY_FIRST);
  }
}
