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
 * @param urlCol article link column; optional unless {@code urlColSet}
 * @param langColSet the user named the language column explicitly
 * @param urlColSet the user named the url column explicitly
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
    String urlCol,
    boolean titleColSet,
    boolean dateColSet,
    boolean sourceColSet,
    boolean langColSet,
    boolean urlColSet,
    List<String> dateFormats,
    Period period,
    SlashOrder slashOrder)
    implements Serializable {

  /** Copies the date formats. */
  public CorpusOptions {
    dateFormats = List.copyOf(dateFormats);
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
        urlCol,
        titleColSet,
        dateColSet,
        sourceColSet,
        langColSet,
        urlColSet,
        dateFormats,
        period,
        order);
  }

  /** The date parser of these options (serializable, for the loading UDF). */
  public DateParser dateParser() {
    return new DateParser(dateFormats, slashOrder);
  }

  /** Defaults: columns {@code id text title published_at source lang url}, monthly periods. */
  public static CorpusOptions defaults() {
    return new CorpusOptions(
        "id",
        "text",
        "title",
        "published_at",
        "source",
        "lang",
        "url",
        false,
        false,
        false,
        false,
        false,
        List.of(),
        Period.MONTH,
        SlashOrder.DAY_FIRST);
  }
}
