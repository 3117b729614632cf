package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;

/**
 * A real standalone Spark cluster on loopback: a Master and a Worker started from the Spark jars (a
 * folder of links to the Maven classpath serves as SPARK_HOME), the shaded job jar submitted
 * through SparkSubmit against it with user files that only the driver can read, one executor killed
 * while it analyses the corpus, and every table compared with a local-mode run.
 *
 * <p>Driver-only files: the gazetteer and stop list are given as relative paths, which resolve
 * against the working folder of the driver (SparkSubmit, started in {@code driver/}); an executor
 * runs in the Worker's {@code work/app-*}/{@code <id>/} folder, where they do not exist (checked
 * through {@code /proc/<pid>/cwd}), and the files are deleted before the kill, so the tasks Spark
 * retries on the replacement executor could not read them even by absolute path.
 *
 * <p>The kill is made deterministic by the driver itself: {@link TaskEventsListener} (on the
 * driver's classpath, {@code spark.extraListeners}) writes a line when the first task of the
 * analysis job starts and names its executor; the test kills that executor's JVM (SIGKILL) as soon
 * as it reads the line, while the task is still analysing its share of the corpus: on a fresh
 * executor an analysis task loads the analysers and ran about 3 s (the listener logs each task's
 * duration), where the kill landed 0.2 to 0.4 s after the task's start. The input is 5 files, so
 * the two executors each run an analysis task. Afterwards the events must show a failed analysis
 * task on the killed executor and a new executor added, i.e. that Spark really retried the stage's
 * tasks; if a much faster machine ever finished the task before the kill, that check fails with the
 * events in its message rather than passing without a retry.
 */
@Tag("integration")
class StandaloneClusterIT {

  static SparkProcesses spark;
  static int masterPort;
  static Process worker;
  static final List<Process> daemons = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    spark = new SparkProcesses(SparkProcesses.newTmp("it-cluster"));
    Path tmp = spark.tmp;
    masterPort = SparkProcesses.freePort();
    daemons.add(
        spark.start(
            "master",
            tmp,
            null,
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(masterPort),
            "--webui-port",
            Integer.toString(SparkProcesses.freePort())));
    SparkProcesses.waitForPort(masterPort, 120);
    worker =
        spark.start(
            "worker",
            tmp,
            null,
            "org.apache.spark.deploy.worker.Worker",
            "spark://127.0.0.1:" + masterPort,
            "--host",
            "127.0.0.1",
            "--cores",
            "2",
            "--memory",
            "2g",
            "--webui-port",
            Integer.toString(SparkProcesses.freePort()),
            "--work-dir",
            tmp.resolve("work").toString());
    daemons.add(worker);
  }

  @AfterAll
  static void stopCluster() {
    for (Process p : daemons) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  void withDriverOnlyFilesAndAnExecutorKilledTheClusterGivesTheLocalTables() throws Exception {
    assertThat(SparkProcesses.jobJar()).exists();
    String reference = ItRuns.reference();
    String input = ItRuns.splitSample();
    Path tmp = spark.tmp;
    Path driver = Files.createDirectories(tmp.resolve("driver"));
    ItRuns.writeOverrides(driver);
    Path events = tmp.resolve("events.txt");
    String out = tmp.resolve("cluster-out").toString();
    long t0 = System.nanoTime();
    Process submit =
        spark.submit(
            "submit",
            driver,
            SharedSpark.repo().resolve("target/test-classes"),
            List.of(
                "--master",
                "spark://127.0.0.1:" + masterPort,
                "--conf",
                "spark.executor.memory=1g",
                // Two executors of one core on the 2-core Worker: shuffle blocks cross executors.
                "--conf",
                "spark.executor.cores=1",
                "--conf",
                "spark.sql.shuffle.partitions=4",
                "--conf",
                "spark.extraListeners=" + TaskEventsListener.class.getName(),
                "--conf",
                TaskEventsListener.EVENTS + "=" + events),
            ItRuns.runArgs(input, out, ItRuns.GAZETTEER, ItRuns.STOPWORDS_AR));

    // When the first analysis task starts: delete the user files, check where the executor runs,
    // kill it.
    String started = awaitLine(events, "analysis-task-start", submit, 10);
    String executorId = started.replaceAll(".* executor=(\\S+).*", "$1");
    try (Stream<Path> f = Files.walk(driver)) {
      f.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    ProcessHandle executor = executorProcess(executorId);
    Path executorCwd = Path.of("/proc", Long.toString(executor.pid()), "cwd").toRealPath();
    assertThat(executorCwd.toString()).contains("/work/app-").endsWith("/" + executorId);
    assertThat(executorCwd.resolve(ItRuns.GAZETTEER)).doesNotExist();
    assertThat(executorCwd.resolve(ItRuns.STOPWORDS_AR)).doesNotExist();
    executor.destroyForcibly();
    long killedAt = System.currentTimeMillis();

    String log = spark.await(submit, "submit", 15);
    System.out.printf("[it] cluster run: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    List<String> ev = Files.readAllLines(events);
    assertThat(ev)
        .as(
            "a task of the analysis failed with its executor (killed at %d); events:\n%s\nlog:\n%s",
            killedAt, String.join("\n", ev), log)
        .anyMatch(
            l ->
                l.contains("task-failed")
                    && l.contains(" analysis ")
                    && l.contains("executor=" + executorId + " ")
                    && l.contains("ExecutorLostFailure"));
    assertThat(ev)
        .as("the Worker started a new executor")
        .anyMatch(l -> l.contains("executor-added") && !l.endsWith(" " + executorId));
    // The driver wrote the report with ECharts read from the shaded jar.
    assertThat(Files.readString(Path.of(out, "report", "index.html")))
        .contains("Licensed to the Apache Software Foundation");

    ItRuns.assertFitOn(out, "cluster");
    ItRuns.assertFitOn(reference, "driver");
    ItRuns.assertOverridesShow(out);
    assertThat(TableComparison.differences(out, reference))
        .as("tables of the cluster run that differ from local mode")
        .isEmpty();
  }

  /** Waits up to {@code minutes} for a line containing {@code what} in {@code file}. */
  private static String awaitLine(Path file, String what, Process submit, int minutes)
      throws Exception {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
    while (System.nanoTime() < end) {
      if (Files.exists(file)) {
        Optional<String> l =
            Files.readAllLines(file).stream().filter(x -> x.contains(what)).findFirst();
        if (l.isPresent()) {
          return l.get();
        }
      }
      if (!submit.isAlive()) {
        throw new AssertionError(
            "spark-submit ended before '" + what + "':\n" + Files.readString(spark.log("submit")));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no '" + what + "' in " + minutes + " min");
  }

  /** The JVM of executor {@code id}: a child of the Worker running CoarseGrainedExecutorBackend. */
  private static ProcessHandle executorProcess(String id) {
    return worker
        .descendants()
        .filter(
            p -> {
              List<String> args = List.of(p.info().arguments().orElse(new String[0]));
              int i = args.indexOf("--executor-id");
              return args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
                  && i >= 0
                  && i + 1 < args.size()
                  && args.get(i + 1).equals(id);
            })
        .findFirst()
        .orElseThrow(() -> new AssertionError("no executor process with --executor-id " + id));
  }
}
