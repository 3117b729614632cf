package org.marsad.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * A driver-side listener for StandaloneClusterIT (given with {@code spark.extraListeners}): writes
 * one line per executor added or removed, per task start and end of the analysis job (the one
 * described {@value #ANALYSIS}) and per failed task to the file named by {@value #EVENTS}, so the
 * test knows when the analysis is running on which executor and can check afterwards what Spark
 * retried.
 */
public final class TaskEventsListener extends SparkListener {

  /** Spark setting naming the events file. */
  public static final String EVENTS = "spark.marsad.test.events";

  /** The job description of the analysis pass (TableWriter.intermediate). */
  public static final String ANALYSIS = "analyse documents";

  private final Path file;
  private final Set<Integer> analysisStages = ConcurrentHashMap.newKeySet();

  /** Spark's constructor for listeners of {@code spark.extraListeners}. */
  public TaskEventsListener(SparkConf conf) {
    this.file = Path.of(conf.get(EVENTS));
  }

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    String description =
        job.properties() == null ? null : job.properties().getProperty("spark.job.description");
    // The description stays set for the jobs that follow: the first job carrying it is the pass.
    if (ANALYSIS.equals(description) && analysisStages.isEmpty()) {
      scala.jdk.javaapi.CollectionConverters.asJava(job.stageIds())
          .forEach(s -> analysisStages.add((Integer) s));
      write("analysis-job " + job.jobId());
    }
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart task) {
    if (analysisStages.contains(task.stageId())) {
      write(
          "analysis-task-start stage="
              + task.stageId()
              + " executor="
              + task.taskInfo().executorId()
              + " task="
              + task.taskInfo().index());
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd task) {
    if (task.reason() == Success$.MODULE$ && analysisStages.contains(task.stageId())) {
      // How long an analysis task runs: the margin the kill has.
      write(
          "analysis-task-end stage="
              + task.stageId()
              + " executor="
              + task.taskInfo().executorId()
              + " task="
              + task.taskInfo().index()
              + " ms="
              + task.taskInfo().duration());
    } else if (task.reason() != Success$.MODULE$) {
      write(
          "task-failed stage="
              + task.stageId()
              + (analysisStages.contains(task.stageId()) ? " analysis" : "")
              + " executor="
              + task.taskInfo().executorId()
              + " reason="
              + task.reason().toString().replace('\n', ' '));
    }
  }

  @Override
  public void onExecutorAdded(SparkListenerExecutorAdded e) {
    write("executor-added " + e.executorId());
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
    write("executor-removed " + e.executorId() + " " + e.reason().replace('\n', ' '));
  }

  private synchronized void write(String line) {
    try {
      Files.writeString(
          file,
          System.currentTimeMillis() + " " + line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
