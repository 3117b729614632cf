package org.marsad.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marsad.catalog.Catalog;
import org.marsad.pipeline.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log line of each stage, with its rows, tables and seconds: {@code [terms] 13,456 rows in
 * 3 tables (term_frequencies 12,568, term_keyness 699, collocations 189), 4.2 s}. A stage's tables
 * are those the writer staged since the previous stage ended.
 */
public final class StageLog {

  private static final Logger LOG = LoggerFactory.getLogger(MarsadJob.class);

  private final Map<String, Long> rows;
  private int seen;

  /** Follows {@code rows}, the writer's rows per table in writing order (a live map). */
  public StageLog(Map<String, Long> rows) {
    this.rows = rows;
  }

  /**
   * Logs the line of {@code stage}, started at {@code startNanos}, with {@code note} first (may be
   * null), and returns its seconds.
   */
  public double end(String stage, long startNanos, String note) {
    return end(stage, startNanos, note, true);
  }

  /** As {@link #end(String, long, String)}, listing the stage's tables only when {@code tables}. */
  public double end(String stage, long startNanos, String note, boolean tables) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    LOG.info(line(stage, note, seconds, tables));
    return seconds;
  }

  String line(String stage, String note, double seconds, boolean listTables) {
    List<Map.Entry<String, Long>> tables;
    synchronized (rows) {
      tables = new ArrayList<>(rows.entrySet());
    }
    // Tables written at once end in any order: they are listed in the catalog's order.
    List<Map.Entry<String, Long>> mine =
        new ArrayList<>(tables.subList(Math.min(seen, tables.size()), tables.size()));
    mine.sort(Comparator.comparingInt(t -> catalogIndex(t.getKey())));
    seen = tables.size();
    long total = mine.stream().mapToLong(Map.Entry::getValue).sum();
    StringBuilder b = new StringBuilder("[").append(stage).append("] ");
    boolean noted = note != null && !note.isEmpty();
    if (noted) {
      b.append(note);
    }
    if (listTables && !mine.isEmpty()) {
      b.append(noted ? "; " : "");
      b.append(number(total))
          .append(total == 1 ? " row in " : " rows in ")
          .append(mine.size())
          .append(mine.size() == 1 ? " table (" : " tables (");
      for (int i = 0; i < mine.size(); i++) {
        b.append(i == 0 ? "" : ", ")
            .append(mine.get(i).getKey())
            .append(' ')
            .append(number(mine.get(i).getValue()));
      }
      b.append(")");
    }
    if (b.charAt(b.length() - 1) != ' ') {
      b.append(", ");
    }
    return b.append(String.format(Locale.ROOT, "%.1f s", seconds)).toString();
  }

  /** The rows per table of {@code rows} in the catalog's order, other names after them. */
  static Map<String, Long> inCatalogOrder(Map<String, Long> rows) {
    List<Map.Entry<String, Long>> all;
    synchronized (rows) {
      all = new ArrayList<>(rows.entrySet());
    }
    all.sort(Comparator.comparingInt(t -> catalogIndex(t.getKey())));
    Map<String, Long> out = new LinkedHashMap<>();
    all.forEach(t -> out.put(t.getKey(), t.getValue()));
    return out;
  }

  private static int catalogIndex(String table) {
    List<Table> all = Catalog.tables();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equals(table)) {
        return i;
      }
    }
    return all.size();
  }

  /** The note of the load stage: rows in, documents, rejected. */
  public static String loadNote(long rowsIn, long documents, long rejected) {
    return number(rowsIn)
        + " input rows: "
        + number(documents)
        + " documents, "
        + number(rejected)
        + " rejected";
  }

  /** {@code 12345} as {@code 12,345}. */
  public static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
