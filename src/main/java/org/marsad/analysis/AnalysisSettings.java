package org.marsad.analysis;

import java.util.List;
import org.marsad.pipeline.Setting;

/** The word lists of the analysis, each replaceable by a file of the user's. */
public final class AnalysisSettings {

  private AnalysisSettings() {}

  private static final String GROUP = "analysis";

  /** Arabic stop words. */
  public static final Setting<String> STOPWORDS_AR =
      file("stopwords-ar", "Arabic stop-word list replacing conf/stopwords/ar.txt");

  /** English extra stop words. */
  public static final Setting<String> STOPWORDS_EN =
      file("stopwords-en", "English extra stop words replacing conf/stopwords/en-news.txt");

  /** French extra stop words. */
  public static final Setting<String> STOPWORDS_FR =
      file(
          "stopwords-fr",
          "French extra stop words replacing conf/stopwords/fr-news.txt (added to Lucene's French"
              + " set)");

  /** Arabic protected words. */
  public static final Setting<String> PROTECTED_WORDS =
      file("protected-words", "Arabic protected words replacing conf/text/ar-protected.txt");

  /** Arabic spelling variants. */
  public static final Setting<String> VARIANTS =
      file("variants", "Arabic spelling variants replacing conf/text/ar-variants.tsv");

  private static Setting<String> file(String key, String help) {
    return Setting.path(key).group(GROUP).defaultText("(built-in)").help(help).build();
  }

  /** Every analysis setting. */
  public static final List<Setting<?>> ALL =
      List.of(STOPWORDS_AR, STOPWORDS_EN, STOPWORDS_FR, PROTECTED_WORDS, VARIANTS);
}
