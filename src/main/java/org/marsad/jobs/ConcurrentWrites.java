package org.marsad.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;

/**
 * Independent table writes of one stage, run by {@code threads} driver threads at once in the Spark
 * scheduler pool {@link #POOL} (FAIR between them, see {@code fairscheduler.xml}): while one
 * write's job is planned, committed or waits for its last task, another's tasks use the cores. One
 * thread writes in the caller's thread, one after another, as before.
 *
 * <p>Each write runs under the job group and description its stage gave, set again in the worker
 * thread (Spark's job properties are per thread). {@link #await} waits for every write submitted
 * since the last call and throws the first failure as it was thrown, so that {@link Failures}
 * explains it as it explains a write of the caller's thread.
 */
final class ConcurrentWrites implements AutoCloseable {

  /** The scheduler pool of the writes, declared in {@code fairscheduler.xml}. */
  static final String POOL = "marsad-writers";

  private static final String EXECUTION_ID = "spark.sql.execution.id";

  private final SparkContext sc;
  private final ExecutorService pool;
  private final List<Future<?>> pending = new ArrayList<>();

  ConcurrentWrites(SparkContext sc, int threads) {
    this.sc = sc;
    if (threads <= 1) {
      this.pool = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "marsad-writer-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    }
  }

  /**
   * Writes one table in job group {@code group} ({@code description}): now (one thread) or in a
   * worker thread.
   */
  void submit(String group, String description, Runnable write) {
    if (pool == null) {
      sc.setJobGroup(group, description, false);
      write.run();
      return;
    }
    pending.add(
        pool.submit(
            () -> {
              sc.setJobGroup(group, description, false);
              sc.setLocalProperty("spark.scheduler.pool", POOL);
              // A worker made while a query ran would carry its id and refuse to start its own.
              sc.setLocalProperty(EXECUTION_ID, null);
              try {
                write.run();
              } finally {
                sc.setLocalProperty("spark.scheduler.pool", null);
                sc.clearJobGroup();
              }
            }));
  }

  /** Waits for every write submitted; rethrows the first failure once all have ended. */
  void await() {
    Throwable first = null;
    boolean interrupted = false;
    for (Future<?> f : pending) {
      while (true) {
        try {
          f.get();
          break;
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() == null ? e : e.getCause();
          }
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          if (first == null) {
            first = e;
          }
          f.cancel(true);
          break;
        }
      }
    }
    pending.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (first instanceof RuntimeException re) {
      throw re;
    }
    if (first instanceof Error err) {
      throw err;
    }
    if (first != null) {
      throw new IllegalStateException(first.getMessage(), first);
    }
  }

  /** Stops the workers: a write still running is interrupted and waited for up to a minute. */
  @Override
  public void close() {
    if (pool != null && !pool.isShutdown()) {
      pool.shutdownNow();
      try {
        pool.awaitTermination(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
