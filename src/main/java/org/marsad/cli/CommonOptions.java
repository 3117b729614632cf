package org.marsad.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.Period;
import org.marsad.io.ConfFiles;
import org.marsad.io.postgres.PostgresTarget;
import org.marsad.jobs.JobConfig;
import org.marsad.states.match.StateSettings;
import org.marsad.text.Analysis;
import org.marsad.topics.TopicSettings;
import picocli.CommandLine.Option;

/**
 * Options shared by the Spark commands. Every option may also be set in a {@code --config}
 * properties file under its long name without dashes ({@code text-col=body}); the command line wins
 * over the file, the file over the defaults. Lists in the file are comma-separated ({@code input})
 * or {@code ||}-separated ({@code date-format}).
 */
public class CommonOptions {

  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Parquet files, folders or globs (file:, hdfs://, s3a://).")
  List<String> input;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Output folder (default: ./out for run).")
  String output;

  @Option(
      names = "--dedup",
      description =
          "What counts as one unit in term, state, co-mention and topic statistics: near (a story:"
              + " near-duplicate reprints folded into their first document), exact (identical"
              + " texts folded) or none (every document) (default: near).")
  String dedup;

  @Option(
      names = "--overwrite",
      description =
          "Write into a non-empty folder that holds no Marsad run, and delete files Marsad did not"
              + " write inside the folders it replaces (default: refuse and name them).")
  Boolean overwrite;

  @Option(
      names = "--verbose",
      description =
          "Spark's own logging at INFO (default: one line per stage, the progress bar and only the"
              + " warnings to act on).")
  boolean verbose;

  @Option(names = "--id-col", description = "Document id column (default: id).")
  String idCol;

  @Option(names = "--text-col", description = "Body text column (default: text).")
  String textCol;

  @Option(names = "--title-col", description = "Title column (default: title, optional).")
  String titleCol;

  @Option(
      names = "--date-col",
      description =
          "Publication date column (default: published_at; without it every document is in period 'all').")
  String dateCol;

  @Option(
      names = "--source-col",
      description = "Outlet column (default: source; absent: 'unknown').")
  String sourceCol;

  @Option(
      names = "--lang-col",
      description =
          "Language column (default: lang; a value naming a language wins, ISO code or name;"
              + " otherwise the language is identified from the text).")
  String langCol;

  @Option(
      names = "--date-format",
      paramLabel = "PATTERN",
      description =
          "Extra java.time date pattern, tried in order after the built-in formats (repeatable).")
  List<String> dateFormat;

  @Option(names = "--period", description = "day, week, month or year (default: month).")
  String period;

  @Option(
      names = "--format",
      description = "parquet, or csv to also write CSV copies with a UTF-8 BOM (default: parquet).")
  String format;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file with defaults for these options (relative paths in it resolve against"
              + " its folder).")
  String config;

  @Option(
      names = "--master",
      description = "Spark master URL when not run through spark-submit (default: local[*]).")
  String master;

  @Option(
      names = "--stopwords-ar",
      paramLabel = "FILE",
      description = "Arabic stop-word list replacing conf/stopwords/ar.txt.")
  String stopwordsAr;

  @Option(
      names = "--stopwords-en",
      paramLabel = "FILE",
      description = "English extra stop words replacing conf/stopwords/en-news.txt.")
  String stopwordsEn;

  @Option(
      names = "--stopwords-fr",
      paramLabel = "FILE",
      description =
          "French extra stop words replacing conf/stopwords/fr-news.txt (added to Lucene's French set).")
  String stopwordsFr;

  @Option(
      names = "--variants",
      paramLabel = "FILE",
      description = "Arabic spelling variants replacing conf/text/ar-variants.tsv.")
  String variants;

  @Option(
      names = "--protected-words",
      paramLabel = "FILE",
      description = "Arabic protected words replacing conf/text/ar-protected.txt.")
  String protectedWords;

  @Option(
      names = "--min-collocation-count",
      description = "Minimum count of a collocation (default: 5).")
  Long minCollocationCount;

  @Option(
      names = "--min-keyness-count",
      description = "Minimum count of a term in a period for keyness (default: 5).")
  Long minKeynessCount;

  @Option(
      names = "--forms",
      description =
          "Mention forms counted in state counts and co-mentions: name,adjective,capital[,city][,team] (default: name,adjective,capital).")
  String forms;

  @Option(
      names = "--scope",
      description = "Co-mention scope: document, sentence or both (default: both).")
  String scope;

  @Option(
      names = "--min-co-docs",
      description = "Minimum co-mentioning documents (or sentences) for a pair (default: 1).")
  Long minCoDocs;

  @Option(
      names = "--gazetteer",
      paramLabel = "DIR",
      description =
          "Folder with states.tsv, forms.tsv and context_rules.tsv replacing conf/gazetteer (and, when"
              + " present there, cities.tsv, ambiguous_places.tsv, agencies.tsv, rules/*.tsv).")
  String gazetteer;

  @Option(
      names = "--k",
      description =
          "Number of topics, auto to sweep --k-sweep and keep the best, or size: one per 50"
              + " documents, 3 to 20 (default: size).")
  String k;

  @Option(
      names = "--k-sweep",
      description = "k values tried by --k auto, comma-separated (default: 10,20,30,40).")
  String kSweep;

  @Option(names = "--vocab-size", description = "Largest topic vocabulary (default: 10000).")
  Integer vocabSize;

  @Option(
      names = "--min-df",
      description =
          "A topic term occurs in at least this many documents, or auto: one in 1,500, 2 to 20 (default: auto).")
  String minDf;

  @Option(
      names = "--max-df",
      description = "A topic term occurs in at most this share of documents (default: 0.1).")
  Double maxDf;

  @Option(names = "--optimizer", description = "LDA optimizer: online or em (default: online).")
  String optimizer;

  @Option(
      names = "--max-iter",
      description =
          "LDA iterations (default: five passes over the corpus at the mini-batch share, at least"
              + " 30: 100 on a large corpus).")
  Integer maxIter;

  @Option(names = "--seed", description = "Random seed of the topic model (default: 1).")
  Long seed;

  @Option(
      names = "--subsampling",
      description =
          "Share of documents per online LDA mini-batch (default: about 1,000 documents, 0.05 to 1).")
  Double subsampling;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "Infer topic mixtures with a saved model (an earlier run's <output>/models/topics) instead of fitting one.")
  String model;

  @Option(
      names = "--min-topic-state-docs",
      description = "Minimum documents naming a state for a topic_states row (default: 5).")
  Long minTopicStateDocs;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description =
          "Also write every table to PostgreSQL: jdbc:postgresql://host:port/db (no password in it).")
  String jdbcUrl;

  @Option(
      names = "--jdbc-schema",
      description = "PostgreSQL schema of the tables and views (default: marsad).")
  String jdbcSchema;

  @Option(
      names = "--jdbc-user",
      description = "PostgreSQL user (default: the --jdbc-properties file's or the URL's).")
  String jdbcUser;

  @Option(
      names = "--jdbc-properties",
      paramLabel = "FILE",
      description =
          "Java properties for the PostgreSQL driver (user, password, sslmode...). The password"
              + " comes from here or from the environment variable MARSAD_JDBC_PASSWORD (which"
              + " wins), never from the command line.")
  String jdbcProperties;

  @Option(
      names = "--jdbc-views",
      paramLabel = "FILE",
      description = "SQL views replacing conf/sql/views.sql.")
  String jdbcViews;

  private Properties fileProps;

  private Properties file() {
    if (fileProps == null) {
      fileProps = new Properties();
      if (config != null) {
        Path file = configFile();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          fileProps.load(r);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "Cannot read --config: " + e.getMessage() + " (" + file + ")", e);
        }
      }
    }
    return fileProps;
  }

  /** The --config file, resolved against the user's folder. */
  private Path configFile() {
    return Path.of(UserPaths.fromCommandLine(config)).toAbsolutePath().normalize();
  }

  /**
   * The path of {@code key}: from the command line resolved against the user's folder, else from
   * the config file resolved against the file's folder, else null.
   */
  String pickPath(String cli, String key) {
    if (cli != null) {
      return UserPaths.fromCommandLine(cli);
    }
    String v = pick(null, key);
    return v == null ? null : UserPaths.resolve(v, configFile().getParent());
  }

  /** The value of {@code key}: command line, else config file, else null. */
  String pick(String cli, String key) {
    if (cli != null) {
      return cli;
    }
    String v = file().getProperty(key);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private String pick(String cli, String key, String def) {
    String v = pick(cli, key);
    return v == null ? def : v;
  }

  private String str(Object cli, String key, Object def) {
    return pick(cli == null ? null : cli.toString(), key, String.valueOf(def));
  }

  /** The Spark master the user asked for, or null to leave it to spark-submit/the default. */
  String master() {
    return pick(master, "master");
  }

  /** Resolves the options into a validated job config. */
  JobConfig toConfig(List<String> defaultInputs, String defaultOutput) {
    List<String> inputs = null;
    if (input != null) {
      inputs = input.stream().map(UserPaths::fromCommandLine).toList();
    } else if (file().getProperty("input") != null) {
      inputs =
          Arrays.stream(file().getProperty("input").split(","))
              .map(String::strip)
              .map(p -> UserPaths.resolve(p, configFile().getParent()))
              .toList();
    } else if (defaultInputs != null) {
      inputs = defaultInputs.stream().map(UserPaths::bundled).toList();
    }
    if (inputs == null || inputs.isEmpty()) {
      throw new IllegalArgumentException("Cannot run: no input given; set --input PATH");
    }
    List<String> formats = dateFormat;
    if (formats == null && file().getProperty("date-format") != null) {
      formats =
          Arrays.stream(file().getProperty("date-format").split("\\|\\|"))
              .map(String::strip)
              .toList();
    }
    if (formats == null) {
      formats = List.of();
    }
    String titleV = pick(titleCol, "title-col");
    String dateV = pick(dateCol, "date-col");
    String sourceV = pick(sourceCol, "source-col");
    String langV = pick(langCol, "lang-col");
    CorpusOptions corpus =
        new CorpusOptions(
            pick(idCol, "id-col", "id"),
            pick(textCol, "text-col", "text"),
            titleV == null ? "title" : titleV,
            dateV == null ? "published_at" : dateV,
            sourceV == null ? "source" : sourceV,
            langV == null ? "lang" : langV,
            titleV != null,
            dateV != null,
            sourceV != null,
            langV != null,
            formats,
            Period.parse(pick(period, "period", "month")));
    String fmt = pick(format, "format", "parquet");
    if (!fmt.equals("parquet") && !fmt.equals("csv")) {
      throw new IllegalArgumentException(
          "Cannot use --format: unknown format (" + fmt + "); use parquet or csv");
    }
    String stopArV = pickPath(stopwordsAr, "stopwords-ar");
    String stopEnV = pickPath(stopwordsEn, "stopwords-en");
    String stopFrV = pickPath(stopwordsFr, "stopwords-fr");
    String variantsV = pickPath(variants, "variants");
    String protectedV = pickPath(protectedWords, "protected-words");
    String gazV = pickPath(gazetteer, "gazetteer");
    // User files are read here, once, on the driver; their contents travel with the job.
    List<String> gazForms = ConfFiles.lines(gazFile(gazV, "forms.tsv"), "--gazetteer");
    Analysis analysis =
        new Analysis(
            ConfFiles.lines(stopArV, "--stopwords-ar"),
            ConfFiles.lines(stopEnV, "--stopwords-en"),
            ConfFiles.lines(stopFrV, "--stopwords-fr"),
            ConfFiles.lines(protectedV, "--protected-words"),
            gazForms,
            ConfFiles.lines(variantsV, "--variants"));
    StateSettings stateSettings =
        new StateSettings(
            ConfFiles.lines(gazFile(gazV, "states.tsv"), "--gazetteer"),
            gazForms,
            ConfFiles.lines(gazFile(gazV, "context_rules.tsv"), "--gazetteer"),
            ConfFiles.linesIfPresent(gazFile(gazV, "cities.tsv"), "--gazetteer"),
            ConfFiles.linesIfPresent(gazFile(gazV, "ambiguous_places.tsv"), "--gazetteer"),
            ConfFiles.linesIfPresent(gazFile(gazV, "agencies.tsv"), "--gazetteer"),
            gazRuleFiles(gazV),
            analysis);
    long minColl =
        Long.parseLong(
            pick(
                minCollocationCount == null ? null : minCollocationCount.toString(),
                "min-collocation-count",
                "5"));
    long minKey =
        Long.parseLong(
            pick(
                minKeynessCount == null ? null : minKeynessCount.toString(),
                "min-keyness-count",
                "5"));
    String out = pickPath(output, "output");
    if (out == null && defaultOutput != null) {
      out = UserPaths.fromCommandLine(defaultOutput);
    }
    String formsV = pick(forms, "forms", "name,adjective,capital");
    java.util.Set<String> formSet = new java.util.TreeSet<>();
    for (String f : formsV.split(",")) {
      if (!f.isBlank()) {
        formSet.add(f.strip());
      }
    }
    String scopeV = pick(scope, "scope", "both");
    if (!java.util.Set.of("document", "sentence", "both").contains(scopeV)) {
      throw new IllegalArgumentException(
          "Cannot use --scope: unknown scope (" + scopeV + "); use document, sentence or both");
    }
    long minCo =
        Long.parseLong(pick(minCoDocs == null ? null : minCoDocs.toString(), "min-co-docs", "1"));
    TopicSettings td = org.marsad.topics.TopicSettings.defaults();
    String kV = pick(k, "k", "size");
    String sweepV = pick(kSweep, "k-sweep", "10,20,30,40");
    String minDfV = pick(minDf, "min-df", "auto");
    org.marsad.topics.TopicSettings topics;
    try {
      topics =
          new org.marsad.topics.TopicSettings(
              kV.equals("auto")
                  ? 0
                  : kV.equals("size") ? TopicSettings.K_BY_SIZE : Integer.parseInt(kV),
              Arrays.stream(sweepV.split(",")).map(String::strip).map(Integer::valueOf).toList(),
              Integer.parseInt(str(vocabSize, "vocab-size", td.vocabSize())),
              minDfV.equals("auto") ? TopicSettings.AUTO_MIN_DF : Long.parseLong(minDfV),
              Double.parseDouble(str(maxDf, "max-df", td.maxDf())),
              pick(optimizer, "optimizer", td.optimizer()),
              Integer.parseInt(str(maxIter, "max-iter", td.maxIter())),
              Long.parseLong(str(seed, "seed", td.seed())),
              Double.parseDouble(str(subsampling, "subsampling", td.subsampling())),
              pickPath(model, "model"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Cannot use the topic options: not a number ("
              + e.getMessage()
              + "); --k takes a number, auto or size, --k-sweep numbers separated by commas");
    }
    long minTsd = Long.parseLong(str(minTopicStateDocs, "min-topic-state-docs", 5));
    PostgresTarget postgres = postgresTarget();
    boolean overwriteV = Boolean.parseBoolean(str(overwrite, "overwrite", false));
    org.marsad.stories.DedupMode dedupV =
        org.marsad.stories.DedupMode.parse(pick(dedup, "dedup", "near"));
    Map<String, String> resolved = new LinkedHashMap<>();
    resolved.put("input", String.join(",", inputs));
    resolved.put("output", String.valueOf(out));
    resolved.put("id-col", corpus.idCol());
    resolved.put("text-col", corpus.textCol());
    resolved.put("title-col", corpus.titleCol());
    resolved.put("date-col", corpus.dateCol());
    resolved.put("source-col", corpus.sourceCol());
    resolved.put("lang-col", corpus.langCol());
    resolved.put("date-format", String.join("||", formats));
    resolved.put("period", corpus.period().toString());
    resolved.put("format", fmt);
    resolved.put("stopwords-ar", stopArV == null ? "(built-in)" : stopArV);
    resolved.put("stopwords-en", stopEnV == null ? "(built-in)" : stopEnV);
    resolved.put("stopwords-fr", stopFrV == null ? "(built-in)" : stopFrV);
    resolved.put("variants", variantsV == null ? "(built-in)" : variantsV);
    resolved.put("protected-words", protectedV == null ? "(built-in)" : protectedV);
    resolved.put("min-collocation-count", Long.toString(minColl));
    resolved.put("min-keyness-count", Long.toString(minKey));
    resolved.put("forms", String.join(",", formSet));
    resolved.put("scope", scopeV);
    resolved.put("min-co-docs", Long.toString(minCo));
    resolved.put("gazetteer", gazV == null ? "(built-in)" : gazV);
    resolved.put(
        "k",
        topics.k() == 0
            ? "auto"
            : topics.k() == TopicSettings.K_BY_SIZE ? "size" : Integer.toString(topics.k()));
    resolved.put("k-sweep", sweepV);
    resolved.put("vocab-size", Integer.toString(topics.vocabSize()));
    resolved.put("min-df", minDfV);
    resolved.put("max-df", Double.toString(topics.maxDf()));
    resolved.put("optimizer", topics.optimizer());
    resolved.put(
        "max-iter",
        topics.maxIter() == TopicSettings.AUTO ? "auto" : Integer.toString(topics.maxIter()));
    resolved.put("seed", Long.toString(topics.seed()));
    resolved.put(
        "subsampling",
        topics.subsampling() == TopicSettings.AUTO
            ? "auto"
            : Double.toString(topics.subsampling()));
    resolved.put("model", topics.model() == null ? "(fit)" : topics.model());
    resolved.put("min-topic-state-docs", Long.toString(minTsd));
    resolved.put("overwrite", Boolean.toString(overwriteV));
    resolved.put("dedup", dedupV.option());
    if (postgres != null) {
      resolved.put("jdbc-url", postgres.url());
      resolved.put("jdbc-schema", postgres.schema());
      resolved.put("jdbc-user", String.valueOf(pick(jdbcUser, "jdbc-user", "(default)")));
      resolved.put(
          "jdbc-properties",
          postgres.propertiesFile() == null ? "(none)" : postgres.propertiesFile());
      resolved.put(
          "jdbc-views", postgres.viewsFile() == null ? "(built-in)" : postgres.viewsFile());
      resolved.put("jdbc-password", postgres.passwordSource());
    }
    return new JobConfig(
        new ArrayList<>(inputs),
        out,
        corpus,
        analysis,
        fmt.equals("csv"),
        minColl,
        minKey,
        stateSettings,
        formSet,
        !scopeV.equals("sentence"),
        !scopeV.equals("document"),
        minCo,
        topics,
        minTsd,
        resolved,
        postgres,
        overwriteV,
        dedupV);
  }

  private static String gazFile(String dir, String name) {
    return dir == null ? null : dir + "/" + name;
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

  /** The PostgreSQL target of --jdbc-url and its companions, or null without --jdbc-url. */
  private PostgresTarget postgresTarget() {
    for (String k : List.of("password", "jdbc-password")) {
      if (file().getProperty(k) != null) {
        throw new IllegalArgumentException(
            "Cannot use --config: it holds a password ("
                + k
                + "), which would be logged with the config; set the environment variable "
                + PostgresTarget.PASSWORD_ENV
                + " or password= in --jdbc-properties FILE");
      }
    }
    String url = pick(jdbcUrl, "jdbc-url");
    String schemaV = pick(jdbcSchema, "jdbc-schema");
    String userV = pick(jdbcUser, "jdbc-user");
    String propsV = pickPath(jdbcProperties, "jdbc-properties");
    String viewsV = pickPath(jdbcViews, "jdbc-views");
    if (url == null) {
      if (schemaV != null || userV != null || propsV != null || viewsV != null) {
        throw new IllegalArgumentException(
            "Cannot write to PostgreSQL: no --jdbc-url given (the other --jdbc-* options need it)");
      }
      return null;
    }
    return new PostgresTarget(
        url, schemaV == null ? PostgresTarget.DEFAULT_SCHEMA : schemaV, userV, propsV, viewsV);
  }
}
