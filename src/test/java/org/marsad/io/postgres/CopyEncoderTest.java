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
  void escapesBackslashTabAndLineBreaksAndKeepsArabic() {
    assertThat(field("روسيا\tو\\كازاخستان\r\nAB")).isEqualTo("روسيا\\tو\\\\كازاخستان\\r\\nAB");
    assertThat(field(null)).isEqualTo("\\N");
    assertThat(field("\\N")).isEqualTo("\\\\N");
  }

  @Test
  void aNulIsEncodedSoThatIdsDifferingOnlyByItStayDistinctAndDecodeBack() {
    assertThat(field("A\0B")).isEqualTo("A\u24000B");
    assertThat(field("A\u2400B")).isEqualTo("A\u2400\u2400B");
    assertThat(field("plain ␄ text")).isEqualTo("plain ␄ text");
    assertThat(field(List.of("x\0", "y"))).isEqualTo("{\"x\u24000\",\"y\"}");
    // One-to-one over every string of NUL, ␀, 0 and a, up to five characters.
    java.util.Set<String> encoded = new java.util.HashSet<>();
    List<String> all = new java.util.ArrayList<>(List.of(""));
    for (int len = 1; len <= 5; len++) {
      List<String> next = new java.util.ArrayList<>();
      for (String s : all) {
        if (s.length() == len - 1) {
          for (char c : new char[] {'\0', '\u2400', '0', 'a'}) {
            next.add(s + c);
          }
        }
      }
      all.addAll(next);
    }
    for (String s : all) {
      String e = CopyEncoder.encodeNul(s);
      assertThat(e).doesNotContain("\0");
      assertThat(CopyEncoder.decode(e)).isEqualTo(s);
      assertThat(encoded.add(e)).as("%s encodes like another string", s).isTrue();
    }
    assertThat(encoded).hasSize(1 + 4 + 16 + 64 + 256 + 1024);
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
