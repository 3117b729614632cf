package org.marsad.terms;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.marsad.corpus.Period;
import org.marsad.pipeline.Candidate;
import org.marsad.pipeline.InputColumns;
import org.marsad.pipeline.StageContext;
import org.marsad.pipeline.StatValue;
import org.marsad.pipeline.TermsBlob;
import org.marsad.text.Analysis;
import org.marsad.text.EvidenceSnippet;
import org.marsad.text.Field;
import org.marsad.text.TextCleaner;
import org.marsad.text.Token;

/**
 * term_evidence: for each period's keyness winners and the top collocations, the first sentences
 * that hold the term, from distinct stories, earliest published first. The targets and the chosen
 * documents are few (bounded by periods × languages × 20 and languages × 50, three documents each),
 * so they are collected; only the chosen documents are read again from the corpus and analysed to
 * find the sentence: the one place a run reads text a second time, bounded by the number of terms,
 * not the corpus.
 */
final class TermEvidence {

  /** Keyness winners per period and language that get evidence. */
  static final int KEYNESS_WINNERS = 20;

  /** Collocations per language (highest G²) that get evidence. */
  static final int TOP_COLLOCATIONS = 50;

  /** Sentences per term and period. */
  static final int PER_TERM = 3;

  static final String KEYNESS = "keyness";

  static final String COLLOCATION = "collocation";

  private TermEvidence() {}

  /** A term that gets evidence. */
  record Target(String period, String lang, String term, String label, String kind, double g2)
      implements java.io.Serializable {}

  private static final Comparator<Target> BEST =
      Comparator.comparingDouble((Target t) -> -t.g2()).thenComparing(Target::term);

  /**
   * The targets: each period's {@value #KEYNESS_WINNERS} keyness winners per language (highest G²
   * among the over-used terms) and each language's {@value #TOP_COLLOCATIONS} collocations with the
   * highest G² (period {@code all}); one job over the two distributed tables.
   */
  static List<Target> targets(JavaRDD<Row> keyness, JavaRDD<Row> collocations) {
    JavaRDD<Target> local =
        keyness
            .mapPartitions(
                (FlatMapFunction<Iterator<Row>, Target>)
                    it -> {
                      List<Target> l = new ArrayList<>();
                      while (it.hasNext()) {
                        Row r = it.next();
                        if (r.getDouble(7) > 0) {
                          l.add(
                              new Target(
                                  r.getString(0),
                                  r.getString(1),
                                  r.getString(2),
                                  r.getString(3),
                                  KEYNESS,
                                  r.getDouble(6)));
                        }
                      }
                      return top(l, KEYNESS_WINNERS).iterator();
                    })
            .union(
                collocations.mapPartitions(
                    (FlatMapFunction<Iterator<Row>, Target>)
                        it -> {
                          List<Target> l = new ArrayList<>();
                          while (it.hasNext()) {
                            Row r = it.next();
                            l.add(
                                new Target(
                                    Period.ALL,
                                    r.getString(0),
                                    r.getString(1),
                                    r.getString(4),
                                    COLLOCATION,
                                    r.getDouble(7)));
                          }
                          return top(l, TOP_COLLOCATIONS).iterator();
                        }));
    List<Target> all = new ArrayList<>(local.collect());
    List<Target> out = new ArrayList<>(top(filter(all, KEYNESS), KEYNESS_WINNERS));
    out.addAll(top(filter(all, COLLOCATION), TOP_COLLOCATIONS));
    return out;
  }

  private static List<Target> filter(List<Target> l, String kind) {
    return l.stream().filter(t -> t.kind().equals(kind)).toList();
  }

  /** The first {@code n} of each (period, lang) by G², ties by term. */
  private static List<Target> top(List<Target> l, int n) {
    Map<String, List<Target>> by = new HashMap<>();
    for (Target t : l) {
      by.computeIfAbsent(t.period() + "\t" + t.lang(), k -> new ArrayList<>()).add(t);
    }
    List<Target> out = new ArrayList<>();
    for (List<Target> g : by.values()) {
      g.sort(BEST);
      out.addAll(g.subList(0, Math.min(n, g.size())));
    }
    return out;
  }

  /** The term_evidence rows of {@code targets}. */
  static List<Row> rows(StageContext ctx, List<Target> targets) {
    if (targets.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> keyness = new HashMap<>(); // period \t lang -> terms
    Map<String, Set<String>> colls = new HashMap<>(); // lang -> "a b"
    Map<String, Target> byKey = new HashMap<>();
    for (Target t : targets) {
      if (t.kind().equals(KEYNESS)) {
        keyness.computeIfAbsent(t.period() + "\t" + t.lang(), k -> new HashSet<>()).add(t.term());
      } else {
        colls.computeIfAbsent(t.lang(), k -> new HashSet<>()).add(t.term());
      }
      byKey.put(key(t.kind(), t.period(), t.lang(), t.term()), t);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
    // 1. The first documents of each target: a top list per partition, merged on the driver.
    FlatMapFunction<Iterator<Row>, Object[]> local =
        it -> {
          Map<String, StatValue> best = new HashMap<>();
          while (it.hasNext()) {
            Row r = it.next();
            String period = r.getString(1);
            String lang = r.getString(5);
            Set<String> wanted = keyness.getOrDefault(period + "\t" + lang, Set.of());
            Set<String> pairs = colls.getOrDefault(lang, Set.of());
            if (wanted.isEmpty() && pairs.isEmpty()) {
              continue;
            }
            Timestamp when = (Timestamp) r.get(3);
            long micros =
                when == null
                    ? Long.MAX_VALUE
                    : when.getTime() * 1000 + (when.getNanos() / 1000) % 1000;
            String doc = r.getString(0);
            String story = r.isNullAt(4) ? doc : r.getString(4);
            Object[] payload = {r.getString(2), r.getString(6), r.getLong(7), r.getString(9)};
            TermsBlob.readAll(
                (byte[]) r.get(8),
                new TermsBlob.Visitor() {
                  @Override
                  public void term(String term, int count) {
                    if (wanted.contains(term)) {
                      offer(best, key(KEYNESS, period, lang, term), micros, doc, story, payload);
                    }
                  }

                  @Override
                  public void bigram(String a, String b, String fa, String fb, int count) {
                    String t = a + " " + b;
                    if (pairs.contains(t)) {
                      offer(
                          best, key(COLLOCATION, Period.ALL, lang, t), micros, doc, story, payload);
                    }
                  }
                });
          }
          List<Object[]> out = new ArrayList<>();
          best.forEach((k, v) -> v.trim().candidates().forEach(c -> out.add(new Object[] {k, c})));
          return out.iterator();
        };
    List<Object[]> got =
        ctx.counted()
            .select(
                "doc_id",
                "period",
                "source",
                "published_at",
                "story_id",
                "lang",
                "file",
                "row",
                "terms",
                "url")
            .javaRDD()
            .mapPartitions(local)
            .collect();
    Map<String, StatValue> merged = new HashMap<>();
    for (Object[] g : got) {
      merged.computeIfAbsent((String) g[0], k -> StatValue.top(PER_TERM)).offer((Candidate) g[1]);
    }
    // 2. The chosen documents, read again by file and row, analysed to find the sentence.
    Map<String, List<Object[]>> wantedDocs = new HashMap<>(); // file \t row -> (target, rank, cand)
    for (Map.Entry<String, StatValue> e : merged.entrySet()) {
      int rank = 0;
      for (Candidate c : e.getValue().trim().candidates()) {
        Object[] p = c.payload();
        wantedDocs
            .computeIfAbsent(p[1] + "\t" + p[2], k -> new ArrayList<>())
            .add(new Object[] {byKey.get(e.getKey()), ++rank, c});
      }
    }
    Broadcast<Map<String, List<Object[]>>> b = jsc.broadcast(wantedDocs);
    StageContext.TextColumns o = ctx.textColumns();
    boolean hasTitle = o.title() != null && List.of(ctx.raw().columns()).contains(o.title());
    Analysis analysis = ctx.analysis();
    List<String> files =
        wantedDocs.keySet().stream().map(k -> k.split("\t", 2)[0]).distinct().toList();
    FlatMapFunction<Iterator<Row>, Row> sentences =
        it -> {
          List<Row> out = new ArrayList<>();
          while (it.hasNext()) {
            Row r = it.next();
            List<Object[]> ts = b.value().get(r.getString(0) + "\t" + r.getLong(1));
            if (ts == null) {
              continue;
            }
            for (Object[] t : ts) {
              Row e = sentence((Target) t[0], (Integer) t[1], (Candidate) t[2], r, analysis);
              if (e != null) {
                out.add(e);
              }
            }
          }
          return out.iterator();
        };
    List<Row> rows =
        ctx.raw()
            .filter(col(InputColumns.FILE).isin(files.toArray()))
            .select(
                col(InputColumns.FILE),
                col(InputColumns.ROW),
                col(quote(o.text())).cast("string"),
                hasTitle
                    ? col(quote(o.title())).cast("string")
                    : org.apache.spark.sql.functions.lit(null).cast("string"))
            .javaRDD()
            .mapPartitions(sentences)
            .collect();
    b.destroy();
    return rows;
  }

  private static void offer(
      Map<String, StatValue> best,
      String key,
      long micros,
      String doc,
      String story,
      Object[] payload) {
    best.computeIfAbsent(key, k -> StatValue.top(PER_TERM))
        .offer(new Candidate(micros, doc, story, 0, payload));
  }

  private static String key(String kind, String period, String lang, String term) {
    return kind + "\t" + period + "\t" + lang + "\t" + term;
  }

  /** The first sentence of a chosen document holding its term, as a term_evidence row. */
  private static Row sentence(Target t, int rank, Candidate c, Row doc, Analysis analysis) {
    String[] parts = t.kind().equals(COLLOCATION) ? t.term().split(" ", 2) : null;
    for (String raw : new String[] {doc.getString(3), doc.getString(2)}) {
      String text = TextCleaner.clean(raw);
      if (text == null || text.isEmpty()) {
        continue;
      }
      List<Token> tokens = analysis.forLanguage(t.lang()).analyze(Field.of(text));
      for (int i = 0; i < tokens.size(); i++) {
        Token x = tokens.get(i);
        int start = -1;
        int end = -1;
        if (parts == null && x.term().equals(t.term())) {
          start = x.start();
          end = x.end();
        } else if (parts != null
            && i + 1 < tokens.size()
            && x.term().equals(parts[0])
            && tokens.get(i + 1).term().equals(parts[1])
            && x.position() + 1 == tokens.get(i + 1).position()
            && x.sentence() == tokens.get(i + 1).sentence()) {
          start = x.start();
          end = tokens.get(i + 1).end();
        }
        if (start >= 0) {
          EvidenceSnippet s = EvidenceSnippet.around(text, EvidenceSnippet.MAX_CHARS, start, end);
          if (s != null) {
            Object[] p = c.payload();
            return RowFactory.create(
                t.period(),
                t.lang(),
                t.term(),
                t.label(),
                t.kind(),
                rank,
                c.docId(),
                p[0],
                c.when() == Long.MAX_VALUE
                    ? null
                    : org.marsad.pipeline.FinishedRows.timestamp(c.when()),
                s.text(),
                s.spans()[0],
                s.spans()[1],
                p[3]);
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
