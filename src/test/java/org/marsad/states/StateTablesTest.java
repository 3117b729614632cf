package org.marsad.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.analysis.Docs;
import org.marsad.analysis.InMemoryStats;
import org.marsad.pipeline.CorePartials;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import org.marsad.trends.TrendSettings;
import scala.Tuple2;

/** Co-mention measures and state counts against values computed by hand, without Spark. */
@Tag("unit")
class StateTablesTest {

  private static final Set<String> NAMES = Set.of("name");

  /** The rows of {@code table} from the documents of {@code d}. */
  static List<Row> rows(Docs d, boolean document, boolean sentence, long minCoDocs, int table) {
    List<Tuple2<StatKey, StatValue>> p =
        InMemoryStats.reduce(d, new CorePartials(), new StatePartials(NAMES, document, sentence));
    StateTables.Side side = new StateTables.Side();
    List<Tuple2<StatKey, StatValue>> bounded = new ArrayList<>();
    for (Tuple2<StatKey, StatValue> e : p) {
      side.add(e._1(), e._2());
      bounded.add(e);
    }
    List<Row> out = new ArrayList<>();
    for (Tuple2<Integer, Row> t :
        StateTables.finish(
            bounded.iterator(),
            side,
            new StateTables.Settings(minCoDocs, TrendSettings.DEFAULTS))) {
      if (t._1() == table) {
        out.add(t._2());
      }
    }
    return out;
  }

  @Test
  void documentScopeMeasuresMatchHandValues() {
    // 10 documents in one period: A in d1..d4, B in d3..d5 (co-mentioned in d3, d4).
    Docs d = new Docs();
    for (int i = 1; i <= 10; i++) {
      List<String> m = new ArrayList<>();
      if (i <= 4) {
        m.add("A@0");
      }
      if (i >= 3 && i <= 5) {
        m.add("B@0");
      }
      if (i == 4) {
        m.add("B@0");
      }
      d.add("d" + i, "P", 1, m);
    }
    List<Row> all = rows(d, true, false, 1, StateTables.COMENTIONS);
    List<Row> rows = all.stream().filter(r -> r.getString(0).equals("P")).toList();
    assertThat(rows).hasSize(1);
    Row r = rows.get(0);
    assertThat(r.getString(2)).isEqualTo("A");
    assertThat(r.getLong(4)).isEqualTo(2L);
    assertThat(r.getLong(5)).isEqualTo(4L);
    assertThat(r.getLong(6)).isEqualTo(3L);
    assertThat(r.getLong(7)).isEqualTo(10L);
    assertThat(r.getDouble(8)).isCloseTo(0.4, within(1e-12));
    assertThat(r.getDouble(9)).isCloseTo(0.5714285714285714, within(1e-12));
    assertThat(r.getDouble(10)).isCloseTo(0.7369655941662062, within(1e-12));
    assertThat(r.getDouble(11)).isCloseTo(0.31739380551401475, within(1e-12));
    assertThat(r.getDouble(12)).isCloseTo(1.6666666666666667, within(1e-12));
    assertThat(r.getDouble(13)).isCloseTo(1.265374090222651, within(1e-12));
    assertThat(r.getDouble(14)).isCloseTo(0.5, within(1e-12));
    assertThat(r.getDouble(15)).isCloseTo(2.0 / 3, within(1e-12));
    // The period 'all' repeats the single period; --min-co-docs filters.
    assertThat(all.stream().filter(x -> x.getString(0).equals("all"))).hasSize(1);
    assertThat(rows(d, true, false, 3, StateTables.COMENTIONS)).isEmpty();
  }

  @Test
  void sentenceScopeCountsSentencesAsUnits() {
    Docs d =
        new Docs()
            .add("d1", "P", 3, List.of("A@0", "B@0", "B@2"))
            .add("d2", "P", 2, List.of("A@1"));
    Row r =
        rows(d, false, true, 1, StateTables.COMENTIONS).stream()
            .filter(x -> x.getString(0).equals("P"))
            .findFirst()
            .orElseThrow();
    assertThat(r.getString(1)).isEqualTo("sentence");
    assertThat(r.getLong(4)).isEqualTo(1L);
    assertThat(r.getLong(5)).isEqualTo(2L);
    assertThat(r.getLong(6)).isEqualTo(2L);
    assertThat(r.getLong(7)).isEqualTo(5L);
  }

  @Test
  void countsGiveDocumentsMentionsAndShares() {
    Docs d =
        new Docs()
            .add("d1", "P", 1, List.of("A@0", "A@0"))
            .add("d2", "P", 1, List.of("A@0", "B@0"))
            .add("d3", "P", 1, List.of())
            .add("d4", "P", 1, List.of());
    List<Row> rows = new ArrayList<>(rows(d, true, true, 1, StateTables.COUNTS));
    rows.sort(java.util.Comparator.comparing(r -> r.getString(2)));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getLong(3)).isEqualTo(2L);
    assertThat(rows.get(0).getLong(4)).isEqualTo(3L);
    assertThat(rows.get(0).getDouble(5)).isCloseTo(0.5, within(1e-12));
    assertThat(rows.get(1).getDouble(5)).isCloseTo(0.25, within(1e-12));
  }
}
