package org.marsad.cli;

import java.util.Locale;
import java.util.Map;
import org.marsad.jobs.JobResult;

/** The last lines a command prints: rows in and out with thousands separators, the report last. */
final class Summary {

  private Summary() {}

  /** The summary of a run of {@code command}. */
  static String of(String command, JobResult r) {
    StringBuilder b = new StringBuilder();
    b.append("marsad ")
        .append(command)
        .append(": ")
        .append(n(r.rowsIn()))
        .append(r.rowsIn() == 1 ? " row in: " : " rows in: ")
        .append(n(r.documents()))
        .append(r.documents() == 1 ? " document, " : " documents, ")
        .append(n(r.rejected()))
        .append(" rejected\n");
    b.append("  ").append(r.tables().size()).append(" tables in ").append(r.output());
    int i = 0;
    for (Map.Entry<String, Long> t : r.tables().entrySet()) {
      b.append(i++ % 4 == 0 ? "\n    " : ", ")
          .append(t.getKey())
          .append(' ')
          .append(n(t.getValue()));
    }
    if (r.report() != null) {
      b.append("\n  report: ").append(r.report());
    }
    return b.toString();
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}
