package org.marsad.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Period labels for readers ({@code 2017-03} is "Mar 2017") and the time axis of the report. */
final class Periods {

  /** A gap-filled axis longer than this is not filled (the periods are shown as they are). */
  static final int MAX_FILLED = 600;

  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private Periods() {}

  /** The label a reader sees: "Mar 2017", "18 Feb 2018", "Week 7, 2018", "2017" or "All". */
  static String label(String period) {
    if (period == null) {
      return "";
    }
    if (period.equals("all")) {
      return "All";
    }
    try {
      if (period.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(period).format(MONTH);
      }
      if (period.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(period).format(DAY);
      }
    } catch (DateTimeParseException e) {
      return period;
    }
    Matcher w = WEEK.matcher(period);
    if (w.matches()) {
      return "Week " + Integer.parseInt(w.group(2)) + ", " + w.group(1);
    }
    return period;
  }

  /**
   * The periods in time order; months and years without documents are filled in between the first
   * and last so that a gap shows as a gap. Days and weeks are not filled (a long span would give
   * thousands of empty bars), nor is an axis that would exceed {@link #MAX_FILLED} entries.
   */
  static List<String> axis(Collection<String> periods) {
    TreeSet<String> sorted = new TreeSet<>();
    periods.stream().filter(p -> p != null).forEach(sorted::add);
    if (sorted.size() < 2) {
      return List.copyOf(sorted);
    }
    boolean months = sorted.stream().allMatch(p -> p.matches("\\d{4}-\\d{2}"));
    boolean years = sorted.stream().allMatch(p -> p.matches("\\d{4}"));
    List<String> filled = new ArrayList<>();
    if (months) {
      YearMonth last = YearMonth.parse(sorted.last());
      for (YearMonth m = YearMonth.parse(sorted.first()); !m.isAfter(last); m = m.plusMonths(1)) {
        filled.add(m.toString());
      }
    } else if (years) {
      int last = Integer.parseInt(sorted.last());
      for (int y = Integer.parseInt(sorted.first()); y <= last; y++) {
        filled.add(String.format(Locale.ROOT, "%04d", y));
      }
    }
    if (filled.isEmpty() || filled.size() > MAX_FILLED) {
      return List.copyOf(sorted);
    }
    return filled;
  }
}
