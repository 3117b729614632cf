package org.marsad.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.marsad.pipeline.Extractor;
import org.marsad.pipeline.NamedState;
import org.marsad.pipeline.PassDoc;
import org.marsad.text.EvidenceSnippet;
import org.marsad.text.Field;

/**
 * The relations capability's part of the analysis pass: for each sentence naming two states or more
 * (of the counted forms), the classifier reads the sentence's tokens the pass already holds and
 * gives every pair its relation; the pairs, with the sentence as evidence, are kept as one blob. It
 * runs after the states extractor and reads the states it found.
 */
public final class RelationsExtractor implements Extractor {

  /** The intermediate column of the relations ({@link RelationsBlob}). */
  public static final String COLUMN = "relations";

  /** Pair-sentences kept per document, at most. */
  static final int MAX_ENTRIES = 200;

  private final RelationClassifier classifier;
  private final Set<String> forms;

  /** An extractor with {@code classifier}, over the states of the counted {@code forms}. */
  public RelationsExtractor(RelationClassifier classifier, Set<String> forms) {
    this.classifier = classifier;
    this.forms = Set.copyOf(forms);
  }

  /**
   * The factory of extractors with the packaged lexicons, replaced by {@code lexiconLines} (lang →
   * lines of its file) where given, counting states of {@code forms}.
   */
  public static Extractor.Factory factory(
      Map<String, List<String>> lexiconLines, Set<String> forms) {
    Map<String, List<String>> lines = new TreeMap<>();
    lexiconLines.forEach((k, v) -> lines.put(k, new ArrayList<>(v)));
    Set<String> f = new TreeSet<>(forms);
    if (!lines.isEmpty()) {
      RelationClassifier.fromLines(lines); // a bad line fails here, on the driver
    }
    return new Extractor.Factory() {
      private static final long serialVersionUID = 1L;

      @Override
      public StructField[] columns() {
        return new StructField[] {DataTypes.createStructField(COLUMN, DataTypes.BinaryType, true)};
      }

      @Override
      public Extractor create() {
        return new RelationsExtractor(
            lines.isEmpty() ? RelationClassifier.defaults() : RelationClassifier.fromLines(lines),
            f);
      }
    };
  }

  @Override
  public Object[] extract(PassDoc doc) {
    List<NamedState> states = doc.states();
    if (states.size() < 2) {
      return new Object[] {null};
    }
    // Mentions by (field, sentence), in text order.
    Map<Long, List<NamedState>> bySentence = new TreeMap<>();
    for (NamedState s : states) {
      bySentence
          .computeIfAbsent(((long) s.field() << 32) | s.sentence(), k -> new ArrayList<>())
          .add(s);
    }
    List<RelationsBlob.Entry> out = new ArrayList<>();
    for (List<NamedState> in : bySentence.values()) {
      Set<String> counted = new TreeSet<>();
      for (NamedState s : in) {
        if (forms.contains(s.form())) {
          counted.add(s.iso2());
        }
      }
      if (counted.size() < 2) {
        continue;
      }
      NamedState first = in.get(0);
      Field field = doc.field(first.field());
      List<Named> named = new ArrayList<>(in.size());
      for (NamedState s : in) {
        named.add(new Named(s.iso2(), s.start(), s.end(), s.form()));
      }
      for (PairRelation r : classifier.classify(doc.lang(), field, first.sentence(), named)) {
        if (!counted.contains(r.a()) || !counted.contains(r.b())) {
          continue;
        }
        if (out.size() >= MAX_ENTRIES) {
          return new Object[] {RelationsBlob.encode(out)};
        }
        out.add(entry(r, in, field, first.field()));
      }
    }
    return new Object[] {out.isEmpty() ? null : RelationsBlob.encode(out)};
  }

  /** The entry of {@code r}: the sentence around both states' first mentions and the cue. */
  private static RelationsBlob.Entry entry(
      PairRelation r, List<NamedState> in, Field field, int fieldNo) {
    NamedState a = firstOf(in, r.a());
    NamedState b = firstOf(in, r.b());
    String text = field.text();
    int max = EvidenceSnippet.MAX_CHARS;
    EvidenceSnippet e = null;
    boolean cue = r.cueStart() >= 0;
    if (cue) {
      e =
          EvidenceSnippet.around(
              text, max, a.start(), a.end(), b.start(), b.end(), r.cueStart(), r.cueEnd());
    }
    if (e == null) {
      cue = false;
      e = EvidenceSnippet.around(text, max, a.start(), a.end(), b.start(), b.end());
    }
    if (e == null) {
      return new RelationsBlob.Entry(
          r.a(), r.b(), r.quad(), r.direction(), fieldNo, "", 0, 0, 0, 0, -1, -1, r.cue());
    }
    int[] p = e.spans();
    return new RelationsBlob.Entry(
        r.a(),
        r.b(),
        r.quad(),
        r.direction(),
        fieldNo,
        e.text(),
        p[0],
        p[1],
        p[2],
        p[3],
        cue ? p[4] : -1,
        cue ? p[5] : -1,
        r.cue());
  }

  private static NamedState firstOf(List<NamedState> in, String iso2) {
    for (NamedState s : in) {
      if (s.iso2().equals(iso2)) {
        return s;
      }
    }
    throw new IllegalStateException("no mention of " + iso2 + " in the sentence");
  }
}
