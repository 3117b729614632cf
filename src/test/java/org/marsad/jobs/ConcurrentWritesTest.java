package org.marsad.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;

@Tag("spark")
class ConcurrentWritesTest {

  private final SparkSession spark = SharedSpark.get();
  private final SparkContext sc = spark.sparkContext();

  @Test
  void writesRunAtOnceInTheirStagesGroupAndPool() throws Exception {
    Map<String, String> seen = new ConcurrentHashMap<>();
    // Three writes that can only finish when all three have started: they ran at once.
    CountDownLatch started = new CountDownLatch(3);
    try (ConcurrentWrites w = new ConcurrentWrites(sc, 3)) {
      for (String t : List.of("a", "b", "c")) {
        w.submit(
            "marsad-terms",
            "terms",
            () -> {
              started.countDown();
              try {
                assertTrue(started.await(60, TimeUnit.SECONDS), "writes did not run at once");
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              // A real job runs in the worker thread, in the stage's group.
              long n = spark.range(10).count();
              seen.put(
                  t,
                  sc.getLocalProperty("spark.jobGroup.id")
                      + "|"
                      + sc.getLocalProperty("spark.scheduler.pool")
                      + "|"
                      + n
                      + "|"
                      + Thread.currentThread().getName());
            });
      }
      w.await();
    }
    assertEquals(3, seen.size());
    for (String v : seen.values()) {
      assertTrue(v.startsWith("marsad-terms|" + ConcurrentWrites.POOL + "|10|marsad-writer-"), v);
    }
  }

  @Test
  void oneWriterWritesInTheCallersThread() {
    String caller = Thread.currentThread().getName();
    String[] ran = new String[1];
    try (ConcurrentWrites w = new ConcurrentWrites(sc, 1)) {
      w.submit("marsad-states", "states", () -> ran[0] = Thread.currentThread().getName());
      assertEquals(caller, ran[0], "one writer writes before submit returns");
      assertEquals("marsad-states", sc.getLocalProperty("spark.jobGroup.id"));
      w.await();
    } finally {
      sc.clearJobGroup();
    }
  }

  @Test
  void theFirstFailureIsThrownAsItWasOnceAllWritesEnded() {
    IllegalStateException boom = new IllegalStateException("Cannot write x: disk full");
    AtomicInteger finished = new AtomicInteger();
    try (ConcurrentWrites w = new ConcurrentWrites(sc, 2)) {
      w.submit(
          "marsad-terms",
          "terms",
          () -> {
            throw boom;
          });
      for (int i = 0; i < 3; i++) {
        w.submit(
            "marsad-terms",
            "terms",
            () -> {
              spark.range(5).as(Encoders.LONG()).collectAsList();
              finished.incrementAndGet();
            });
      }
      IllegalStateException thrown = assertThrows(IllegalStateException.class, w::await);
      assertSame(boom, thrown);
      assertEquals(3, finished.get(), "the other writes ran to their end before the throw");
      // The failure is reported once: the next stage starts clean.
      w.await();
    }
  }
}
