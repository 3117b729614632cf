package org.marsad.corpus;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the date strings news corpora come with into UTC instants: RFC 1123 with offsets or zone
 * names, ISO-8601 (with or without offset, date only), slash dates ({@code dd/MM/yyyy}, or {@code
 * MM/dd/yyyy} when the corpus is month-first: see {@link SlashDates}), {@code yyyy/MM/dd} and
 * Reuters' {@code 9-MAR-1987 10:36:08.22}, then any user patterns in order. A user pattern that
 * starts with day and month fields and a slash ({@code MM/dd/yyyy}) replaces the built-in slash
 * formats. Values without an offset are taken as UTC.
 */
public final class DateParser implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final List<DateTimeFormatter> BUILT_IN =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          caseless("EEE, d MMM yyyy HH:mm:ss zzz"),
          caseless("EEE, d MMM yyyy HH:mm zzz"),
          caseless("EEE, d MMM yyyy HH:mm:ss"),
          DateTimeFormatter.ISO_OFFSET_DATE_TIME,
          DateTimeFormatter.ISO_ZONED_DATE_TIME,
          DateTimeFormatter.ISO_INSTANT,
          DateTimeFormatter.ISO_LOCAL_DATE_TIME,
          caseless("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][XXX][X]"),
          caseless("yyyy-MM-dd HH:mm[XXX]"),
          caseless("yyyy-MM-dd'T'HHmmss[XXX][X]"),
          DateTimeFormatter.ISO_LOCAL_DATE);

  private static final List<DateTimeFormatter> DAY_FIRST =
      List.of(caseless("dd/MM/yyyy[ HH:mm[:ss]]"), caseless("d/M/yyyy[ H:mm[:ss]]"));

  private static final List<DateTimeFormatter> MONTH_FIRST =
      List.of(caseless("MM/dd/yyyy[ HH:mm[:ss]]"), caseless("M/d/yyyy[ H:mm[:ss]]"));

  private static final List<DateTimeFormatter> AFTER_SLASH =
      List.of(
          caseless("yyyy/MM/dd[ HH:mm[:ss]]"),
          caseless("d-MMM-yyyy HH:mm:ss[.SS][.S][.SSS]"),
          caseless("d-MMM-yyyy"),
          caseless("d MMM yyyy[ HH:mm[:ss]]"),
          caseless("MMMM d, yyyy[ HH:mm[:ss]]"));

  private final List<String> userPatterns;
  private final SlashOrder slashOrder;
  private transient List<DateTimeFormatter> formatters;

  /** A day-first parser trying the built-in formats, then {@code userPatterns}. */
  public DateParser(List<String> userPatterns) {
    this(userPatterns, SlashOrder.DAY_FIRST);
  }

  /**
   * A parser trying the built-in formats, with slash dates read in {@code slashOrder}, then {@code
   * userPatterns} (java.time patterns).
   */
  public DateParser(List<String> userPatterns, SlashOrder slashOrder) {
    this.userPatterns = List.copyOf(userPatterns);
    this.slashOrder = slashOrder;
    for (String p : userPatterns) {
      try {
        caseless(p);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Cannot use --date-format: invalid pattern (" + p + "): " + e.getMessage(), e);
      }
    }
  }

  private static DateTimeFormatter caseless(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.SMART);
  }

  /** True when a user pattern reads day/month slash dates itself ({@code MM/dd/yyyy}). */
  public static boolean userReadsSlashDates(List<String> userPatterns) {
    return userPatterns.stream().anyMatch(p -> p.strip().matches("[dM]{1,2}/[dM]{1,2}/.*"));
  }

  /** How built-in formats read slash dates. */
  public SlashOrder slashOrder() {
    return slashOrder;
  }

  private List<DateTimeFormatter> formatters() {
    if (formatters == null) {
      List<DateTimeFormatter> all = new ArrayList<>(BUILT_IN);
      if (!userReadsSlashDates(userPatterns)) {
        all.addAll(slashOrder == SlashOrder.MONTH_FIRST ? MONTH_FIRST : DAY_FIRST);
      }
      all.addAll(AFTER_SLASH);
      for (String p : userPatterns) {
        all.add(caseless(p));
      }
      formatters = all;
    }
    return formatters;
  }

  /** The instant, or null when no format fits (the caller rejects the row as {@code bad_date}). */
  public Instant parse(String value) {
    if (value == null) {
      return null;
    }
    String s = sanitize(value);
    if (s.isEmpty()) {
      return null;
    }
    for (DateTimeFormatter f : formatters()) {
      try {
        Instant i =
            toInstant(
                f.parseBest(
                    s,
                    ZonedDateTime::from,
                    OffsetDateTime::from,
                    LocalDateTime::from,
                    LocalDate::from));
        if (i != null) {
          return i;
        }
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return null;
  }

  /**
   * Decodes numeric HTML entities, cuts the value at the first control character (feeds append
   * markers such as {@code &#5;&#5;RM} to dates) and collapses runs of spaces.
   */
  static String sanitize(String value) {
    String s = value;
    if (s.indexOf("&#") >= 0) {
      s = org.marsad.text.TextCleaner.clean(s);
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i)) && s.charAt(i) != '\t') {
        s = s.substring(0, i);
        break;
      }
    }
    return s.replaceAll("\\s+", " ").strip();
  }

  private static Instant toInstant(TemporalAccessor t) {
    if (t instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (t instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (t instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    if (t instanceof LocalDate d) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
      return Instant.from(t);
    }
    return null;
  }
}
