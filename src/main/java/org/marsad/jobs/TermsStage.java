package org.marsad.jobs;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.marsad.catalog.Catalog;
import org.marsad.evidence.Evidence;
import org.marsad.evidence.EvidenceTables;
import org.marsad.io.CorpusReader;
import org.marsad.terms.TermStats;
import org.marsad.trends.Trends;

/**
 * The terms stage: term_frequencies, term_keyness, collocations, term_trends and term_evidence (and
 * the labels and counts the topics stage reuses).
 */
final class TermsStage implements Stage {

  /** Key of the shared term labels (lang, term, label). */
  static final String LABELS = "term_labels";

  /** Key of the shared term counts (period, source, lang, term, term_count, doc_count). */
  static final String COUNTS = "term_counts";

  @Override
  public String name() {
    return "terms";
  }

  @Override
  public Result run(Context ctx) {
    Result r = new Result();
    Dataset<Row> labels = labels(ctx, r);
    JobConfig c = ctx.config();
    Dataset<Row> tf = r.cache(TermStats.frequencies(counts(ctx, r), labels));
    Dataset<Row> keyness = r.cache(TermStats.keyness(tf, c.minKeynessCount()));
    Dataset<Row> collocations =
        r.cache(TermStats.collocations(ctx.counted(), c.minCollocationCount()));
    // The terms that get evidence: a few per period (collected, then looked up per document).
    List<Row> targets = Evidence.termTargets(keyness, collocations).collectAsList();
    var corpus = c.corpus();
    boolean hasTitle = java.util.Arrays.asList(ctx.raw().columns()).contains(corpus.titleCol());
    return r.table(Catalog.TERM_FREQUENCIES, tf)
        .table(Catalog.TERM_KEYNESS, keyness)
        .table(
            Catalog.COLLOCATIONS, collocations.orderBy(col("lang"), col("g2").desc(), col("term")))
        .table(Catalog.TERM_TRENDS, Trends.termTrends(tf, c.minKeynessCount()))
        .table(
            Catalog.TERM_EVIDENCE,
            Evidence.terms(
                ctx.counted(),
                targets,
                ctx.raw(),
                CorpusReader.FILE_COL,
                CorpusReader.ROW_COL,
                corpus.textCol(),
                hasTitle ? corpus.titleCol() : null,
                c.analysis(),
                EvidenceTables.DEFAULT_PER_ITEM));
  }

  /** The term labels, computed once per run (shared with the topics stage). */
  static Dataset<Row> labels(Context ctx, Result r) {
    Dataset<Row> l = ctx.shared().get(LABELS);
    if (l == null) {
      l = r.cache(TermStats.labels(ctx.counted()));
      r.share(LABELS, l);
    }
    return l;
  }

  /** The term counts, computed once per run (shared with the topics stage). */
  static Dataset<Row> counts(Context ctx, Result r) {
    Dataset<Row> c = ctx.shared().get(COUNTS);
    if (c == null) {
      c = r.cache(TermStats.counts(ctx.documents()));
      r.share(COUNTS, c);
    }
    return c;
  }
}
