package org.marsad.io.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** COPY text-format fields; the PostgreSQL tests check the round trip through a real server. */
@Tag("unit")
class CopyEncoderTest {

  private static String field(Object v) {
    StringBuilder b = new StringBuilder();
    CopyEncoder.appendField(b, v);
    return b.toString();
  }

  @Test
  void escapesBackslashTabAndLineBreaksDropsNulAndKeepsArabic() {
    assertThat(field("روسيا\tو\\كازاخستان\r\nA\0B")).isEqualTo("روسيا\\tو\\\\كازاخستان\\r\\nAB");
    assertThat(field(null)).isEqualTo("\\N");
    assertThat(field("\\N")).isEqualTo("\\\\N");
  }

  @Test
  void doublesRoundTripAndSpecialValuesUsePostgresSpelling() {
    assertThat(field(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(Double.parseDouble(field(1e-300))).isEqualTo(1e-300);
    assertThat(field(Double.NaN)).isEqualTo("NaN");
    assertThat(field(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(field(Float.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(field(new BigDecimal("1E+3"))).isEqualTo("1000");
  }

  @Test
  void timestampsAreUtcInstantsWhateverTheJvmZone() {
    Instant i = Instant.parse("2021-09-16T00:00:00Z");
    assertThat(field(Timestamp.from(i))).isEqualTo("2021-09-16T00:00:00Z");
    assertThat(field(i)).isEqualTo("2021-09-16T00:00:00Z");
    assertThat(field(true)).isEqualTo("t");
    assertThat(field(new byte[] {1, (byte) 0xAB})).isEqualTo("\\\\x01ab");
  }

  @Test
  void arraysQuoteEveryElementAndEscapeTwice() {
    assertThat(field(List.of("a,b", "x\"y"))).isEqualTo("{\"a,b\",\"x\\\\\"y\"}");
    assertThat(field(Arrays.asList("d1", null))).isEqualTo("{\"d1\",NULL}");
    assertThat(field(scala.jdk.javaapi.CollectionConverters.asScala(List.of("ب\\")).toSeq()))
        .isEqualTo("{\"ب\\\\\\\\\"}");
    assertThat(field(List.of())).isEqualTo("{}");
  }
}
