package org.marsad.jobs;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.marsad.catalog.Catalog;
import org.marsad.terms.TermStats;

/** The terms stage: term_frequencies, term_keyness, collocations (and labels for topics). */
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
    Dataset<Row> tf = r.cache(TermStats.frequencies(counts(ctx, r), labels));
    return r.table(Catalog.TERM_FREQUENCIES, tf)
        .table(Catalog.TERM_KEYNESS, TermStats.keyness(tf, ctx.config().minKeynessCount()))
        .table(
            Catalog.COLLOCATIONS,
            TermStats.collocations(ctx.counted(), ctx.config().minCollocationCount())
                .orderBy(col("lang"), col("g2").desc(), col("term")));
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
      c = r.cache(TermStats.counts(ctx.counted()));
      r.share(COUNTS, c);
    }
    return c;
  }
}
