package org.marsad.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.analysis.InMemoryStats;
import org.marsad.pipeline.NamedState;
import org.marsad.pipeline.PassDoc;
import org.marsad.pipeline.StatKey;
import org.marsad.pipeline.StatValue;
import org.marsad.text.Field;
import org.marsad.trends.TrendSettings;
import scala.Tuple2;

/**
 * The relations capability without Spark: the extractor over hand-made sentences (the classifier's
 * own rules are tested in RelationClassifierTest), the blob, the partials and the tables against
 * values counted by hand.
 */
@Tag("unit")
class RelationTablesTest {

  private static final Set<String> FORMS = Set.of("name", "adjective", "capital");

  private static final StructType SCHEMA =
      new StructType()
          .add("doc_id", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("period", DataTypes.StringType)
          .add("counted", DataTypes.BooleanType)
          .add(RelationsExtractor.COLUMN, DataTypes.BinaryType);

  /** A one-field document whose states are the given names (each found by its first index). */
  private static PassDoc doc(String lang, String text, String... isoAndName) {
    Field body = Field.of(text);
    PassDoc d = new PassDoc(lang, Field.of(""), body, List.of(List.of(), List.of()));
    List<NamedState> named = new ArrayList<>();
    for (int i = 0; i < isoAndName.length; i += 2) {
      String name = isoAndName[i + 1];
      int at = text.indexOf(name);
      named.add(new NamedState(isoAndName[i], "name", name, 1, at, at + name.length(), 0));
    }
    d.states(named);
    return d;
  }

  private static byte[] blob(PassDoc d) {
    return (byte[]) new RelationsExtractor(RelationClassifier.defaults(), FORMS).extract(d)[0];
  }

  @Test
  void theExtractorKeepsEachPairWithItsSentenceNamesAndCue() {
    String text = "Russia attacked Ukraine with missiles on Monday.";
    byte[] b = blob(doc("en", text, "RU", "Russia", "UA", "Ukraine"));
    List<RelationsBlob.Entry> es = RelationsBlob.decode(b);
    assertThat(es).hasSize(1);
    RelationsBlob.Entry e = es.get(0);
    assertThat(e.a()).isEqualTo("RU");
    assertThat(e.b()).isEqualTo("UA");
    assertThat(e.quad()).isEqualTo(Quad.MATERIAL_CONFLICT);
    assertThat(e.direction()).isEqualTo(Direction.A_TO_B);
    assertThat(e.sentence().substring(e.aStart(), e.aEnd())).isEqualTo("Russia");
    assertThat(e.sentence().substring(e.bStart(), e.bEnd())).isEqualTo("Ukraine");
    assertThat(e.sentence().substring(e.cueStart(), e.cueEnd())).isEqualTo(e.cue());
  }

  @Test
  void aSentenceWithOneStateOrStatesOfUncountedFormsHasNoEntry() {
    assertThat(blob(doc("en", "Russia attacked a village.", "RU", "Russia"))).isNull();
    Field body = Field.of("Russia beat Ukraine 2-1.");
    PassDoc d = new PassDoc("en", Field.of(""), body, List.of(List.of(), List.of()));
    d.states(
        List.of(
            new NamedState("RU", "team", "Russia", 1, 0, 6, 0),
            new NamedState("UA", "name", "Ukraine", 1, 12, 19, 0)));
    assertThat(blob(d)).isNull();
  }

  @Test
  void anArabicConflictSentenceIsClassified() {
    String text = "اتهمت السعودية إيران بدعم الهجمات على ناقلات النفط.";
    byte[] b = blob(doc("ar", text, "SA", "السعودية", "IR", "إيران"));
    List<RelationsBlob.Entry> es = RelationsBlob.decode(b);
    assertThat(es).hasSize(1);
    assertThat(es.get(0).quad().relation()).isEqualTo(Relation.CONFLICT);
  }

  /** Rows of table {@code t} from documents given as (period, blob). */
  private static List<Row> rows(List<Object[]> docs, int t) {
    List<Row> in = new ArrayList<>();
    int i = 0;
    for (Object[] d : docs) {
      in.add(RowFactory.create("d" + i++, "s", d[0], true, d[1]));
    }
    List<Tuple2<StatKey, StatValue>> p = InMemoryStats.reduce(in, SCHEMA, new RelationPartials());
    List<Row> out = new ArrayList<>();
    for (Tuple2<Integer, Row> x : RelationTables.finish(p.iterator(), TrendSettings.DEFAULTS)) {
      if (x._1() == t) {
        out.add(x._2());
      }
    }
    return out;
  }

  private static byte[] entries(Quad... quads) {
    List<RelationsBlob.Entry> es = new ArrayList<>();
    for (Quad q : quads) {
      es.add(
          new RelationsBlob.Entry(
              "IR", "SA", q, Direction.NONE, 1, "Iran Saudi", 0, 4, 5, 10, -1, -1, ""));
    }
    return RelationsBlob.encode(es);
  }

  @Test
  void countsSharesAndToneMatchHandValues() {
    // January: one document with 2 verbal cooperation and 1 neutral sentences, one with 1 material
    // conflict sentence. Tone = (2 + 0 - 0 - 2) / (2 * 4) = 0.
    List<Object[]> docs =
        List.of(
            new Object[] {
              "2024-01", entries(Quad.VERBAL_COOPERATION, Quad.VERBAL_COOPERATION, Quad.NEUTRAL)
            },
            new Object[] {"2024-01", entries(Quad.MATERIAL_CONFLICT)},
            new Object[] {"2024-02", entries(Quad.MATERIAL_CONFLICT, Quad.VERBAL_CONFLICT)});
    Map<String, Row> byPeriod = new HashMap<>();
    for (Row r : rows(docs, RelationTables.RELATIONS)) {
      byPeriod.put(r.getString(0), r);
    }
    assertThat(byPeriod).containsOnlyKeys("2024-01", "2024-02", "all");
    Row jan = byPeriod.get("2024-01");
    assertThat(jan.getLong(3)).isEqualTo(4); // sentences
    assertThat(jan.getLong(4)).isEqualTo(2); // docs
    assertThat(jan.getLong(5)).isEqualTo(2); // cooperation
    assertThat(jan.getLong(6)).isEqualTo(1); // conflict
    assertThat(jan.getLong(7)).isEqualTo(1); // neutral
    assertThat(jan.getLong(11)).isEqualTo(1); // material_conflict
    assertThat(jan.getLong(14)).isEqualTo(1); // docs_cooperation
    assertThat(jan.getLong(15)).isEqualTo(1); // docs_conflict
    assertThat(jan.getDouble(16)).isCloseTo(0.5, within(1e-12));
    assertThat(jan.getDouble(17)).isCloseTo(0.25, within(1e-12));
    assertThat(jan.getDouble(18)).isCloseTo(0.0, within(1e-12));
    assertThat(jan.getString(19)).isEqualTo("cooperation");
    Row feb = byPeriod.get("2024-02");
    assertThat(feb.getDouble(18)).isCloseTo((-1 - 2) / 4.0, within(1e-12));
    assertThat(feb.getString(19)).isEqualTo("conflict");
    Row all = byPeriod.get("all");
    assertThat(all.getLong(3)).isEqualTo(6);
    assertThat(all.getDouble(18)).isCloseTo((2 - 1 - 4) / 12.0, within(1e-12));
  }

  @Test
  void trendsFollowTheConflictShareAgainstThePreviousPeriod() {
    List<Object[]> docs =
        List.of(
            new Object[] {"2024-01", entries(Quad.VERBAL_COOPERATION, Quad.VERBAL_CONFLICT)},
            new Object[] {"2024-02", entries(Quad.MATERIAL_CONFLICT, Quad.VERBAL_CONFLICT)});
    Row feb = null;
    for (Row r : rows(docs, RelationTables.TRENDS)) {
      if (r.getString(0).equals("2024-02") && r.getString(3).equals("conflict")) {
        feb = r;
      }
    }
    assertThat(feb).isNotNull();
    assertThat(feb.getLong(4)).isEqualTo(2); // conflict sentences
    assertThat(feb.getLong(5)).isEqualTo(2); // the pair's sentences
    assertThat(feb.getDouble(6)).isCloseTo(1.0, within(1e-12));
    assertThat(feb.getDouble(7)).isCloseTo(0.5, within(1e-12));
    assertThat(feb.getDouble(8)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void evidenceKeepsTheFirstSentencesPerClass() {
    List<Object[]> docs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      docs.add(new Object[] {"2024-01", entries(Quad.VERBAL_CONFLICT)});
    }
    List<Row> ev =
        rows(docs, RelationTables.EVIDENCE).stream()
            .filter(r -> r.getString(0).equals("2024-01"))
            .toList();
    assertThat(ev).hasSize(RelationPartials.PER_CLASS);
    assertThat(ev).allSatisfy(r -> assertThat(r.getString(4)).isEqualTo("verbal_conflict"));
    assertThat(ev).allSatisfy(r -> assertThat(r.getString(3)).isEqualTo("conflict"));
  }
}
