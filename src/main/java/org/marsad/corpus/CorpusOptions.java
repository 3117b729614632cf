package org.marsad.corpus;

import java.io.Serializable;
import java.util.List;

/**
 * How to read a corpus: which input columns hold what, how to parse dates, how to cut periods.
 *
 * @param idCol document id column (required)
 * @param textCol body text column (required)
 * @param titleCol title column; optional unless {@code titleColSet}
 * @param dateCol publication date column; optional unless {@code dateColSet}
 * @param sourceCol outlet column; optional unless {@code sourceColSet}
 * @param langCol language column; optional unless {@code langColSet}; detected from script when
 *     absent
 * @param titleColSet the user named the title column explicitly
 * @param dateColSet the user named the date column explicitly
 * @param sourceColSet the user named the source column explicitly
 * @param langColSet the user named the language column explicitly
 * @param dateFormats extra java.time patterns tried after the built-in ones
 * @param period the reporting period
 * @param slashOrder how slash dates ({@code 03/09/2021}) are read, decided per corpus by {@link
 *     SlashDates}
 */
public record CorpusOptions(
    String idCol,
    String textCol,
    String titleCol,
    String dateCol,
    String sourceCol,
    String langCol,
    boolean titleColSet,
    boolean dateColSet,
    boolean sourceColSet,
    boolean langColSet,
    List<String> dateFormats,
    Period period,
    SlashOrder slashOrder)
    implements Serializable {

  /** Options reading slash dates day-first (until {@link SlashDates} decides otherwise). */
  public CorpusOptions(
      String idCol,
      String textCol,
      String titleCol,
      String dateCol,
      String sourceCol,
      String langCol,
      boolean titleColSet,
      boolean dateColSet,
      boolean sourceColSet,
      boolean langColSet,
      List<String> dateFormats,
      Period period) {
    this(
        idCol,
        textCol,
        titleCol,
        dateCol,
        sourceCol,
        langCol,
        titleColSet,
        dateColSet,
        sourceColSet,
        langColSet,
        dateFormats,
        period,
        SlashOrder.DAY_FIRST);
  }

  /** These options reading slash dates in {@code order}. */
  public CorpusOptions withSlashOrder(SlashOrder order) {
    return new CorpusOptions(
        idCol,
        textCol,
        titleCol,
        dateCol,
        sourceCol,
        langCol,
        titleColSet,
        dateColSet,
        sourceColSet,
        langColSet,
        dateFormats,
        period,
        order);
  }

  /** The date parser of these options (serializable, for the loading UDF). */
  public DateParser dateParser() {
    return new DateParser(dateFormats, slashOrder);
  }

  /** Defaults: columns {@code id text title published_at source lang}, monthly periods. */
  public static CorpusOptions defaults() {
    return new CorpusOptions(
        "id",
        "text",
        "title",
        "published_at",
        "source",
        "lang",
        false,
        false,
        false,
        false,
        List.of(),
        Period.MONTH);
  }
}
