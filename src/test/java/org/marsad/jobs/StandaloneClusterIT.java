package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;

/**
 * A real standalone Spark cluster on loopback: a Master and a Worker started from the Spark jars (a
 * folder of links to the Maven classpath serves as SPARK_HOME), the shaded job jar submitted
 * through SparkSubmit against it, and its tables compared with a local-mode run.
 */
@Tag("integration")
class StandaloneClusterIT {

  static Path tmp;
  static Path sparkHome;
  static int masterPort;
  static final List<Process> daemons = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    // Under target/ rather than a JUnit temp dir: the SPARK_HOME links point into ~/.m2.
    tmp =
        Files.createDirectories(
            SharedSpark.repo().resolve("target/it-cluster-" + System.currentTimeMillis()));
    sparkHome = Files.createDirectories(tmp.resolve("spark-home"));
    Path jars = Files.createDirectories(sparkHome.resolve("jars"));
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e);
      if (e.endsWith(".jar")
          && Files.isRegularFile(p)
          && !Files.exists(jars.resolve(p.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
      }
    }
    masterPort = freePort();
    daemons.add(
        start(
            "master",
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(masterPort),
            "--webui-port",
            Integer.toString(freePort())));
    waitForPort(masterPort, 120);
    daemons.add(
        start(
            "worker",
            "org.apache.spark.deploy.worker.Worker",
            "spark://127.0.0.1:" + masterPort,
            "--host",
            "127.0.0.1",
            "--cores",
            "2",
            "--memory",
            "2g",
            "--webui-port",
            Integer.toString(freePort()),
            "--work-dir",
            tmp.resolve("work").toString()));
  }

  @AfterAll
  static void stopCluster() {
    for (Process p : daemons) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  void shadedJarOnTheClusterGivesTheSameTablesAsLocalMode() throws Exception {
    Path jobJar = Path.of(System.getProperty("marsad.jobJar"));
    assertThat(jobJar).exists();
    String sample = SharedSpark.repo().resolve("sample-data/corpus").toString();
    String clusterOut = tmp.resolve("cluster-out").toString();
    Process submit =
        start(
            "submit",
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "spark://127.0.0.1:" + masterPort,
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--conf",
            "spark.driver.bindAddress=127.0.0.1",
            "--conf",
            "spark.executor.memory=1g",
            "--conf",
            "spark.sql.shuffle.partitions=4",
            "--conf",
            "spark.ui.enabled=false",
            "--class",
            "org.marsad.cli.Marsad",
            jobJar.toString(),
            "run",
            "--input",
            sample,
            "--output",
            clusterOut,
            "--min-collocation-count",
            "2",
            "--min-keyness-count",
            "2");
    boolean done = submit.waitFor(15, TimeUnit.MINUTES);
    String log = Files.readString(tmp.resolve("submit.log"), StandardCharsets.UTF_8);
    assertThat(done).as("spark-submit finished; log:\n%s", log).isTrue();
    assertThat(submit.exitValue()).as("spark-submit exit code; log:\n%s", log).isZero();
    // The driver wrote the report with ECharts read from the shaded jar.
    assertThat(Files.readString(Path.of(clusterOut, "report", "index.html")))
        .contains("Licensed to the Apache Software Foundation");
    // Executors really ran on the Worker: it made an app-* folder with an executor's stderr.
    try (var apps = Files.list(tmp.resolve("work"))) {
      assertThat(apps.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("app-"));
    }

    String localOut = tmp.resolve("local-out").toString();
    MarsadJob.run(
        SharedSpark.get(),
        JobTestSupport.config(sample, localOut, org.marsad.corpus.CorpusOptions.defaults()),
        MarsadJob.ALL,
        "local");
    for (String t : SampleGoldenTest.TABLES) {
      Dataset<Row> a = JobTestSupport.table(clusterOut, t);
      Dataset<Row> b = JobTestSupport.table(localOut, t);
      assertThat(a.count()).as(t).isEqualTo(b.count());
      assertThat(a.exceptAll(b).count()).as("rows of %s only on the cluster", t).isZero();
      assertThat(b.exceptAll(a).count()).as("rows of %s only in local mode", t).isZero();
    }
  }

  private static Process start(String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.addAll(Files.readAllLines(SharedSpark.repo().resolve("conf/jvm-opens.args")));
    cmd.add("-Dlog4j2.configurationFile=" + SharedSpark.repo().resolve("conf/log4j2.properties"));
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("jars") + File.separator + "*");
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOG_DIR", tmp.resolve("logs").toString());
    return pb.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void waitForPort(int port, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException("Spark master did not listen on port " + port);
  }
}
