package org.marsad.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.marsad.corpus.LoadSettings;
import org.marsad.io.CorpusReader;
import org.marsad.io.OutputSettings;
import org.marsad.pipeline.MarsadException;
import org.marsad.pipeline.Setting;
import org.marsad.pipeline.SettingValues;

/**
 * {@code update}: adds the articles of new input files to the run in an output folder. The settings
 * are the run's (from its manifest); the earlier articles are not read or analysed again: their
 * pass rows are kept in the folder ({@link RunState}), the new articles are analysed with the run's
 * corpus-wide decisions, and every table is finished again from all the pass rows, so that {@code
 * run(A)} then {@code update(B)} gives the tables of {@code run(A ∪ B)} (the topic tables excepted:
 * the new articles are read with the run's saved model unless {@code --refit}).
 */
public final class Update {

  /**
   * Settings an update may change: where things go and how the engine runs, never what is counted.
   */
  static final Set<String> FREE =
      Set.of(
          "input",
          "output",
          "overwrite",
          "format",
          "report-lang",
          "driver-cap",
          "writers",
          "topics-driver-max",
          "jdbc-url",
          "jdbc-schema",
          "jdbc-user",
          "jdbc-properties",
          "jdbc-views");

  private Update() {}

  /**
   * What an update adds to.
   *
   * @param batches the committed batch folders of pass rows
   * @param rowsIn input rows of the folder so far
   * @param passRejected rows the pass rejected so far, by reason
   * @param decisions the run's corpus-wide decisions
   * @param inputs the inputs of the run and the earlier updates, as given
   * @param files the input files read so far
   * @param newFiles the files this update reads
   * @param filterNew true when the new inputs also hold files read before (read only the new ones)
   * @param manifest the folder's manifest
   * @param refit fit the topics again on everything
   * @param skipped files of the inputs already read before (unchanged), skipped
   */
  public record Prior(
      List<String> batches,
      long rowsIn,
      Map<String, Long> passRejected,
      RunState.Decisions decisions,
      List<String> inputs,
      List<String> files,
      List<String> newFiles,
      boolean filterNew,
      JsonNode manifest,
      boolean refit,
      int skipped) {}

  /**
   * An update, planned.
   *
   * @param config the run's settings with this update's inputs
   * @param stages the stages of the run's command
   * @param command the run's command
   * @param prior what the update adds to
   */
  public record Plan(JobConfig config, Set<MarsadJob.Stage> stages, String command, Prior prior) {

    /** True when the inputs hold no file that was not read before. */
    public boolean nothingNew() {
      return prior.newFiles().isEmpty();
    }
  }

  /** The stages of a run's command. */
  static Set<MarsadJob.Stage> stagesOf(String command) {
    return switch (command) {
      case "run" -> MarsadJob.ALL;
      case "terms" -> EnumSet.of(MarsadJob.Stage.TERMS);
      case "states" -> EnumSet.of(MarsadJob.Stage.STATES, MarsadJob.Stage.RELATIONS);
      case "topics" -> EnumSet.of(MarsadJob.Stage.TOPICS);
      default -> null;
    };
  }

  /**
   * Plans the update of the run in {@code given}'s output folder with {@code given}'s inputs: the
   * settings come from the folder's manifest; a setting given that contradicts it is a usage error
   * naming both values.
   */
  public static Plan plan(SparkSession spark, SettingValues given, boolean refit) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    String output = given.get(OutputSettings.OUTPUT);
    List<String> inputs = given.get(LoadSettings.INPUT);
    if (output == null) {
      throw MarsadException.usage("Cannot update: no output folder", null, "set --output DIR");
    }
    if (inputs == null || inputs.isEmpty()) {
      throw MarsadException.usage(
          "Cannot update: no new articles given", null, "set --input PATH (the new files)");
    }
    JsonNode m = manifest(hadoop, output);
    String command = m.path("command").asText();
    String base = "update".equals(command) ? m.path("base_command").asText("run") : command;
    Set<MarsadJob.Stage> stages = stagesOf(base);
    if (stages == null) {
      throw MarsadException.usage(
          "Cannot update: the folder holds the output of '" + command + "', not of a run",
          output,
          "update a folder written by jobs/marsad run, terms, states or topics");
    }
    RunState.Decisions decisions = RunState.readDecisions(hadoop, output);
    Map<String, List<RunState.InputFile>> batches = RunState.batches(hadoop, output);
    if (decisions == null || batches.isEmpty()) {
      throw MarsadException.usage(
          "Cannot update: the run in the folder kept no state for updates (no "
              + RunState.PASS
              + "; it was written by an earlier version of Marsad)",
          output,
          "run the whole corpus once more with jobs/marsad " + base + ", then update it");
    }
    SettingValues values = settings(m, given);
    // The files: those read before are skipped when unchanged; a changed one is an error.
    Map<String, RunState.InputFile> known = new HashMap<>();
    batches.values().forEach(l -> l.forEach(f -> known.put(f.path(), f)));
    List<String> listed = CorpusReader.listFiles(spark, inputs);
    List<String> fresh = new ArrayList<>();
    int skipped = 0;
    for (RunState.InputFile now : RunState.statusOf(hadoop, listed)) {
      RunState.InputFile before = known.get(now.path());
      if (before == null) {
        fresh.add(now.path());
      } else if (before.length() != now.length() || before.modified() != now.modified()) {
        throw MarsadException.data(
            "Cannot update: an input file was read by an earlier run or update and has changed"
                + " since ("
                + before.length()
                + " bytes then, "
                + now.length()
                + " now)",
            now.path(),
            "give new articles in new files (e.g. one file per day); to read a changed archive,"
                + " run the whole corpus again with jobs/marsad "
                + base);
      } else {
        skipped++;
      }
    }
    List<String> earlierInputs = new ArrayList<>();
    m.path("inputs").forEach(n -> earlierInputs.add(n.asText()));
    List<String> earlierFiles = new ArrayList<>();
    m.path("input_files").forEach(n -> earlierFiles.add(n.asText()));
    Map<String, Long> rejected = new LinkedHashMap<>();
    m.path("rejected_by_reason")
        .fields()
        .forEachRemaining(
            e -> {
              if (!"duplicate_id".equals(e.getKey())) {
                rejected.put(e.getKey(), e.getValue().asLong());
              }
            });
    Prior prior =
        new Prior(
            new ArrayList<>(batches.keySet()),
            m.path("rows").path("in").asLong(),
            rejected,
            decisions,
            earlierInputs,
            earlierFiles,
            fresh,
            skipped > 0,
            m,
            refit,
            skipped);
    values = values.with(LoadSettings.INPUT, inputs).with(OutputSettings.OUTPUT, output);
    if (stages.contains(MarsadJob.Stage.TOPICS) && !refit) {
      String model = new Path(output, "models/topics").toString();
      if (!exists(hadoop, model)) {
        throw MarsadException.usage(
            "Cannot update: the run saved no topic model to read the new articles with",
            model,
            "add --refit to fit the topics again on every article");
      }
      values = values.with(org.marsad.topics.TopicsSettings.MODEL, model);
    }
    return new Plan(JobConfig.of(values), stages, base, prior);
  }

  /**
   * The run's settings from its manifest, checked against those {@code given}: a given setting that
   * is not {@link #FREE} and differs from the run's is a usage error.
   */
  static SettingValues settings(JsonNode m, SettingValues given) {
    JsonNode config = m.path("config");
    Map<String, List<String>> raw = new LinkedHashMap<>();
    List<String> contradictions = new ArrayList<>();
    Map<String, String> givenPrinted = given.printed();
    for (Setting<?> s : given.declared()) {
      String key = s.key();
      JsonNode v = config.get(key);
      String run = v == null ? s.defaultText() : v.asText();
      if (given.given(s) && !FREE.contains(key)) {
        String now = givenPrinted.get(key);
        if (!now.equals(run)) {
          contradictions.add("--" + key + " " + now + " (the run's: " + run + ")");
        }
      }
      if (FREE.contains(key) && given.given(s)) {
        continue; // taken from the update's command line below
      }
      if (v != null && !run.equals(s.defaultText()) && !"model".equals(key)) {
        raw.put(key, s.split(run));
      }
    }
    if (!contradictions.isEmpty()) {
      throw MarsadException.usage(
          "Cannot update: options contradict the settings of the run in the folder: "
              + String.join(", ", contradictions),
          null,
          "drop them (an update keeps the run's settings), or run the whole corpus again with"
              + " them");
    }
    SettingValues v =
        SettingValues.resolve(given.declared(), raw, new Properties(), p -> p)
            .with(org.marsad.topics.TopicsSettings.MODEL, null);
    for (Setting<?> s : given.declared()) {
      if (FREE.contains(s.key()) && given.given(s)) {
        v = with(v, s, given.get(s));
      }
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private static <T> SettingValues with(SettingValues v, Setting<T> s, Object value) {
    return v.with(s, (T) value);
  }

  /** The manifest of the run in {@code output}. */
  static JsonNode manifest(Configuration hadoop, String output) {
    Path p = new Path(output, org.marsad.io.OutputFolder.MANIFEST);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        throw MarsadException.usage(
            "Cannot update: the folder holds no Marsad run (no "
                + org.marsad.io.OutputFolder.MANIFEST
                + ")",
            output,
            "run first: jobs/marsad run --input CORPUS --output " + output);
      }
      try (FSDataInputStream in = fs.open(p)) {
        return new ObjectMapper().readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static boolean exists(Configuration hadoop, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(hadoop).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The inputs of the folder after this update: the earlier ones, then the new ones. */
  static List<String> allInputs(Prior p, List<String> inputs) {
    Set<String> all = new LinkedHashSet<>(p.inputs());
    all.addAll(inputs);
    return new ArrayList<>(all);
  }

  /** The input files of the folder after this update. */
  static List<String> allFiles(Prior p) {
    Set<String> all = new LinkedHashSet<>(p.files());
    all.addAll(p.newFiles());
    return new ArrayList<>(all);
  }

  /** The command of the run an update adds to. */
  static String baseCommand(Prior p) {
    String c = p.manifest().path("command").asText();
    return "update".equals(c) ? p.manifest().path("base_command").asText("run") : c;
  }

  /** The run the folder started with: its id, command, start and inputs. */
  static Object firstRun(Prior p) {
    JsonNode m = p.manifest();
    if ("update".equals(m.path("command").asText()) && m.has("first_run")) {
      return m.get("first_run");
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("run_id", m.path("run_id").asText());
    r.put("command", m.path("command").asText());
    r.put("started_at", m.path("started_at").asText());
    List<String> in = new ArrayList<>();
    m.path("inputs").forEach(n -> in.add(n.asText()));
    r.put("inputs", in);
    r.put("rows_in", m.path("rows").path("in").asLong());
    return r;
  }

  /** This update's entry of the manifest's list of updates (its seconds are set at the end). */
  static Map<String, Object> record(
      String runId,
      java.time.Instant started,
      List<String> inputs,
      Prior p,
      long newRows,
      long documents,
      long rejected,
      Load.Loaded loaded) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("update_id", runId);
    r.put("started_at", started.toString());
    r.put("inputs", inputs);
    r.put("files_read", p.newFiles().size());
    r.put("files_skipped", p.skipped());
    r.put("rows_in", newRows);
    long docsBefore = p.manifest().path("rows").path("documents").asLong();
    long rejBefore = p.manifest().path("rows").path("rejected").asLong();
    r.put("documents_added", documents - docsBefore);
    r.put("rejected_added", rejected - rejBefore);
    r.put("periods_touched", loaded.periodsTouched());
    r.put("topics", p.refit() ? "refit on every article" : "read with the saved model");
    return r;
  }

  /** The earlier updates of the folder and this one. */
  static List<Object> updates(Prior p, Map<String, Object> current) {
    List<Object> all = new ArrayList<>();
    if ("update".equals(p.manifest().path("command").asText())) {
      p.manifest().path("updates").forEach(all::add);
    }
    all.add(current);
    return all;
  }

  /**
   * One line on the last update of the folder in {@code output}, from its manifest: its new rows,
   * files read and skipped, documents and rejected rows added, periods touched, and how the topics
   * were found.
   */
  public static String summary(SparkSession spark, String output) {
    JsonNode m = manifest(spark.sparkContext().hadoopConfiguration(), output);
    JsonNode all = m.path("updates");
    if (all.size() == 0) {
      return "update: no update recorded in " + output;
    }
    JsonNode u = all.get(all.size() - 1);
    List<String> periods = new ArrayList<>();
    u.path("periods_touched").forEach(p -> periods.add(p.asText()));
    return String.format(
        java.util.Locale.ROOT,
        "update %s: %,d new rows from %s (%s read before, skipped): %,d documents and %,d"
            + " rejected rows added; periods touched: %s; topics %s; %.1f s",
        u.path("update_id").asText(),
        u.path("rows_in").asLong(),
        files(u.path("files_read").asInt()),
        files(u.path("files_skipped").asInt()),
        u.path("documents_added").asLong(),
        u.path("rejected_added").asLong(),
        periods.isEmpty() ? "none" : String.join(", ", periods),
        u.path("topics").asText(),
        u.path("seconds").asDouble());
  }

  /** "1 file", "2 files". */
  public static String files(int n) {
    return n + (n == 1 ? " file" : " files");
  }
}
