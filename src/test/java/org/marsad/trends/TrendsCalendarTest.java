package org.marsad.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.corpus.Period;

/** The calendar predecessor of every kind of period label, across month and year ends. */
@Tag("unit")
class TrendsCalendarTest {

  @Test
  void previousIsTheCalendarPredecessor() {
    assertThat(PeriodCalendar.previous("2018-03-01")).isEqualTo("2018-02-28");
    assertThat(PeriodCalendar.previous("2016-03-01")).isEqualTo("2016-02-29");
    assertThat(PeriodCalendar.previous("2018-01")).isEqualTo("2017-12");
    assertThat(PeriodCalendar.previous("2018")).isEqualTo("2017");
    assertThat(PeriodCalendar.previous("2018-W07")).isEqualTo("2018-W06");
    // 2020 has 53 ISO weeks; 2018-12-31 is a Monday in week 1 of 2019.
    assertThat(PeriodCalendar.previous("2021-W01")).isEqualTo("2020-W53");
    assertThat(PeriodCalendar.previous("2019-W01")).isEqualTo("2018-W52");
  }

  @Test
  void slotsAreConsecutiveWithinAKind() {
    assertThat(PeriodCalendar.slot("1970-01-01")).isEqualTo(new PeriodCalendar.Slot("day", 0));
    assertThat(PeriodCalendar.slot("1970-W02")).isEqualTo(new PeriodCalendar.Slot("week", 0));
    assertThat(PeriodCalendar.slot("1970-W01")).isEqualTo(new PeriodCalendar.Slot("week", -1));
    assertThat(PeriodCalendar.slot("2018-02")).isEqualTo(new PeriodCalendar.Slot("month", 24217));
    assertThat(PeriodCalendar.slot("2018")).isEqualTo(new PeriodCalendar.Slot("year", 2018));
    // Every day of two years: the label Period gives it, and each week follows the one before.
    String lastWeek = null;
    for (LocalDate d = LocalDate.of(2019, 12, 1); d.isBefore(LocalDate.of(2022, 1, 10)); ) {
      Instant t = d.atStartOfDay().toInstant(ZoneOffset.UTC);
      String week = Period.WEEK.label(t);
      String day = Period.DAY.label(t);
      assertThat(PeriodCalendar.label(PeriodCalendar.slot(day))).isEqualTo(day);
      assertThat(PeriodCalendar.label(PeriodCalendar.slot(week))).isEqualTo(week);
      if (!week.equals(lastWeek) && lastWeek != null) {
        assertThat(PeriodCalendar.previous(week)).isEqualTo(lastWeek);
      }
      lastWeek = week;
      d = d.plusDays(1);
    }
  }

  @Test
  void allAndNonLabelsHaveNoSlot() {
    assertThat(PeriodCalendar.slot("all")).isNull();
    assertThat(PeriodCalendar.slot(null)).isNull();
    assertThat(PeriodCalendar.slot("2018-13")).isNull();
    assertThat(PeriodCalendar.slot("2018-02-30")).isNull();
    assertThat(PeriodCalendar.slot("2019-W53")).isNull();
    assertThat(PeriodCalendar.slot("W07")).isNull();
    assertThat(PeriodCalendar.previous("all")).isNull();
    assertThatThrownBy(() -> PeriodCalendar.label(new PeriodCalendar.Slot("decade", 1)))
        .hasMessage("Cannot name a period: unknown kind (decade)");
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new TrendSettings(0, 3, 10.83, 1))
        .hasMessage("Cannot compute trends: the window must be 1 to 1000 periods (0)");
    assertThatThrownBy(() -> new TrendSettings(6, 0, 10.83, 1))
        .hasMessage("Cannot compute trends: the minimum of documents must be at least 1 (0)");
  }
}
