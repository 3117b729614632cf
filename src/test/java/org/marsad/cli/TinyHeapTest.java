package org.marsad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.io.MarsadProcess;

/**
 * A real out-of-memory: the command line in its own JVM with a heap of 480 MB (the least Spark
 * starts in) on 12,000 documents of about 3 KB of words that are almost all distinct (here the
 * Parquet reader's batches of 4,096 texts already exhaust the heap). The run must fail with
 * Marsad's explanation (out of memory, the heap, the stage, the memory setting) and exit 1, not die
 * with Spark's exit code 52 or a Spark-internal error (another failing task may still log its error
 * after the explanation), and leave no output folder behind.
 */
@Tag("integration")
class TinyHeapTest {

  @TempDir Path tmp;

  @Test
  void aRunOutOfMemorySaysSoNamesTheStageAndTheSettingAndExitsOne() throws Exception {
    String corpus = tmp.resolve("corpus").toString();
    SharedSpark.get()
        .range(0, DOCS, 1, 4)
        .map((MapFunction<Long, String>) TinyHeapTest::text, Encoders.STRING())
        .withColumnRenamed("value", "text")
        .selectExpr("cast(monotonically_increasing_id() as string) as id", "text")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(corpus);
    Path log = tmp.resolve("log.txt");
    Process p =
        MarsadProcess.start(
            tmp, log, List.of("-Xmx480m"), "terms", "--input", "corpus", "--output", "out");
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("ends within 5 minutes").isTrue();
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isEqualTo(1);
    assertThat(out)
        .contains("marsad: Cannot finish the run: out of memory in a heap of 0.5 GB (stage ")
        .contains("MARSAD_DRIVER_MEMORY=8g");
    assertThat(out).doesNotContain("NullPointerException").doesNotContain("driverEndpoint");
    assertThat(Files.exists(tmp.resolve("out/_manifest.json"))).isFalse();
  }

  private static final long DOCS = 12_000;
  private static final String LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

  /** 300 pseudo-words of 6–11 Arabic letters: almost every word and bigram is new. */
  private static String text(Long id) {
    SplittableRandom r = new SplittableRandom(id);
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < 300; w++) {
      int len = 6 + r.nextInt(6);
      for (int i = 0; i < len; i++) {
        b.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
      }
      b.append(w % 15 == 14 ? ". " : " ");
    }
    return b.toString();
  }
}
