package org.marsad.trends;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marsad.corpus.Period;

/**
 * Calendar arithmetic on period labels ({@code 2018-02-18}, {@code 2018-W07}, {@code 2018-02},
 * {@code 2018}): each label becomes a consecutive number within its kind, so the calendar
 * predecessor of a period is its number minus one, whether or not the corpus has documents in it.
 */
public final class PeriodCalendar {

  /**
   * A period as a kind and a consecutive number: epoch day, weeks since the ISO week of 1970-01-05,
   * months since year 0, or the year.
   *
   * @param kind day, week, month or year (as {@link Period} prints them)
   * @param index consecutive within the kind: {@code index - 1} is the previous period
   */
  public record Slot(String kind, long index) {}

  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  /** Epoch day of Monday 1970-01-05, the first day of week number 0. */
  private static final long FIRST_MONDAY = 4;

  private PeriodCalendar() {}

  /** The slot of a label; null for {@code all}, null and anything that is no period label. */
  public static Slot slot(String label) {
    if (label == null) {
      return null;
    }
    try {
      Matcher m = DAY.matcher(label);
      if (m.matches()) {
        return new Slot(
            Period.DAY.toString(), LocalDate.of(num(m, 1), num(m, 2), num(m, 3)).toEpochDay());
      }
      m = WEEK.matcher(label);
      if (m.matches()) {
        LocalDate jan4 = LocalDate.of(num(m, 1), 1, 4);
        long week = num(m, 2);
        if (week < 1
            || week > IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(jan4).getMaximum()) {
          return null;
        }
        LocalDate monday =
            jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        return new Slot(
            Period.WEEK.toString(), Math.floorDiv(monday.toEpochDay() - FIRST_MONDAY, 7));
      }
      m = MONTH.matcher(label);
      if (m.matches()) {
        int month = num(m, 2);
        return month < 1 || month > 12
            ? null
            : new Slot(Period.MONTH.toString(), num(m, 1) * 12L + month - 1);
      }
      m = QUARTER.matcher(label);
      if (m.matches()) {
        return new Slot(Period.QUARTER.toString(), num(m, 1) * 4L + num(m, 2) - 1);
      }
      if (YEAR.matcher(label).matches()) {
        return new Slot(Period.YEAR.toString(), Long.parseLong(label));
      }
    } catch (DateTimeException e) {
      return null; // 2018-02-30 is no day
    }
    return null;
  }

  /** The label of a slot: the inverse of {@link #slot}. */
  public static String label(Slot slot) {
    long i = slot.index();
    return switch (slot.kind()) {
      case "day" -> LocalDate.ofEpochDay(i).toString();
      case "week" -> {
        LocalDate monday = LocalDate.ofEpochDay(FIRST_MONDAY + 7 * i);
        yield String.format(
            Locale.ROOT,
            "%04d-W%02d",
            monday.get(IsoFields.WEEK_BASED_YEAR),
            monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      }
      case "month" ->
          String.format(Locale.ROOT, "%04d-%02d", Math.floorDiv(i, 12), Math.floorMod(i, 12) + 1);
      case "quarter" ->
          String.format(Locale.ROOT, "%04d-Q%d", Math.floorDiv(i, 4), Math.floorMod(i, 4) + 1);
      case "year" -> String.format(Locale.ROOT, "%04d", i);
      default ->
          throw new IllegalArgumentException(
              "Cannot name a period: unknown kind (" + slot.kind() + ")");
    };
  }

  /** The calendar predecessor of a label ({@code 2018-01} for {@code 2018-02}); null for all. */
  public static String previous(String label) {
    Slot s = slot(label);
    return s == null ? null : label(new Slot(s.kind(), s.index() - 1));
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
