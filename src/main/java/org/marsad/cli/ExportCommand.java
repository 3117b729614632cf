package org.marsad.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.marsad.io.OutputExport;
import org.marsad.io.postgres.PostgresTarget;
import org.marsad.jobs.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jobs/marsad export}: sends the committed run of an existing output folder to PostgreSQL or
 * to CSV without recomputing anything (see {@link OutputExport}).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Send the run an output folder holds (its _manifest.json) to PostgreSQL (--jdbc-url) or"
            + " to CSV files in DIR/csv (--format csv), without recomputing anything; exporting"
            + " again changes nothing.")
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Output folder of a run.")
  String output;

  @Option(
      names = "--format",
      paramLabel = "csv",
      description = "csv: write DIR/csv/<table>.csv of every table (UTF-8 with BOM, for Excel).")
  String format;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description = "jdbc:postgresql://host:port/db (no password in it).")
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
          "Java properties for the PostgreSQL driver (user, password, sslmode...); the password"
              + " comes from here or from MARSAD_JDBC_PASSWORD (which wins).")
  String jdbcProperties;

  @Option(
      names = "--jdbc-views",
      paramLabel = "FILE",
      description = "SQL views replacing conf/sql/views.sql.")
  String jdbcViews;

  @Option(
      names = "--master",
      description = "Spark master URL when not run through spark-submit (default: local[*]).")
  String master;

  @Option(names = "--verbose", description = "Spark's own logging at INFO.")
  boolean verbose;

  @Override
  public Integer call() {
    if ((jdbcUrl == null) == (format == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Give either --jdbc-url URL (to PostgreSQL) or --format csv (to CSV files), not "
              + (jdbcUrl == null ? "neither" : "both"));
    }
    if (format != null && !format.equals("csv")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--format must be csv (the folder already holds the Parquet tables), not " + format);
    }
    if (jdbcUrl == null
        && (jdbcSchema != null
            || jdbcUser != null
            || jdbcProperties != null
            || jdbcViews != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "The --jdbc-* options need --jdbc-url");
    }
    PostgresTarget target = null;
    if (jdbcUrl != null) {
      try {
        target =
            new PostgresTarget(
                jdbcUrl,
                jdbcSchema == null ? PostgresTarget.DEFAULT_SCHEMA : jdbcSchema,
                jdbcUser,
                UserPaths.fromCommandLine(jdbcProperties),
                UserPaths.fromCommandLine(jdbcViews));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    Logging.apply(verbose);
    SparkSession spark = Sessions.create("marsad export", master);
    String out = UserPaths.fromCommandLine(output);
    OutputExport.Result r =
        target == null
            ? OutputExport.toCsv(spark, out)
            : OutputExport.toPostgres(spark, out, target);
    System.out.printf(
        "marsad export: run %s of %s, %d tables to %s: %s%n",
        r.runId(),
        out,
        r.rows().size(),
        target == null ? out + "/csv" : "PostgreSQL schema " + target.schema(),
        r.rows());
    return 0;
  }
}
