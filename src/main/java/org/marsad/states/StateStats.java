package org.marsad.states;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.text.Gazetteer;
import org.marsad.text.StateMatcher;
import org.marsad.text.StateSettings;
import org.marsad.text.Tokenizer;

/**
 * State mentions and co-mention statistics as pure transformations (no I/O): mentions per document,
 * counts per period and source, and association measures between pairs of states at document and
 * sentence scope. Co-mentions are aggregated in Spark, never collected.
 */
public final class StateStats {

  /** Mention struct produced per document. */
  public static final StructType MENTION =
      new StructType()
          .add("state", DataTypes.StringType, false)
          .add("form", DataTypes.StringType, false)
          .add("surface", DataTypes.StringType, false)
          .add("field", DataTypes.StringType, false)
          .add("start", DataTypes.IntegerType, false)
          .add("end", DataTypes.IntegerType, false)
          .add("sentence", DataTypes.IntegerType, false);

  private static final StructType FOUND =
      new StructType()
          .add("mentions", DataTypes.createArrayType(MENTION, false), false)
          .add("n_sentences", DataTypes.IntegerType, false);

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
   * Finds the mentions of each counted document (duplicates excluded): doc_id, period, source,
   * n_sentences (title + body) and mentions (array of state, form, surface, field, start, end,
   * sentence; sentence indices of the body follow those of the title).
   */
  public static Dataset<Row> find(Dataset<Row> documents, StateSettings settings) {
    UserDefinedFunction udf =
        functions.udf(
            (UDF2<String, String, Row>) (title, text) -> find(settings.matcher(), title, text),
            FOUND);
    return documents
        .filter(col("duplicate_of").isNull())
        .select(
            col("doc_id"),
            col("period"),
            col("source"),
            udf.apply(col("title"), col("text")).as("f"))
        .select(
            col("doc_id"),
            col("period"),
            col("source"),
            col("f.n_sentences").as("n_sentences"),
            col("f.mentions").as("mentions"));
  }

  static Row find(StateMatcher matcher, String title, String text) {
    int titleSentences = title == null || title.isBlank() ? 0 : sentences(title);
    List<Row> out = new ArrayList<>();
    for (StateMatcher.Mention m :
        matcher.find(title == null ? "" : title, text == null ? "" : text)) {
      boolean inTitle = m.field() == 0;
      out.add(
          RowFactory.create(
              m.iso2(),
              m.form(),
              m.surface(),
              inTitle ? "title" : "text",
              m.start(),
              m.end(),
              inTitle ? m.sentence() : titleSentences + m.sentence()));
    }
    return RowFactory.create(out, titleSentences + (text == null ? 0 : sentences(text)));
  }

  private static int sentences(String s) {
    var t = Tokenizer.tokenize(s);
    return t.isEmpty() ? 0 : t.get(t.size() - 1).sentence() + 1;
  }

  /** state_mentions: doc_id, period, source, state, form, surface, field, start, end, sentence. */
  public static Dataset<Row> mentions(Dataset<Row> found) {
    return found
        .select(col("doc_id"), col("period"), col("source"), explode(col("mentions")).as("m"))
        .select(
            col("doc_id"),
            col("period"),
            col("source"),
            col("m.state").as("state"),
            col("m.form").as("form"),
            col("m.surface").as("surface"),
            col("m.field").as("field"),
            col("m.start").as("start"),
            col("m.end").as("end"),
            col("m.sentence").as("sentence"));
  }

  /**
   * state_counts: period, source, state, docs (documents mentioning it), mentions, share_of_docs
   * (docs / documents of that period and source). {@code mentions} is the state_mentions table
   * filtered to the forms in use; {@code found} gives the document totals.
   */
  public static Dataset<Row> counts(Dataset<Row> mentions, Dataset<Row> found) {
    Dataset<Row> totals = found.groupBy("period", "source").agg(count(lit(1)).as("n_docs"));
    return mentions
        .groupBy("period", "source", "state")
        .agg(countDistinct("doc_id").as("docs"), count(lit(1)).as("mentions"))
        .join(totals, new String[] {"period", "source"})
        .withColumn("share_of_docs", col("docs").cast("double").divide(col("n_docs")))
        .select("period", "source", "state", "docs", "mentions", "share_of_docs");
  }

  /**
   * state_comentions: period (each period, plus {@code all} when there are several), scope
   * (document or sentence), state_a &lt; state_b, co_docs, docs_a, docs_b, docs_total and the
   * measures (see the README for the formulas). At sentence scope the units are sentences.
   */
  public static Dataset<Row> comentions(
      Dataset<Row> mentions,
      Dataset<Row> found,
      boolean document,
      boolean sentence,
      long minCoDocs) {
    Dataset<Row> docTotals =
        found.groupBy("period").agg(count(lit(1)).as("units"), sum("n_sentences").as("sentences"));
    Dataset<Row> result = null;
    if (document) {
      Dataset<Row> units =
          mentions.groupBy("period", "doc_id").agg(collect_set("state").as("states"));
      Dataset<Row> totals = docTotals.select(col("period"), col("units").as("docs_total"));
      result = union(result, measures(units, totals, "document", minCoDocs));
    }
    if (sentence) {
      Dataset<Row> units =
          mentions.groupBy("period", "doc_id", "sentence").agg(collect_set("state").as("states"));
      Dataset<Row> totals = docTotals.select(col("period"), col("sentences").as("docs_total"));
      result = union(result, measures(units, totals, "sentence", minCoDocs));
    }
    return result;
  }

  private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
    return a == null ? b : a.unionByName(b);
  }

  private static Dataset<Row> measures(
      Dataset<Row> units, Dataset<Row> totals, String scope, long minCoDocs) {
    // Period "all" aggregates the dated periods; a corpus without dates already is all "all".
    Column dated = col("period").notEqual(lit("all"));
    Dataset<Row> u = units.select(col("period"), col("states"));
    u = u.unionByName(u.filter(dated).withColumn("period", lit("all")));
    totals =
        totals.unionByName(
            totals
                .filter(dated)
                .agg(sum("docs_total").as("docs_total"))
                .filter(col("docs_total").isNotNull())
                .withColumn("period", lit("all"))
                .select("period", "docs_total"));
    Dataset<Row> single = u.select(col("period"), explode(col("states")).as("state"));
    Dataset<Row> marg = single.groupBy("period", "state").agg(count(lit(1)).as("docs"));
    Dataset<Row> pairs =
        u.select(col("period"), explode(col("states")).as("state_a"), col("states"))
            .select(col("period"), col("state_a"), explode(col("states")).as("state_b"))
            .filter(col("state_a").lt(col("state_b")))
            .groupBy("period", "state_a", "state_b")
            .agg(count(lit(1)).as("co_docs"))
            .filter(col("co_docs").geq(minCoDocs));
    Dataset<Row> ma =
        marg.select(col("period"), col("state").as("state_a"), col("docs").as("docs_a"));
    Dataset<Row> mb =
        marg.select(col("period"), col("state").as("state_b"), col("docs").as("docs_b"));
    Dataset<Row> t =
        pairs
            .join(ma, new String[] {"period", "state_a"})
            .join(mb, new String[] {"period", "state_b"})
            .join(broadcast(totals), new String[] {"period"});
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
        lit(scope).as("scope"),
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
