package org.marsad.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.marsad.io.ConfFiles;
import org.marsad.io.Ingest;
import org.marsad.jobs.JobConfig;
import org.marsad.jobs.JobResult;
import org.marsad.jobs.MarsadJob;
import org.marsad.jobs.Sessions;
import org.marsad.pipeline.MarsadException;
import org.marsad.pipeline.Setting;
import org.marsad.report.Report;
import org.marsad.text.Analysis;
import org.marsad.text.LanguageCodes;
import org.marsad.text.LanguageIdentifier;
import org.marsad.text.TextAnalyzer;
import org.marsad.text.TextCleaner;
import org.marsad.text.Token;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code marsad} command line: usage errors exit 2, data errors 1, success 0. */
@Command(
    name = "marsad",
    mixinStandardHelpOptions = true,
    version = "marsad " + MarsadJob.VERSION,
    description = "Batch text analytics for Arabic and English news corpora on Apache Spark.",
    subcommands = {
      Marsad.Run.class,
      Marsad.Terms.class,
      Marsad.States.class,
      Marsad.Topics.class,
      Marsad.UpdateCmd.class,
      Marsad.IngestCmd.class,
      Marsad.Analyze.class,
      RelateCommand.class,
      Marsad.Query.class,
      Marsad.ReportCmd.class,
      ExportCommand.class
    })
public final class Marsad implements Callable<Integer> {

  /** Entry point for the launcher and spark-submit. */
  public static void main(String[] args) {
    int code = execute(args);
    System.exit(code);
  }

  /** Runs the command line and returns the exit code. */
  public static int execute(String... args) {
    return execute(
        new java.io.PrintWriter(
            new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        args);
  }

  /**
   * Runs the command line, writing errors to {@code err}, and returns the exit code (for tests).
   */
  public static int execute(java.io.PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof MarsadException m) {
            cmd.getErr().println("marsad: " + m.getMessage());
            if (m.kind() == MarsadException.Kind.USAGE) {
              cmd.getErr().println("Usage: see jobs/marsad " + cmd.getCommandName() + " --help");
            }
            return m.kind().exitCode();
          }
          // Data errors (bad input, unreadable files) exit 1 with a one-line message; anything
          // else is a bug and keeps its stack trace.
          if (!(e instanceof IllegalArgumentException
              || e instanceof IllegalStateException
              || e instanceof UncheckedIOException)) {
            e.printStackTrace(cmd.getErr());
          }
          cmd.getErr().println("marsad: " + message(e));
          return 1;
        });
    return cl.execute(args);
  }

  /** The command line with every setting declared as an option of the Spark commands. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Marsad());
    for (String name : List.of("run", "terms", "states", "topics", "update")) {
      SettingsCommand.addOptions(
          cl.getSubcommands().get(name).getCommandSpec(), JobConfig.SETTINGS);
    }
    return cl;
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.toString() : m;
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 2;
  }

  /** Runs a Spark command with a session built from its settings. */
  static int runJob(
      SettingsCommand c,
      String command,
      Set<MarsadJob.Stage> stages,
      Map<String, List<String>> commandDefaults) {
    JobConfig config = JobConfig.of(c.resolve(commandDefaults));
    Logging.apply(c.verbose);
    SparkSession spark = Sessions.create("marsad " + command, c.master());
    JobResult r = MarsadJob.run(spark, config, stages, command);
    System.out.println(Summary.of(command, r));
    return 0;
  }

  /** A Spark command over the settings of a run. */
  abstract static class JobCommand extends SettingsCommand implements Callable<Integer> {
    @Override
    List<Setting<?>> settings() {
      return JobConfig.SETTINGS;
    }
  }

  /** Runs one stage; its --input is required (on the command line or in --config). */
  static int runStage(JobCommand c, String name, MarsadJob.Stage stage) {
    return runJob(c, name, Set.of(stage), Map.of());
  }

  /** Every stage built so far. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Run every stage (default: sample-data/ to ./out).")
  static final class Run extends JobCommand {
    @Override
    public Integer call() {
      return runJob(
          this,
          "run",
          MarsadJob.ALL,
          Map.of(
              "input", List.of(UserPaths.bundled("sample-data/corpus")),
              "output", List.of(UserPaths.fromCommandLine("out"))));
    }
  }

  /** The term stage alone. */
  @Command(
      name = "terms",
      mixinStandardHelpOptions = true,
      description = "Term frequencies, keyness and collocations.")
  static final class Terms extends JobCommand {
    @Override
    public Integer call() {
      return runStage(this, "terms", MarsadJob.Stage.TERMS);
    }
  }

  /** The states stage alone. */
  @Command(
      name = "states",
      mixinStandardHelpOptions = true,
      description =
          "State mentions, counts, co-mention measures, networks and the relations (cooperation or"
              + " conflict) of pairs named in one sentence.")
  static final class States extends JobCommand {
    @Override
    public Integer call() {
      return runJob(
          this, "states", Set.of(MarsadJob.Stage.STATES, MarsadJob.Stage.RELATIONS), Map.of());
    }
  }

  /** The topics stage alone. */
  @Command(
      name = "topics",
      mixinStandardHelpOptions = true,
      description =
          "Topics (LDA): topics, topic_summary, document_topics, topic_trends; --model to infer with a saved model.")
  static final class Topics extends JobCommand {
    @Override
    public Integer call() {
      return runStage(this, "topics", MarsadJob.Stage.TOPICS);
    }
  }

  /** Turns .txt/.jsonl/.csv articles into a Parquet corpus. */
  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description =
          "Turn .txt articles (first line 'Outlet:', then the body), .jsonl or .csv into a Parquet corpus.")
  static final class IngestCmd implements Callable<Integer> {
    @Option(names = "--input", arity = "1..*", required = true, paramLabel = "PATH")
    List<String> input;

    @Option(names = "--output", required = true, paramLabel = "PATH")
    String output;

    @Option(names = "--master")
    String master;

    @Option(names = "--verbose", description = "Spark's own logging at INFO.")
    boolean verbose;

    @Override
    public Integer call() {
      Logging.apply(verbose);
      SparkSession spark = Sessions.create("marsad ingest", master);
      String out = UserPaths.fromCommandLine(output);
      long n = Ingest.run(spark, input.stream().map(UserPaths::fromCommandLine).toList(), out);
      System.out.printf("marsad ingest: %d articles written to %s%n", n, out);
      return 0;
    }
  }

  /** Prints how each word of a text is analysed. */
  @Command(
      name = "analyze",
      mixinStandardHelpOptions = true,
      description =
          "Print surface<TAB>term for each kept token of TEXT (or stdin); stop words are omitted.")
  static final class Analyze implements Callable<Integer> {
    @Option(
        names = "--lang",
        description =
            "Language code or name: ar, en, fr and fa have their own analysis, any other the generic"
                + " one (default: identified from the text).")
    String lang;

    @Option(names = "--stopwords-ar", paramLabel = "FILE")
    String stopwordsAr;

    @Option(names = "--stopwords-en", paramLabel = "FILE")
    String stopwordsEn;

    @Option(names = "--stopwords-fr", paramLabel = "FILE")
    String stopwordsFr;

    @Option(names = "--protected-words", paramLabel = "FILE")
    String protectedWords;

    @Option(names = "--variants", paramLabel = "FILE")
    String variants;

    @Parameters(arity = "0..*", paramLabel = "TEXT")
    List<String> text;

    @Override
    public Integer call() throws Exception {
      String input;
      if (text == null || text.isEmpty()) {
        try (BufferedReader r =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
          input = r.lines().collect(Collectors.joining("\n"));
        }
      } else {
        input = String.join(" ", text);
      }
      String code = lang == null ? null : LanguageCodes.normalize(lang);
      if (lang != null && code == null) {
        throw new CommandLine.ParameterException(
            new CommandLine(this),
            "--lang must name a language (an ISO 639 code such as ar, en, fr, fa, or a name), not "
                + lang);
      }
      String clean = TextCleaner.clean(input);
      String l = code != null ? code : LanguageIdentifier.get().identify(clean);
      TextAnalyzer a =
          new Analysis(
                  ConfFiles.lines(UserPaths.fromCommandLine(stopwordsAr), "--stopwords-ar"),
                  ConfFiles.lines(UserPaths.fromCommandLine(stopwordsEn), "--stopwords-en"),
                  ConfFiles.lines(UserPaths.fromCommandLine(stopwordsFr), "--stopwords-fr"),
                  ConfFiles.lines(UserPaths.fromCommandLine(protectedWords), "--protected-words"),
                  null,
                  ConfFiles.lines(UserPaths.fromCommandLine(variants), "--variants"))
              .forLanguage(l);
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      for (Token t : a.analyze(clean)) {
        out.println(t.surface() + "\t" + t.term());
      }
      return 0;
    }
  }

  /** Adds new articles to the run in an output folder. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description =
          "Add the articles of --input (new files) to the run in --output without reading or"
              + " analysing the earlier ones again: the settings are the run's (an option that"
              + " contradicts them is an error); files read before are skipped; the new articles get"
              + " their topics from the run's saved model unless --refit.")
  static final class UpdateCmd extends JobCommand {
    @Option(
        names = "--refit",
        description = "Fit the topics again on every article (topic ids may then change).")
    boolean refit;

    @Override
    public Integer call() {
      org.marsad.pipeline.SettingValues values = resolve(Map.of());
      Logging.apply(verbose);
      SparkSession spark = Sessions.create("marsad update", master());
      org.marsad.jobs.Update.Plan plan = org.marsad.jobs.Update.plan(spark, values, refit);
      if (plan.nothingNew() && refit) {
        // A refit is part of an update that adds articles; asked alone it would silently not run.
        throw org.marsad.pipeline.MarsadException.usage(
            "Cannot update with --refit: nothing new in "
                + String.join(", ", plan.config().inputs())
                + " ("
                + org.marsad.jobs.Update.files(plan.prior().skipped())
                + " already read), so no topic was fitted again",
            plan.config().output(),
            "--refit refits the topics when an update adds articles; to fit them again on the"
                + " articles already there, run the run's command again into this folder");
      }
      if (plan.nothingNew()) {
        System.out.println(
            "update: nothing new in "
                + String.join(", ", plan.config().inputs())
                + " ("
                + org.marsad.jobs.Update.files(plan.prior().skipped())
                + " already read); "
                + plan.config().output()
                + " is unchanged");
        return 0;
      }
      JobResult r = MarsadJob.update(spark, plan);
      System.out.println(org.marsad.jobs.Update.summary(spark, plan.config().output()));
      System.out.println(Summary.of("update", r));
      return 0;
    }
  }

  /** Runs Spark SQL over the tables of an output folder. */
  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      description =
          "Run a Spark SQL query over the tables in --output (each table is a view of its name).")
  static final class Query implements Callable<Integer> {
    @Option(names = "--output", required = true, paramLabel = "DIR")
    String output;

    @Option(names = "--master")
    String master;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Option(names = "--verbose", description = "Spark's own logging at INFO.")
    boolean verbose;

    @Parameters(arity = "1", paramLabel = "SQL")
    String sql;

    @Override
    public Integer call() {
      Logging.apply(verbose);
      SparkSession spark = Sessions.create("marsad query", master);
      String output = UserPaths.fromCommandLine(this.output);
      org.marsad.io.OutputFolder.finishCommit(spark.sparkContext().hadoopConfiguration(), output);
      int views = 0;
      for (org.marsad.pipeline.Table t : org.marsad.catalog.Catalog.tables()) {
        var d = org.marsad.io.TableReader.read(spark, output, t);
        if (d != null) {
          d.createOrReplaceTempView(t.name());
          views++;
        }
      }
      if (views == 0) {
        throw new IllegalArgumentException(
            "Cannot query: no Marsad tables in " + output + "; give the --output of a run");
      }
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      var df = spark.sql(sql);
      out.println(String.join("\t", df.columns()));
      for (org.apache.spark.sql.Row r : df.limit(limit).collectAsList()) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
          line.append(i == 0 ? "" : "\t").append(r.isNullAt(i) ? "" : r.get(i).toString());
        }
        out.println(line);
      }
      return 0;
    }
  }

  /** Writes the HTML report of an output folder. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description =
          "Write DIR/report/index.html: one self-contained page of charts over the tables in --output"
              + " (opens offline).")
  static final class ReportCmd implements Callable<Integer> {
    @Option(
        names = "--output",
        required = true,
        paramLabel = "DIR",
        description = "Output folder of a run.")
    String output;

    @Option(
        names = "--master",
        description = "Spark master URL when not run through spark-submit (default: local[*]).")
    String master;

    @Option(names = "--verbose", description = "Spark's own logging at INFO.")
    boolean verbose;

    @Option(
        names = "--report-lang",
        paramLabel = "ar|en",
        description =
            "Language of the page: ar (right to left) or en (default: ar when Arabic has the most"
                + " documents, else en).")
    String reportLang;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (reportLang != null && !List.of("ar", "en").contains(reportLang)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--report-lang must be ar or en, not " + reportLang);
      }
      Logging.apply(verbose);
      SparkSession spark = Sessions.create("marsad report", master);
      String out = UserPaths.fromCommandLine(output);
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(out);
      String page;
      // A run writing into the folder at the same time would leave a report of neither run.
      try {
        org.apache.hadoop.fs.FileSystem fs =
            root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
          page = Report.write(spark, out, reportLang); // fails naming the missing folder
        } else {
          // The lock, and an interrupted commit finished first (OutputFolder.openExisting).
          try (org.marsad.io.OutputFolder f =
              org.marsad.io.OutputFolder.openExisting(
                  spark.sparkContext().hadoopConfiguration(), out, "report")) {
            page = Report.write(spark, out, reportLang);
          }
        }
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(
            "Cannot write report: " + e.getMessage() + " (" + out + ")", e);
      }
      System.out.printf("marsad report: %s%n", page);
      return 0;
    }
  }
}
