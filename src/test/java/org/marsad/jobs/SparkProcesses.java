package org.marsad.jobs;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.marsad.SharedSpark;

/**
 * Child JVMs on the Spark jars of the Maven classpath (a folder of links to them serves as
 * SPARK_HOME): standalone Master and Worker daemons, and SparkSubmit runs of the shaded job jar.
 */
final class SparkProcesses {

  final Path tmp;
  final Path sparkHome;

  /** A folder of links under {@code tmp} to the jars of this JVM's classpath. */
  SparkProcesses(Path tmp) throws IOException {
    this.tmp = tmp;
    this.sparkHome = Files.createDirectories(tmp.resolve("spark-home"));
    Path jars = Files.createDirectories(sparkHome.resolve("jars"));
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e);
      String name = p.getFileName().toString();
      // The in-process HDFS of HdfsIT is a test tool, not part of what a Spark install ships.
      if (e.endsWith(".jar")
          && Files.isRegularFile(p)
          && !name.startsWith("hadoop-client-minicluster")
          && !Files.exists(jars.resolve(p.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
      }
    }
  }

  /** A temporary folder under target/ (the SPARK_HOME links point into ~/.m2). */
  static Path newTmp(String prefix) throws IOException {
    return Files.createDirectories(
        SharedSpark.repo().resolve("target/" + prefix + "-" + System.currentTimeMillis()));
  }

  /** The shaded job jar failsafe names (built by the package phase). */
  static Path jobJar() {
    return Path.of(System.getProperty("marsad.jobJar"));
  }

  /**
   * Starts {@code mainClass} in a JVM of 1 GB heap on the Spark jars (plus {@code extraClasspath}
   * when not null) in folder {@code cwd}, its output to {@code tmp/<name>.log}.
   */
  Process start(String name, Path cwd, Path extraClasspath, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.addAll(Files.readAllLines(SharedSpark.repo().resolve("conf/jvm-opens.args")));
    cmd.add("-Dlog4j2.configurationFile=" + SharedSpark.repo().resolve("conf/log4j2.properties"));
    cmd.add("-cp");
    String cp = sparkHome.resolve("jars") + File.separator + "*";
    cmd.add(extraClasspath == null ? cp : cp + File.pathSeparator + extraClasspath);
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log(name).toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOG_DIR", tmp.resolve("logs").toString());
    // The launcher's variables would make relative paths resolve against another folder.
    env.remove("MARSAD_CWD");
    env.remove("MARSAD_HOME");
    return pb.start();
  }

  /** The log of the process started as {@code name}. */
  Path log(String name) {
    return tmp.resolve(name + ".log");
  }

  /**
   * Runs SparkSubmit with {@code sparkArgs}, the job jar and {@code marsadArgs} in folder {@code
   * cwd}; returns the process (started).
   */
  Process submit(
      String name, Path cwd, Path extraClasspath, List<String> sparkArgs, List<String> marsadArgs)
      throws IOException {
    List<String> a = new ArrayList<>(sparkArgs);
    a.addAll(
        List.of(
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--conf",
            "spark.driver.bindAddress=127.0.0.1",
            "--conf",
            "spark.ui.enabled=false",
            "--class",
            "org.marsad.cli.Marsad",
            jobJar().toString()));
    a.addAll(marsadArgs);
    if (!marsadArgs.isEmpty() && marsadArgs.get(0).equals("run")) {
      a.addAll(ItRuns.CLUSTER_FIT);
    }
    return start(
        name, cwd, extraClasspath, "org.apache.spark.deploy.SparkSubmit", a.toArray(new String[0]));
  }

  /** Waits for {@code p}; returns its log, or throws naming it when it timed out or failed. */
  String await(Process p, String name, int minutes) throws Exception {
    boolean done = p.waitFor(minutes, TimeUnit.MINUTES);
    String log = Files.readString(log(name));
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(name + " did not finish in " + minutes + " min; log:\n" + log);
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(name + " exited with " + p.exitValue() + "; log:\n" + log);
    }
    return log;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void waitForPort(int port, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException("nothing listened on port " + port);
  }
}
