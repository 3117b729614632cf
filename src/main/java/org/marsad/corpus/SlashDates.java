package org.marsad.corpus;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a corpus's slash dates ({@code 03/09/2021}) are day-first or month-first, with
 * one aggregation over the date column alone before the main pass (Parquet reads only that column).
 * A value whose first field is above 12 fits only day-first ({@code 31/01/2021}), one whose second
 * field is above 12 only month-first ({@code 01/31/2021}). Only month-first-only values: the corpus
 * is read month-first; only day-first-only values: day-first; both kinds: the run stops and asks
 * for {@code --date-format}; every value fits both: day-first, said in the log (a warning) and the
 * manifest.
 */
public final class SlashDates {

  private static final Logger LOG = LoggerFactory.getLogger(SlashDates.class);

  /** A slash date: day or month, day or month, four-digit year (what the built-in formats read). */
  static final String PATTERN = "^\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s|$)";

  /**
   * What the corpus's slash dates are and how they are read.
   *
   * @param column the date column
   * @param order how the built-in formats read them
   * @param slashDates values that look like a slash date
   * @param dayFirstOnly values that fit only day-first (first field above 12)
   * @param monthFirstOnly values that fit only month-first (second field above 12)
   * @param example a value that decided, or any slash date when none did
   * @param reason why, in words (for the log and the manifest)
   */
  public record Decision(
      String column,
      SlashOrder order,
      long slashDates,
      long dayFirstOnly,
      long monthFirstOnly,
      String example,
      String reason)
      implements Serializable {

    /** True when every slash date fits both readings. */
    public boolean ambiguous() {
      return slashDates > 0 && dayFirstOnly == 0 && monthFirstOnly == 0;
    }

    /** The manifest's {@code dates} section. */
    public Map<String, Object> toManifest() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("column", column);
      m.put("slash_dates", slashDates);
      m.put("slash_order", order.label());
      m.put("ambiguous", ambiguous());
      m.put("day_first_only", dayFirstOnly);
      m.put("month_first_only", monthFirstOnly);
      m.put("example", example);
      m.put("reason", reason);
      return m;
    }
  }

  private SlashDates() {}

  /**
   * Decides the order for the corpus {@code raw} under {@code options} (logging it), or keeps
   * day-first when there is no date column of strings, no slash date, or a user pattern reads them.
   *
   * @throws IllegalArgumentException when the column mixes day-first and month-first slash dates
   */
  public static Decision detect(Dataset<Row> raw, CorpusOptions options) {
    String column = options.dateCol();
    if (!Arrays.asList(raw.schema().fieldNames()).contains(column)
        || !(raw.schema().apply(column).dataType() instanceof StringType)) {
      return none(column, "no date column of strings");
    }
    if (DateParser.userReadsSlashDates(options.dateFormats())) {
      return none(column, "a --date-format pattern reads slash dates");
    }
    raw.sparkSession().sparkContext().setJobDescription("slash dates: day or month first");
    Tally t = tally(raw, column);
    Decision d =
        decide(column, t.slash, t.dayOnly, t.monthOnly, t.anySlash, t.dayExample, t.monthExample);
    if (d.ambiguous()) {
      LOG.warn("[load] {}", d.reason());
    } else if (d.slashDates() > 0) {
      LOG.info("[load] {}", d.reason());
    }
    return d;
  }

  /** Counts and the smallest example of each kind of slash date, per task and merged. */
  static final class Tally implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long slash;
    long dayOnly;
    long monthOnly;
    String anySlash;
    String dayExample;
    String monthExample;

    private static final java.util.regex.Pattern SLASH = java.util.regex.Pattern.compile(PATTERN);

    void add(String v) {
      if (v == null) {
        return;
      }
      java.util.regex.Matcher m = SLASH.matcher(v);
      if (!m.find()) {
        return;
      }
      slash++;
      anySlash = min(anySlash, v);
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      if (a > 12 && a <= 31 && b >= 1 && b <= 12) {
        dayOnly++;
        dayExample = min(dayExample, v);
      } else if (b > 12 && b <= 31 && a >= 1 && a <= 12) {
        monthOnly++;
        monthExample = min(monthExample, v);
      }
    }

    Tally merge(Tally o) {
      slash += o.slash;
      dayOnly += o.dayOnly;
      monthOnly += o.monthOnly;
      anySlash = min(anySlash, o.anySlash);
      dayExample = min(dayExample, o.dayExample);
      monthExample = min(monthExample, o.monthExample);
      return this;
    }

    private static String min(String a, String b) {
      return a == null ? b : b == null ? a : (a.compareTo(b) <= 0 ? a : b);
    }
  }

  /**
   * The tally of column {@code column} alone (Parquet reads only that column): one pass, each task
   * counting its own values, merged on the driver (one job, no shuffle).
   */
  static Tally tally(Dataset<Row> raw, String column) {
    return raw.select(col("`" + column.replace("`", "``") + "`").as("v"))
        .javaRDD()
        .mapPartitions(
            (org.apache.spark.api.java.function.FlatMapFunction<java.util.Iterator<Row>, Tally>)
                it -> {
                  Tally t = new Tally();
                  while (it.hasNext()) {
                    t.add(it.next().getString(0));
                  }
                  return java.util.List.of(t).iterator();
                })
        .reduce(Tally::merge);
  }

  /**
   * The physical plan of the scan {@link #tally} reads (to check it reads the date column alone).
   */
  public static String countsPlan(Dataset<Row> raw, String column) {
    return raw.select(col("`" + column.replace("`", "``") + "`").as("v"))
        .queryExecution()
        .executedPlan()
        .toString();
  }

  /**
   * The decision from the counts of one aggregation (see {@link #detect}); the examples are any
   * slash date, a day-first-only one and a month-first-only one (null when there is none).
   */
  static Decision decide(
      String column,
      long slash,
      long dayOnly,
      long monthOnly,
      String anySlash,
      String dayExample,
      String monthExample) {
    if (slash == 0) {
      return none(column, "no slash dates");
    }
    String where = "column '" + column + "': ";
    if (dayOnly > 0 && monthOnly > 0) {
      throw new IllegalArgumentException(
          "Cannot read dates: column '"
              + column
              + "' mixes day-first slash dates ("
              + number(dayOnly)
              + " such as "
              + dayExample.strip()
              + ") and month-first ones ("
              + number(monthOnly)
              + " such as "
              + monthExample.strip()
              + "); set --date-format dd/MM/yyyy or --date-format MM/dd/yyyy (values that do not"
              + " fit it are then rejected as bad_date)");
    }
    if (monthOnly > 0) {
      return new Decision(
          column,
          SlashOrder.MONTH_FIRST,
          slash,
          0,
          monthOnly,
          monthExample,
          where
              + number(slash)
              + " slash dates read month-first (MM/dd/yyyy): "
              + number(monthOnly)
              + " such as "
              + monthExample.strip()
              + " fit no other reading");
    }
    if (dayOnly > 0) {
      return new Decision(
          column,
          SlashOrder.DAY_FIRST,
          slash,
          dayOnly,
          0,
          dayExample,
          where
              + number(slash)
              + " slash dates read day-first (dd/MM/yyyy): "
              + number(dayOnly)
              + " such as "
              + dayExample.strip()
              + " fit no other reading");
    }
    return new Decision(
        column,
        SlashOrder.DAY_FIRST,
        slash,
        0,
        0,
        anySlash,
        where
            + number(slash)
            + " slash dates such as "
            + anySlash.strip()
            + " fit both day-first and month-first; read day-first (dd/MM/yyyy); if they are"
            + " month-first, set --date-format MM/dd/yyyy");
  }

  private static Decision none(String column, String reason) {
    return new Decision(column, SlashOrder.DAY_FIRST, 0, 0, 0, null, reason);
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
