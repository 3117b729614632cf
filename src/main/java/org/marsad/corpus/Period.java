package org.marsad.corpus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** The reporting period a document falls in: day, ISO week, month, quarter or year, in UTC. */
public enum Period {
  DAY,
  WEEK,
  MONTH,
  QUARTER,
  YEAR;

  /** The label used when a corpus has no dates: every document falls in it. */
  public static final String ALL = "all";

  /** Parses {@code day|week|month|quarter|year}. */
  public static Period parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Cannot use --period: unknown period (" + s + "); use day, week, month, quarter or year",
          e);
    }
  }

  /** The period label of an instant: 2018-02-18, 2018-W07, 2018-02, 2018-Q1 or 2018. */
  public String label(Instant t) {
    if (t == null) {
      return ALL;
    }
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    return switch (this) {
      case DAY ->
          String.format(
              Locale.ROOT, "%04d-%02d-%02d", z.getYear(), z.getMonthValue(), z.getDayOfMonth());
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%04d-W%02d",
              z.get(IsoFields.WEEK_BASED_YEAR),
              z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", z.getYear(), z.getMonthValue());
      case QUARTER ->
          String.format(Locale.ROOT, "%04d-Q%d", z.getYear(), (z.getMonthValue() - 1) / 3 + 1);
      case YEAR -> String.format(Locale.ROOT, "%04d", z.getYear());
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
