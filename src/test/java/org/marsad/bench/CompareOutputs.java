package org.marsad.bench;

import java.util.ArrayList;
import java.util.List;
import org.marsad.jobs.SampleGoldenTest;
import org.marsad.jobs.TableComparison;

/**
 * Compares every catalog table of two output folders but the topic tables ({@code CompareOutputs A
 * B}): prints each table's rows and the differences, and exits 1 when there are any.
 */
public final class CompareOutputs {

  private CompareOutputs() {}

  public static void main(String[] args) {
    List<String> tables = new ArrayList<>(TableComparison.tablesOf(args[1]));
    tables.removeAll(SampleGoldenTest.TOPIC_TABLES);
    List<String> diffs = TableComparison.differences(args[0], args[1], tables);
    diffs.forEach(d -> System.out.println("DIFF " + d));
    System.out.printf(
        "compared %d tables (topic tables excepted): %d differences%n",
        tables.size(), diffs.size());
    System.exit(diffs.isEmpty() ? 0 : 1);
  }
}
