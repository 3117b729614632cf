package org.marsad.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marsad.SharedSpark;
import org.marsad.cli.UserPaths;

/** The command line as its own process (a JVM of 1 GB, local mode), for tests that kill it. */
public final class MarsadProcess {

  private MarsadProcess() {}

  /**
   * Starts {@code jobs/marsad ARGS} as if typed in folder {@code cwd}, with the system properties
   * {@code props}, its output and errors going to {@code log}.
   */
  public static Process start(Path cwd, Path log, List<String> props, String... args)
      throws IOException {
    return start(cwd, log, props, java.util.Map.of(), args);
  }

  /** As {@link #start(Path, Path, List, String...)}, with the environment variables {@code env}. */
  public static Process start(
      Path cwd, Path log, List<String> props, java.util.Map<String, String> env, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.addAll(
        Files.readAllLines(SharedSpark.repo().resolve("conf/jvm-opens.args")).stream()
            .filter(l -> !l.isBlank())
            .toList());
    cmd.add("-Dlog4j2.configurationFile=" + SharedSpark.repo().resolve("conf/log4j2.properties"));
    cmd.add("-Ddev.ludovic.netlib.blas.allowNative=false");
    cmd.add("-Dspark.ui.enabled=false");
    cmd.addAll(props);
    cmd.add("-cp");
    cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    cmd.add("org.marsad.cli.Marsad");
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(SharedSpark.repo().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put(UserPaths.CWD_ENV, cwd.toString());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** A condition on what a running process has written. */
  @FunctionalInterface
  public interface Reached {
    boolean test() throws Exception;
  }

  /**
   * Kills {@code child} with SIGKILL (no shutdown hook, no finally) as soon as {@code reached}
   * holds, polled every 50 ms; fails the test, with the process's log, when it ends first or when
   * {@code seconds} pass. {@code what} names the point, e.g. "staged its documents".
   */
  public static void killWhen(Process child, Path log, long seconds, String what, Reached reached)
      throws Exception {
    try {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
      while (!reached.test()) {
        if (!child.isAlive()) {
          org.junit.jupiter.api.Assertions.fail(
              "The process ended before it " + what + ": " + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          org.junit.jupiter.api.Assertions.fail(
              "The process never " + what + ": " + Files.readString(log));
        }
        Thread.sleep(50);
      }
    } finally {
      child.destroyForcibly();
      if (!child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        org.junit.jupiter.api.Assertions.fail("The killed process did not end in 60 s");
      }
    }
  }
}
