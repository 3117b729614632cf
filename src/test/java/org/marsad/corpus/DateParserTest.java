package org.marsad.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class DateParserTest {

  private final DateParser parser = new DateParser(List.of());

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Sun, 18 Feb 2018 21:35:43 +0400|2018-02-18T17:35:43Z",
        "Fri, 01 Jun 2018 00:10:10 GMT|2018-06-01T00:10:10Z",
        "22/05/2017|2017-05-22T00:00:00Z",
        "2017-06-10T17:30:00+01:00|2017-06-10T16:30:00Z",
        "2017-01-22T185600|2017-01-22T18:56:00Z",
        "9-MAR-1987 10:36:08.22|1987-03-09T10:36:08.220Z",
        "26-FEB-1987 15:01:01.79|1987-02-26T15:01:01.790Z",
        "2018-02-18|2018-02-18T00:00:00Z",
        "2018-02-18 21:35:43|2018-02-18T21:35:43Z",
        "2018-02-18T21:35:43Z|2018-02-18T21:35:43Z",
        "  2018/02/18 |2018-02-18T00:00:00Z",
        "3-MAR-1987  09:15:05.40|1987-03-03T09:15:05.400Z",
        "27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM|1987-03-27T00:02:59.130Z"
      })
  void parsesTheFormatsNewsCorporaUse(String in, String expected) {
    assertThat(parser.parse(in)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void returnsNullForGarbageAndTriesUserPatternsLast() {
    assertThat(parser.parse("yesterday")).isNull();
    assertThat(parser.parse("")).isNull();
    assertThat(new DateParser(List.of("yyyyMMdd")).parse("20180218"))
        .isEqualTo(Instant.parse("2018-02-18T00:00:00Z"));
  }

  @Test
  void rejectsInvalidUserPatterns() {
    assertThatThrownBy(() -> new DateParser(List.of("yyyy-MM-dd'")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--date-format");
  }

  @Test
  void labelsPeriods() {
    Instant t = Instant.parse("2018-01-01T10:00:00Z");
    assertThat(Period.DAY.label(t)).isEqualTo("2018-01-01");
    assertThat(Period.WEEK.label(t)).isEqualTo("2018-W01");
    assertThat(Period.WEEK.label(Instant.parse("2016-01-01T00:00:00Z"))).isEqualTo("2015-W53");
    assertThat(Period.MONTH.label(t)).isEqualTo("2018-01");
    assertThat(Period.YEAR.label(t)).isEqualTo("2018");
    assertThat(Period.MONTH.label(null)).isEqualTo("all");
    assertThatThrownBy(() -> Period.parse("fortnight")).hasMessageContaining("--period");
  }
}
