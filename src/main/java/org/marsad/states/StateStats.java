package org.marsad.states;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.marsad.analysis.Partials;
import org.marsad.corpus.Period;
import org.marsad.pipeline.MentionsBlob;
import org.marsad.states.match.Gazetteer;

/**
 * State mentions and co-mention statistics as pure transformations of the analysed documents (no
 * I/O): mentions per document, counts per period and source, and association measures between pairs
 * of states at document and sentence scope. The inputs are the documents that count, with their
 * binary mentions; counts are folded per partition in plain Java and merged by one shuffle, never
 * collected.
 */
public final class StateStats {

  /** Schema of the {@code state_mentions} table. */
  public static final StructType MENTIONS =
      new StructType()
          .add("doc_id", DataTypes.StringType, false)
          .add("period", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add("state", DataTypes.StringType, false)
          .add("form", DataTypes.StringType, false)
          .add("surface", DataTypes.StringType, false)
          .add("field", DataTypes.StringType, false)
          .add("start", DataTypes.IntegerType, false)
          .add("end", DataTypes.IntegerType, false)
          .add("sentence", DataTypes.IntegerType, false)
          .add("context", DataTypes.StringType, false)
          .add("context_start", DataTypes.IntegerType, false)
          .add("context_end", DataTypes.IntegerType, false);

  private static final StructType COUNT_PARTIAL =
      new StructType()
          .add("period", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("state", DataTypes.StringType)
          .add("docs", DataTypes.LongType)
          .add("mentions", DataTypes.LongType)
          .add("docs_raw", DataTypes.LongType);

  private static final StructType CO_PARTIAL =
      new StructType()
          .add("scope", DataTypes.StringType)
          .add("period", DataTypes.StringType)
          .add("state_a", DataTypes.StringType)
          .add("state_b", DataTypes.StringType)
          .add("n", DataTypes.LongType);

  private record CountKey(String period, String source, String state) {}

  private record CoKey(String scope, String period, String a, String b) {}

  private StateStats() {}

  /** The states dimension: iso2, iso3, name_en, name_ar, status. */
  public static Dataset<Row> states(SparkSession spark, Gazetteer gazetteer) {
    List<Row> rows = new ArrayList<>();
    for (Gazetteer.State s : gazetteer.states()) {
      rows.add(RowFactory.create(s.iso2(), s.iso3(), s.nameEn(), s.nameAr(), s.status()));
    }
    StructType schema =
        new StructType()
            .add("iso2", DataTypes.StringType, false)
            .add("iso3", DataTypes.StringType, false)
            .add("name_en", DataTypes.StringType, false)
            .add("name_ar", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false);
    return spark.createDataFrame(rows, schema);
  }

  /**
   * state_mentions of {@code counted} (documents with doc_id, period, source, mentions): doc_id,
   * period, source, state, form, surface, field (title or text), start, end (offsets into the
   * cleaned field), sentence (index within the document, title first), context (the mention's
   * sentence, at most 300 characters) and the mention's offsets within it.
   */
  public static Dataset<Row> mentions(Dataset<Row> counted) {
    FlatMapFunction<Row, Row> expand =
        r -> {
          String doc = r.getString(0);
          String period = r.getString(1);
          String source = r.getString(2);
          List<Row> out = new ArrayList<>();
          for (MentionsBlob.Mention m : MentionsBlob.decode((byte[]) r.get(3))) {
            out.add(
                RowFactory.create(
                    doc,
                    period,
                    source,
                    m.state(),
                    m.form(),
                    m.surface(),
                    m.field() == 0 ? "title" : "text",
                    m.start(),
                    m.end(),
                    m.sentence(),
                    m.context(),
                    m.contextStart(),
                    m.contextEnd()));
          }
          return out.iterator();
        };
    return counted
        .select("doc_id", "period", "source", "mentions")
        .flatMap(expand, Encoders.row(MENTIONS));
  }

  /**
   * state_counts: period, source, state, docs (documents that count naming it: one per story),
   * mentions, share_of_docs (docs / documents that count of that period and source) and docs_raw
   * (every document naming it, reprints included), over the mentions of the forms in {@code forms}.
   * {@code documents}: period, source, mentions, counted.
   */
  public static Dataset<Row> counts(Dataset<Row> documents, Set<String> forms) {
    Set<String> fs = Set.copyOf(forms);
    MapPartitionsFunction<Row, Row> partial =
        rows ->
            Partials.<CountKey>fold(
                rows,
                3,
                (r, p) -> {
                  String period = r.getString(0);
                  String source = r.getString(1);
                  boolean counted = r.getBoolean(3);
                  if (counted) {
                    p.add2(new CountKey(period, source, null), 1, 0);
                  }
                  Map<String, Integer> perState = new HashMap<>();
                  for (MentionsBlob.Mention m : MentionsBlob.decode((byte[]) r.get(2))) {
                    if (fs.contains(m.form())) {
                      perState.merge(m.state(), 1, Integer::sum);
                    }
                  }
                  perState.forEach(
                      (st, n) -> {
                        CountKey k = new CountKey(period, source, st);
                        if (counted) {
                          p.add2(k, 1, n);
                        }
                        p.add(k, 2, 1);
                      });
                },
                (k, c) -> RowFactory.create(k.period(), k.source(), k.state(), c[0], c[1], c[2]));
    Dataset<Row> agg =
        documents
            .select("period", "source", "mentions", "counted")
            .mapPartitions(partial, Encoders.row(COUNT_PARTIAL))
            .groupBy("period", "source", "state")
            .agg(
                sum("docs").as("docs"),
                sum("mentions").as("mentions"),
                sum("docs_raw").as("docs_raw"));
    Dataset<Row> totals =
        agg.filter(col("state").isNull())
            .select(col("period"), col("source"), col("docs").as("n_docs"));
    return agg.filter(col("state").isNotNull())
        .join(totals, new String[] {"period", "source"}, "left")
        .withColumn(
            "share_of_docs",
            when(col("n_docs").gt(0), col("docs").cast("double").divide(col("n_docs")))
                .otherwise(lit(0.0)))
        .select("period", "source", "state", "docs", "mentions", "share_of_docs", "docs_raw");
  }

  /**
   * state_comentions: period (each period, plus {@code all} over the dated ones), scope (document
   * or sentence), state_a &lt; state_b, co_docs, docs_a, docs_b, docs_total and the measures (see
   * the README for the formulas), over the mentions of the forms in {@code forms}. At sentence
   * scope the units are sentences. A pair is reported when co-mentioned in at least {@code
   * minCoDocs} units.
   */
  public static Dataset<Row> comentions(
      Dataset<Row> counted, Set<String> forms, boolean document, boolean sentence, long minCoDocs) {
    Set<String> fs = Set.copyOf(forms);
    MapPartitionsFunction<Row, Row> partial =
        rows ->
            Partials.<CoKey>fold(
                rows,
                1,
                (r, p) -> {
                  String period = r.getString(0);
                  int sentences = r.getInt(1);
                  List<MentionsBlob.Mention> ms = MentionsBlob.decode((byte[]) r.get(2));
                  String[] periods =
                      period.equals(Period.ALL)
                          ? new String[] {period}
                          : new String[] {period, Period.ALL};
                  for (String pe : periods) {
                    if (document) {
                      p.add(new CoKey("document", pe, null, null), 0, 1);
                    }
                    if (sentence) {
                      p.add(new CoKey("sentence", pe, null, null), 0, sentences);
                    }
                  }
                  TreeSet<String> docStates = new TreeSet<>();
                  Map<Integer, TreeSet<String>> bySentence = new TreeMap<>();
                  for (MentionsBlob.Mention m : ms) {
                    if (fs.contains(m.form())) {
                      docStates.add(m.state());
                      bySentence.computeIfAbsent(m.sentence(), k -> new TreeSet<>()).add(m.state());
                    }
                  }
                  for (String pe : periods) {
                    if (document) {
                      unit(p, "document", pe, docStates);
                    }
                    if (sentence) {
                      for (TreeSet<String> u : bySentence.values()) {
                        unit(p, "sentence", pe, u);
                      }
                    }
                  }
                },
                (k, c) -> RowFactory.create(k.scope(), k.period(), k.a(), k.b(), c[0]));
    Dataset<Row> agg =
        counted
            .select("period", "n_sentences", "mentions")
            .mapPartitions(partial, Encoders.row(CO_PARTIAL))
            .groupBy("scope", "period", "state_a", "state_b")
            .agg(sum("n").as("n"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> totals =
        agg.filter(col("state_a").isNull())
            .select(col("scope"), col("period"), col("n").as("docs_total"));
    Dataset<Row> marg = agg.filter(col("state_a").isNotNull().and(col("state_b").isNull()));
    Dataset<Row> pairs =
        agg.filter(col("state_b").isNotNull().and(col("n").geq(minCoDocs)))
            .select(
                col("scope"),
                col("period"),
                col("state_a"),
                col("state_b"),
                col("n").as("co_docs"));
    Dataset<Row> ma =
        marg.select(col("scope"), col("period"), col("state_a"), col("n").as("docs_a"));
    Dataset<Row> mb =
        marg.select(
            col("scope"), col("period"), col("state_a").as("state_b"), col("n").as("docs_b"));
    return measures(
        pairs
            .join(ma, new String[] {"scope", "period", "state_a"})
            .join(mb, new String[] {"scope", "period", "state_b"})
            .join(broadcast(totals), new String[] {"scope", "period"}));
  }

  /** Adds one unit naming {@code states} (sorted): its marginals and its pairs. */
  private static void unit(Partials<CoKey> p, String scope, String period, TreeSet<String> states) {
    if (states.isEmpty()) {
      return;
    }
    String[] s = states.toArray(new String[0]);
    for (int i = 0; i < s.length; i++) {
      p.add(new CoKey(scope, period, s[i], null), 0, 1);
      for (int j = i + 1; j < s.length; j++) {
        p.add(new CoKey(scope, period, s[i], s[j]), 0, 1);
      }
    }
  }

  /** The association measures of joined pair counts (co_docs, docs_a, docs_b, docs_total). */
  private static Dataset<Row> measures(Dataset<Row> t) {
    Column co = col("co_docs").cast("double");
    Column da = col("docs_a").cast("double");
    Column db = col("docs_b").cast("double");
    Column n = col("docs_total").cast("double");
    Column pmi = log(2.0, co.multiply(n).divide(da.multiply(db)));
    Column pab = co.divide(n);
    Column npmi = when(pab.geq(1.0), lit(1.0)).otherwise(pmi.divide(log(2.0, pab).multiply(-1)));
    Column k11 = co;
    Column k12 = da.minus(co);
    Column k21 = db.minus(co);
    Column k22 = n.minus(da).minus(db).plus(co);
    Column llr =
        lit(2.0)
            .multiply(
                xlogx(k11, da.multiply(db).divide(n))
                    .plus(xlogx(k12, da.multiply(n.minus(db)).divide(n)))
                    .plus(xlogx(k21, n.minus(da).multiply(db).divide(n)))
                    .plus(xlogx(k22, n.minus(da).multiply(n.minus(db)).divide(n))));
    return t.select(
        col("period"),
        col("scope"),
        col("state_a"),
        col("state_b"),
        col("co_docs"),
        col("docs_a"),
        col("docs_b"),
        col("docs_total"),
        co.divide(da.plus(db).minus(co)).as("jaccard"),
        lit(2.0).multiply(co).divide(da.plus(db)).as("dice"),
        pmi.as("pmi"),
        npmi.as("npmi"),
        co.multiply(n).divide(da.multiply(db)).as("lift"),
        llr.as("llr"),
        co.divide(da).as("p_b_given_a"),
        co.divide(db).as("p_a_given_b"));
  }

  private static Column xlogx(Column x, Column e) {
    return when(x.gt(0), x.multiply(log(x.divide(e)))).otherwise(lit(0.0));
  }
}
