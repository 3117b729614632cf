package org.marsad.jobs;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * The run's progress on a terminal: one line, rewritten in place every second, with the stage of
 * the run (n of m), the tasks done of the current Spark work, the share of the input the analysis
 * pass has read and an estimate of the time left; nothing in a file or on CI (no console), where
 * the stage lines say enough. It replaces Spark's progress bar, which counts Spark's own stages (a
 * run has dozens) and says nothing of the whole.
 */
final class Progress extends SparkListener implements AutoCloseable {

  private final PrintStream out;
  private final boolean on;
  private final SparkContext sc;
  private final long inputBytes;
  private final long started = System.nanoTime();
  private final Map<Integer, Integer> stageTasks = new ConcurrentHashMap<>();
  private final AtomicLong tasksDone = new AtomicLong();
  private final AtomicLong tasksRunning = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private volatile String stage = "load";
  private volatile int index = 1;
  private volatile int stages = 1;
  private volatile long stageStarted = System.nanoTime();
  private volatile boolean reading = true;
  private Thread printer;
  private int width;

  /**
   * Progress of a run on {@code sc} reading {@code inputBytes} of input; printed only when {@code
   * on} (a terminal).
   */
  Progress(SparkContext sc, long inputBytes, boolean on) {
    this.sc = sc;
    this.inputBytes = inputBytes;
    this.on = on;
    this.out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    if (on) {
      sc.addSparkListener(this);
      printer =
          new Thread(
              () -> {
                try {
                  while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    print();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "marsad-progress");
      printer.setDaemon(true);
      printer.start();
    }
  }

  /** True when progress should be drawn: standard error is a terminal and not verbose. */
  static boolean wanted() {
    return System.console() != null && !Boolean.getBoolean("marsad.verbose");
  }

  /** The run enters stage {@code name}, the {@code n}th of {@code of}. */
  synchronized void stage(String name, int n, int of) {
    clear();
    stage = name;
    index = n;
    stages = of;
    stageStarted = System.nanoTime();
    reading = name.equals("load");
  }

  /** Clears the progress line before a log line is printed. */
  synchronized void clear() {
    if (on && width > 0) {
      out.print("\r" + " ".repeat(width) + "\r");
      out.flush();
      width = 0;
    }
  }

  private synchronized void print() {
    long now = System.nanoTime();
    StringBuilder b =
        new StringBuilder("[")
            .append(index)
            .append('/')
            .append(stages)
            .append(' ')
            .append(stage)
            .append("] ");
    long total = 0;
    for (int n : stageTasks.values()) {
      total += n;
    }
    if (total > 0) {
      b.append(tasksDone.get()).append('/').append(total).append(" tasks");
    }
    if (reading && inputBytes > 0) {
      double share = Math.min(1, (double) bytesRead.get() / inputBytes);
      b.append(String.format(Locale.ROOT, ", input read %.0f%%", share * 100));
      double elapsed = (now - stageStarted) / 1e9;
      if (share > 0.05 && share < 1) {
        b.append(", about ").append(duration(elapsed * (1 - share) / share)).append(" left");
      }
    }
    b.append(" · ").append(duration((now - started) / 1e9)).append(" in all");
    String line = b.toString();
    out.print("\r" + line + (line.length() < width ? " ".repeat(width - line.length()) : ""));
    out.flush();
    width = line.length();
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    stageTasks.put(e.stageInfo().stageId(), e.stageInfo().numTasks());
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    Integer n = stageTasks.remove(e.stageInfo().stageId());
    if (n != null) {
      tasksDone.addAndGet(-Math.min(n, tasksDone.get()));
    }
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart e) {
    tasksRunning.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    tasksRunning.decrementAndGet();
    if (stageTasks.containsKey(e.stageId())) {
      tasksDone.incrementAndGet();
    }
    if (e.taskMetrics() != null) {
      bytesRead.addAndGet(e.taskMetrics().inputMetrics().bytesRead());
    }
  }

  @Override
  public void close() {
    if (on) {
      printer.interrupt();
      sc.removeSparkListener(this);
      clear();
    }
  }
}
