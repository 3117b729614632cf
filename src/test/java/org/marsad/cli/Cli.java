package org.marsad.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.marsad.SharedSpark;

/** Runs the command line in this JVM (on the shared session) and captures what it prints. */
public final class Cli {

  /** Exit code, error stream and standard output of one command. */
  public record Result(int code, String err, String out) {}

  private Cli() {}

  /** Runs {@code args} as {@code jobs/marsad} would. */
  public static Result run(String... args) {
    SharedSpark.get();
    StringWriter err = new StringWriter();
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = Marsad.execute(new PrintWriter(err, true), args);
      return new Result(code, err.toString(), out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
    }
  }

  /**
   * The config {@code jobs/marsad run ARGS} would run with, its input defaulting to {@code in} and
   * its output to {@code out}.
   */
  public static org.marsad.jobs.JobConfig config(String... args) {
    picocli.CommandLine cl = Marsad.commandLine();
    String[] all = new String[args.length + 1];
    all[0] = "run";
    System.arraycopy(args, 0, all, 1, args.length);
    cl.parseArgs(all);
    Marsad.Run run = cl.getSubcommands().get("run").getCommand();
    return org.marsad.jobs.JobConfig.of(
        run.resolve(
            java.util.Map.of(
                "input", java.util.List.of("in"), "output", java.util.List.of("out"))));
  }

  /** Runs {@code args} as if the user had typed them in folder {@code cwd}. */
  public static Result runIn(Path cwd, String... args) {
    String old = System.getProperty(UserPaths.CWD_PROPERTY);
    System.setProperty(UserPaths.CWD_PROPERTY, cwd.toString());
    try {
      return run(args);
    } finally {
      if (old == null) {
        System.clearProperty(UserPaths.CWD_PROPERTY);
      } else {
        System.setProperty(UserPaths.CWD_PROPERTY, old);
      }
    }
  }
}
