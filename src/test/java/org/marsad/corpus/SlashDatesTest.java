package org.marsad.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The day-first or month-first decision, and the parser it configures. */
@Tag("unit")
class SlashDatesTest {

  @Test
  void secondFieldsAbove12MakeTheCorpusMonthFirst() {
    SlashDates.Decision d = SlashDates.decide("date", 40, 0, 12, "03/09/2021", null, "03/19/2021");
    assertThat(d.order()).isEqualTo(SlashOrder.MONTH_FIRST);
    assertThat(d.ambiguous()).isFalse();
    assertThat(d.reason())
        .isEqualTo(
            "column 'date': 40 slash dates read month-first (MM/dd/yyyy): 12 such as 03/19/2021"
                + " fit no other reading");
    assertThat(d.toManifest())
        .containsEntry("slash_order", "month-first")
        .containsEntry("ambiguous", false)
        .containsEntry("month_first_only", 12L);
  }

  @Test
  void firstFieldsAbove12KeepItDayFirst() {
    SlashDates.Decision d = SlashDates.decide("date", 9, 3, 0, "03/09/2021", "22/05/2017", null);
    assertThat(d.order()).isEqualTo(SlashOrder.DAY_FIRST);
    assertThat(d.ambiguous()).isFalse();
  }

  @Test
  void whenEveryValueFitsBothItIsReadDayFirstAndSaysSo() {
    SlashDates.Decision d = SlashDates.decide("time", 1234, 0, 0, "03/09/2021", null, null);
    assertThat(d.order()).isEqualTo(SlashOrder.DAY_FIRST);
    assertThat(d.ambiguous()).isTrue();
    assertThat(d.reason())
        .isEqualTo(
            "column 'time': 1,234 slash dates such as 03/09/2021 fit both day-first and"
                + " month-first; read day-first (dd/MM/yyyy); if they are month-first, set"
                + " --date-format MM/dd/yyyy");
    assertThat(d.toManifest())
        .containsEntry("ambiguous", true)
        .containsEntry("slash_order", "day-first");
  }

  @Test
  void aCorpusMixedBothWaysStopsNamingDateFormat() {
    assertThatThrownBy(
            () -> SlashDates.decide("date", 50, 30, 2, "01/02/2021", "31/01/2021", "01/31/2021"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read dates: column 'date' mixes day-first slash dates (30 such as 31/01/2021)"
                + " and month-first ones (2 such as 01/31/2021); set --date-format dd/MM/yyyy or"
                + " --date-format MM/dd/yyyy (values that do not fit it are then rejected as"
                + " bad_date)");
  }

  @Test
  void noSlashDatesNoDecision() {
    SlashDates.Decision d = SlashDates.decide("date", 0, 0, 0, null, null, null);
    assertThat(d.order()).isEqualTo(SlashOrder.DAY_FIRST);
    assertThat(d.ambiguous()).isFalse();
  }

  @Test
  void theParserReadsSlashDatesInTheDecidedOrder() {
    DateParser us = new DateParser(List.of(), SlashOrder.MONTH_FIRST);
    assertThat(us.parse("03/09/2021")).isEqualTo(Instant.parse("2021-03-09T00:00:00Z"));
    assertThat(us.parse("3/19/2021 14:05")).isEqualTo(Instant.parse("2021-03-19T14:05:00Z"));
    assertThat(us.parse("19/03/2021")).isNull();
    assertThat(us.parse("2021/03/19")).isEqualTo(Instant.parse("2021-03-19T00:00:00Z"));
    DateParser eu = new DateParser(List.of());
    assertThat(eu.parse("03/09/2021")).isEqualTo(Instant.parse("2021-09-03T00:00:00Z"));
    assertThat(eu.parse("03/19/2021")).isNull();
  }

  @Test
  void aUserSlashPatternReplacesTheBuiltInOnes() {
    DateParser p = new DateParser(List.of("MM/dd/yyyy"), SlashOrder.DAY_FIRST);
    assertThat(p.parse("03/09/2021")).isEqualTo(Instant.parse("2021-03-09T00:00:00Z"));
    assertThat(DateParser.userReadsSlashDates(List.of("dd/MM/yy"))).isTrue();
    assertThat(DateParser.userReadsSlashDates(List.of("yyyy/MM/dd HH:mm", "yyyyMMdd"))).isFalse();
  }

  @Test
  void theOrderTravelsWithTheSerializedParser() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(b)) {
      o.writeObject(CorpusOptions.defaults().withSlashOrder(SlashOrder.MONTH_FIRST).dateParser());
    }
    DateParser back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b.toByteArray()))) {
      back = (DateParser) in.readObject();
    }
    assertThat(back.slashOrder()).isEqualTo(SlashOrder.MONTH_FIRST);
    assertThat(back.parse("03/09/2021")).isEqualTo(Instant.parse("2021-03-09T00:00:00Z"));
  }
}
