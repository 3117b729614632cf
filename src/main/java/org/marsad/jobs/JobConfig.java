package org.marsad.jobs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marsad.analysis.AnalysisSettings;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.LoadSettings;
import org.marsad.io.ConfFiles;
import org.marsad.io.OutputSettings;
import org.marsad.io.postgres.PostgresSettings;
import org.marsad.io.postgres.PostgresTarget;
import org.marsad.pipeline.MarsadException;
import org.marsad.pipeline.Setting;
import org.marsad.pipeline.SettingValues;
import org.marsad.states.StatesSettings;
import org.marsad.states.match.StateSettings;
import org.marsad.stories.DedupMode;
import org.marsad.stories.StoriesSettings;
import org.marsad.terms.TermsSettings;
import org.marsad.text.Analysis;
import org.marsad.topics.TopicSettings;
import org.marsad.topics.TopicsSettings;

/**
 * The resolved, validated configuration of one Marsad run: the value of every declared setting
 * ({@link #values()}: command line over config file over defaults) and what they make: the corpus
 * options, the word lists and gazetteer read once on the driver, the topic settings and the
 * PostgreSQL target.
 */
public final class JobConfig {

  /** Every setting a Spark command takes, in help order. */
  public static final List<Setting<?>> SETTINGS =
      Setting.concat(
          LoadSettings.ALL,
          OutputSettings.ALL,
          AnalysisSettings.ALL,
          org.marsad.boilerplate.BoilerplateSettings.ALL,
          StoriesSettings.ALL,
          TermsSettings.ALL,
          StatesSettings.ALL,
          org.marsad.relations.RelationsSettings.ALL,
          TopicsSettings.ALL,
          PostgresSettings.ALL,
          EngineSettings.ALL);

  private final SettingValues values;
  private final CorpusOptions corpus;
  private final Analysis analysis;
  private final StateSettings states;
  private final TopicSettings topics;
  private final PostgresTarget postgres;

  private JobConfig(SettingValues values) {
    this.values = values;
    if (values.get(OutputSettings.OUTPUT) == null) {
      throw MarsadException.usage("Cannot run: no output folder", null, "set --output DIR");
    }
    List<String> inputs = values.get(LoadSettings.INPUT);
    if (inputs == null || inputs.isEmpty()) {
      throw MarsadException.usage("Cannot run: no input given", null, "set --input PATH");
    }
    this.corpus = LoadSettings.corpusOptions(values);
    String gaz = values.get(StatesSettings.GAZETTEER);
    List<String> gazForms = ConfFiles.lines(gazFile(gaz, "forms.tsv"), "--gazetteer");
    // User files are read here, once, on the driver; their contents travel with the job.
    this.analysis =
        new Analysis(
            lines(AnalysisSettings.STOPWORDS_AR),
            lines(AnalysisSettings.STOPWORDS_EN),
            lines(AnalysisSettings.STOPWORDS_FR),
            lines(AnalysisSettings.PROTECTED_WORDS),
            gazForms,
            lines(AnalysisSettings.VARIANTS));
    this.states =
        new StateSettings(
            ConfFiles.lines(gazFile(gaz, "states.tsv"), "--gazetteer"),
            gazForms,
            ConfFiles.lines(gazFile(gaz, "context_rules.tsv"), "--gazetteer"),
            ConfFiles.linesIfPresent(gazFile(gaz, "cities.tsv"), "--gazetteer"),
            ConfFiles.linesIfPresent(gazFile(gaz, "ambiguous_places.tsv"), "--gazetteer"),
            ConfFiles.linesIfPresent(gazFile(gaz, "agencies.tsv"), "--gazetteer"),
            gazRuleFiles(gaz),
            analysis);
    this.topics = TopicsSettings.of(values);
    this.postgres = PostgresSettings.target(values);
  }

  /** The config of resolved setting values (reads the user's word lists and gazetteer). */
  public static JobConfig of(SettingValues values) {
    return new JobConfig(values);
  }

  private List<String> lines(Setting<String> file) {
    return ConfFiles.lines(values.get(file), file.option());
  }

  /** The rule files (rules/*.tsv) present in the --gazetteer folder, by their relative path. */
  private static java.util.Map<String, List<String>> gazRuleFiles(String dir) {
    java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
    for (String name : StateSettings.RULE_FILES) {
      List<String> lines = ConfFiles.linesIfPresent(gazFile(dir, name), "--gazetteer");
      if (lines != null) {
        out.put(name, lines);
      }
    }
    return out;
  }

  private static String gazFile(String dir, String name) {
    return dir == null ? null : dir + "/" + name;
  }

  /** This config with {@code s} set to {@code value}. */
  public <T> JobConfig with(Setting<T> s, T value) {
    return new JobConfig(values.with(s, value));
  }

  /** The value of every setting. */
  public SettingValues values() {
    return values;
  }

  /** Corpus paths (files, folders, globs; any Hadoop filesystem). */
  public List<String> inputs() {
    return values.get(LoadSettings.INPUT);
  }

  /** The output folder. */
  public String output() {
    return values.get(OutputSettings.OUTPUT);
  }

  /** How to read the corpus. */
  public CorpusOptions corpus() {
    return corpus;
  }

  /** Stop-word and protected-word lists in force. */
  public Analysis analysis() {
    return analysis;
  }

  /** The report's language, "ar" or "en"; null: the corpus's main language. */
  public String reportLang() {
    String l = values.get(OutputSettings.REPORT_LANG);
    return "auto".equals(l) ? null : l;
  }

  /** Whether CSV copies of the tables are written too. */
  public boolean csv() {
    return values.get(OutputSettings.CSV);
  }

  /** Minimum count of a collocation. */
  public long minCollocationCount() {
    return values.get(TermsSettings.MIN_COLLOCATION_COUNT);
  }

  /** Minimum count of a term in a period for keyness. */
  public long minKeynessCount() {
    return values.get(TermsSettings.MIN_KEYNESS_COUNT);
  }

  /** When repeated lines of a source are boilerplate. */
  public org.marsad.boilerplate.BoilerplateParams boilerplate() {
    return new org.marsad.boilerplate.BoilerplateParams(
        values.get(org.marsad.boilerplate.BoilerplateSettings.BOILERPLATE),
        values.get(org.marsad.boilerplate.BoilerplateSettings.MIN_DOCS),
        values.get(org.marsad.boilerplate.BoilerplateSettings.SHARE),
        values.get(org.marsad.boilerplate.BoilerplateSettings.MIN_DAYS));
  }

  /** The gazetteer settings of the state matcher. */
  public StateSettings states() {
    return states;
  }

  /** Whether the pass classifies the relations of pairs named in one sentence. */
  public boolean relations() {
    return values.get(org.marsad.relations.RelationsSettings.RELATIONS);
  }

  /** The user's cue lexicons (language → lines) of --relation-lexicons; empty without it. */
  public java.util.Map<String, List<String>> relationLexicons() {
    String dir = values.get(org.marsad.relations.RelationsSettings.LEXICONS);
    java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
    if (dir == null) {
      return out;
    }
    for (String lang : org.marsad.relations.RelationClassifier.LANGUAGES) {
      List<String> lines =
          ConfFiles.linesIfPresent(dir + "/" + lang + ".tsv", "--relation-lexicons");
      if (lines != null) {
        out.put(lang, lines);
      }
    }
    if (out.isEmpty()) {
      throw MarsadException.usage(
          "Cannot use --relation-lexicons: no <lang>.tsv in the folder",
          dir,
          "put ar.tsv, en.tsv, fr.tsv or fa.tsv there (format in conf/relations/NOTICE.md)");
    }
    return out;
  }

  /** Mention forms counted in state counts and co-mentions. */
  public Set<String> forms() {
    return values.get(StatesSettings.FORMS);
  }

  /** Co-mentions at document scope. */
  public boolean documentScope() {
    return values.get(StatesSettings.SCOPE).document();
  }

  /** Co-mentions at sentence scope. */
  public boolean sentenceScope() {
    return values.get(StatesSettings.SCOPE).sentence();
  }

  /** Minimum co-mentioning units of a reported pair. */
  public long minCoDocs() {
    return values.get(StatesSettings.MIN_CO_DOCS);
  }

  /** The topics stage's settings. */
  public TopicSettings topics() {
    return topics;
  }

  /** Minimum documents naming a state for a topic_states row. */
  public long minTopicStateDocs() {
    return values.get(TopicsSettings.MIN_TOPIC_STATE_DOCS);
  }

  /**
   * Every setting with its resolved value, sorted by key, for the manifest (no password: it is read
   * only when connecting).
   */
  public Map<String, String> resolved() {
    Map<String, String> m = new java.util.TreeMap<>(values.printed());
    if (postgres != null) {
      m.put("jdbc-password", postgres.passwordSource());
    }
    return m;
  }

  /** The PostgreSQL schema every table is also written to, or null. */
  public PostgresTarget postgres() {
    return postgres;
  }

  /** Write into a foreign folder and delete foreign files inside the tables it replaces. */
  public boolean overwrite() {
    return values.get(OutputSettings.OVERWRITE);
  }

  /** What counts as one unit in the statistics. */
  public DedupMode dedup() {
    return values.get(StoriesSettings.DEDUP);
  }

  /** Rows of bounded results finished on the driver at most. */
  public long driverCap() {
    return values.get(EngineSettings.DRIVER_CAP);
  }

  /** Driver threads writing independent tables at once. */
  public int writers() {
    return values.get(EngineSettings.WRITERS);
  }

  /** This config with the PostgreSQL target of {@code url} (null: none). */
  public JobConfig withPostgres(PostgresTarget target) {
    SettingValues v =
        target == null
            ? values.with(PostgresSettings.URL, null)
            : values
                .with(PostgresSettings.URL, target.url())
                .with(PostgresSettings.SCHEMA, target.schema())
                .with(PostgresSettings.USER, target.user())
                .with(PostgresSettings.PROPERTIES, target.propertiesFile())
                .with(PostgresSettings.VIEWS, target.viewsFile());
    return new JobConfig(v);
  }

  /** This config with {@code --overwrite} on or off. */
  public JobConfig withOverwrite(boolean on) {
    return with(OutputSettings.OVERWRITE, on);
  }

  /** This config counting {@code mode}'s units (stories, exact texts or documents). */
  public JobConfig withDedup(DedupMode mode) {
    return with(StoriesSettings.DEDUP, mode);
  }
}
