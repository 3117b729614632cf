package org.marsad.evidence;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.corpus.Period;
import org.marsad.pipeline.MentionsBlob;
import org.marsad.pipeline.TermsBlob;
import org.marsad.text.Analysis;
import org.marsad.text.EvidenceSnippet;
import org.marsad.text.Field;
import org.marsad.text.TextCleaner;
import org.marsad.text.Token;

/**
 * The evidence behind the numbers, as pure transformations: for each state pair and period the
 * first sentences (from distinct stories) that name both states, taken from the pass's per-document
 * values; and for each period's keyness winners and the top collocations the first sentences that
 * hold the term, for which only the documents cited are read and analysed again.
 */
public final class Evidence {

  private Evidence() {}

  private static final StructType PAIR_CANDIDATE =
      new StructType()
          .add("period", DataTypes.StringType)
          .add("state_a", DataTypes.StringType)
          .add("state_b", DataTypes.StringType)
          .add("doc_id", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("published_at", DataTypes.TimestampType)
          .add("story_id", DataTypes.StringType)
          .add("field", DataTypes.StringType)
          .add("sentence", DataTypes.StringType)
          .add("a_start", DataTypes.IntegerType)
          .add("a_end", DataTypes.IntegerType)
          .add("b_start", DataTypes.IntegerType)
          .add("b_end", DataTypes.IntegerType);

  /**
   * comention_evidence: per period (and {@code all} over the dated ones) and state pair, the first
   * {@code n} sentences naming both states, earliest published first, from distinct stories. {@code
   * counted}: doc_id, period, source, published_at, story_id, mentions.
   */
  public static Dataset<Row> comentions(Dataset<Row> counted, int n) {
    FlatMapFunction<Row, Row> candidates =
        r -> {
          List<MentionsBlob.Pair> pairs = MentionsBlob.pairs((byte[]) r.get(5));
          if (pairs.isEmpty()) {
            return java.util.Collections.emptyIterator();
          }
          String period = r.getString(1);
          List<Row> out = new ArrayList<>();
          for (String p :
              period.equals(Period.ALL) ? List.of(period) : List.of(period, Period.ALL)) {
            for (MentionsBlob.Pair x : pairs) {
              out.add(
                  RowFactory.create(
                      p,
                      x.stateA(),
                      x.stateB(),
                      r.getString(0),
                      r.getString(2),
                      r.get(3),
                      r.get(4),
                      x.field() == 0 ? "title" : "text",
                      x.sentence(),
                      x.aStart(),
                      x.aEnd(),
                      x.bStart(),
                      x.bEnd()));
            }
          }
          return out.iterator();
        };
    return TopPerKey.select(
        counted
            .select("doc_id", "period", "source", "published_at", "story_id", "mentions")
            .flatMap(candidates, Encoders.row(PAIR_CANDIDATE)),
        List.of("period", "state_a", "state_b"),
        n);
  }

  private static final StructType TERM_CANDIDATE =
      new StructType()
          .add("period", DataTypes.StringType)
          .add("lang", DataTypes.StringType)
          .add("term", DataTypes.StringType)
          .add("kind", DataTypes.StringType)
          .add("doc_id", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("published_at", DataTypes.TimestampType)
          .add("story_id", DataTypes.StringType)
          .add("file", DataTypes.StringType)
          .add("row", DataTypes.LongType);

  /**
   * The terms that get evidence: each period's {@value EvidenceTables#KEYNESS_WINNERS} keyness
   * winners per language (highest G² among the over-used) and each language's {@value
   * EvidenceTables#TOP_COLLOCATIONS} collocations with the highest G² (period {@code all}): period,
   * lang, term, label, kind. Small (a few rows per period), so it is collected for the scan.
   */
  public static Dataset<Row> termTargets(Dataset<Row> keyness, Dataset<Row> collocations) {
    Dataset<Row> winners =
        keyness
            .filter(col("log_ratio").gt(0))
            .withColumn(
                "r",
                row_number()
                    .over(
                        Window.partitionBy("period", "lang")
                            .orderBy(col("g2").desc(), col("term"))))
            .filter(col("r").leq(EvidenceTables.KEYNESS_WINNERS))
            .select(
                col("period"),
                col("lang"),
                col("term"),
                col("label"),
                lit(EvidenceTables.KEYNESS).as("kind"));
    Dataset<Row> colls =
        collocations
            .withColumn(
                "r",
                row_number()
                    .over(Window.partitionBy("lang").orderBy(col("g2").desc(), col("term"))))
            .filter(col("r").leq(EvidenceTables.TOP_COLLOCATIONS))
            .select(
                lit(Period.ALL).as("period"),
                col("lang"),
                col("term"),
                col("label"),
                lit(EvidenceTables.COLLOCATION).as("kind"));
    return winners.unionByName(colls);
  }

  /**
   * term_evidence: for each target of {@link #termTargets} the first {@code n} documents that hold
   * the term (in the period for a keyness winner, anywhere for a collocation), earliest first, from
   * distinct stories, and in each the first sentence holding it, with the term's span. The
   * documents are found from their term counts; only the chosen ones are read again from {@code
   * raw} (the corpus as read) and analysed to find the sentence.
   *
   * @param counted doc_id, period, source, published_at, story_id, lang, file, row, terms
   * @param targets from {@link #termTargets} (collected: a few rows per period)
   * @param raw the corpus as read, with the reader's file and row columns
   * @param textCol the corpus's text column
   * @param titleCol the corpus's title column, or null when it has none
   */
  public static Dataset<Row> terms(
      Dataset<Row> counted,
      List<Row> targets,
      Dataset<Row> raw,
      String fileCol,
      String rowCol,
      String textCol,
      String titleCol,
      Analysis analysis,
      int n) {
    Map<String, Set<String>> keyness = new HashMap<>(); // period \t lang -> terms
    Map<String, Set<String>> colls = new HashMap<>(); // lang -> "a b"
    Map<String, String> labels = new HashMap<>();
    for (Row t : targets) {
      String kind = t.getString(4);
      if (kind.equals(EvidenceTables.KEYNESS)) {
        keyness
            .computeIfAbsent(t.getString(0) + "\t" + t.getString(1), k -> new HashSet<>())
            .add(t.getString(2));
      } else {
        colls.computeIfAbsent(t.getString(1), k -> new HashSet<>()).add(t.getString(2));
      }
      labels.put(
          kind + "\t" + t.getString(0) + "\t" + t.getString(1) + "\t" + t.getString(2),
          t.getString(3));
    }
    FlatMapFunction<Row, Row> candidates =
        r -> {
          String period = r.getString(1);
          String lang = r.getString(5);
          Set<String> wanted = keyness.getOrDefault(period + "\t" + lang, Set.of());
          Set<String> pairs = colls.getOrDefault(lang, Set.of());
          if (wanted.isEmpty() && pairs.isEmpty()) {
            return java.util.Collections.emptyIterator();
          }
          List<Row> out = new ArrayList<>();
          TermsBlob.readAll(
              (byte[]) r.get(8),
              new TermsBlob.Visitor() {
                @Override
                public void term(String term, int count) {
                  if (wanted.contains(term)) {
                    out.add(candidate(r, period, lang, term, EvidenceTables.KEYNESS));
                  }
                }

                @Override
                public void bigram(String a, String b, String formA, String formB, int count) {
                  String t = a + " " + b;
                  if (pairs.contains(t)) {
                    out.add(candidate(r, Period.ALL, lang, t, EvidenceTables.COLLOCATION));
                  }
                }
              });
          return out.iterator();
        };
    Dataset<Row> chosen =
        TopPerKey.select(
                counted
                    .select(
                        "doc_id",
                        "period",
                        "source",
                        "published_at",
                        "story_id",
                        "lang",
                        "file",
                        "row",
                        "terms")
                    .flatMap(candidates, Encoders.row(TERM_CANDIDATE)),
                List.of("period", "lang", "term", "kind"),
                n)
            // Small (n rows per target) and used twice below: computed once.
            .localCheckpoint();
    // Read again only the documents cited: a broadcast of their (file, row) keys.
    Dataset<Row> keys = chosen.select("file", "row").distinct();
    Dataset<Row> texts =
        raw.select(
                col(fileCol).as("t_file"),
                col(rowCol).as("t_row"),
                col(quote(textCol)).cast("string").as("t_text"),
                (titleCol == null ? lit(null).cast("string") : col(quote(titleCol)).cast("string"))
                    .as("t_title"))
            .join(
                broadcast(keys),
                col("t_file").equalTo(keys.col("file")).and(col("t_row").equalTo(keys.col("row"))),
                "left_semi");
    Dataset<Row> joined =
        chosen.join(
            texts, col("file").equalTo(col("t_file")).and(col("row").equalTo(col("t_row"))));
    MapPartitionsFunction<Row, Row> sentences =
        rows -> {
          List<Row> out = new ArrayList<>();
          while (rows.hasNext()) {
            Row r = rows.next();
            Row e = sentence(r, analysis, labels);
            if (e != null) {
              out.add(e);
            }
          }
          return out.iterator();
        };
    return joined
        .select(
            "period",
            "lang",
            "term",
            "kind",
            "rank",
            "doc_id",
            "source",
            "published_at",
            "t_title",
            "t_text")
        .mapPartitions(sentences, Encoders.row(EvidenceTables.TERM_EVIDENCE));
  }

  private static Row candidate(Row r, String period, String lang, String term, String kind) {
    return RowFactory.create(
        period,
        lang,
        term,
        kind,
        r.getString(0),
        r.getString(2),
        r.get(3),
        r.get(4),
        r.getString(6),
        r.getLong(7));
  }

  /** The first sentence of a chosen document holding its term, as a term_evidence row. */
  private static Row sentence(Row r, Analysis analysis, Map<String, String> labels) {
    String period = r.getString(0);
    String lang = r.getString(1);
    String term = r.getString(2);
    String kind = r.getString(3);
    String[] parts = kind.equals(EvidenceTables.COLLOCATION) ? term.split(" ", 2) : null;
    for (String raw : new String[] {r.getString(8), r.getString(9)}) {
      String text = TextCleaner.clean(raw);
      if (text == null || text.isEmpty()) {
        continue;
      }
      List<Token> tokens = analysis.forLanguage(lang).analyze(Field.of(text));
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        int start = -1;
        int end = -1;
        if (parts == null && t.term().equals(term)) {
          start = t.start();
          end = t.end();
        } else if (parts != null
            && i + 1 < tokens.size()
            && t.term().equals(parts[0])
            && tokens.get(i + 1).term().equals(parts[1])
            && t.position() + 1 == tokens.get(i + 1).position()
            && t.sentence() == tokens.get(i + 1).sentence()) {
          start = t.start();
          end = tokens.get(i + 1).end();
        }
        if (start >= 0) {
          EvidenceSnippet s = EvidenceSnippet.around(text, EvidenceSnippet.MAX_CHARS, start, end);
          if (s != null) {
            return RowFactory.create(
                period,
                lang,
                term,
                labels.get(kind + "\t" + period + "\t" + lang + "\t" + term),
                kind,
                r.getInt(4),
                r.getString(5),
                r.getString(6),
                (Timestamp) r.get(7),
                s.text(),
                s.spans()[0],
                s.spans()[1]);
          }
        }
      }
    }
    return null;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
