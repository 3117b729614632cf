package org.marsad.terms;

import org.marsad.pipeline.DocStats;
import org.marsad.pipeline.StatDoc;
import org.marsad.pipeline.StatSink;
import org.marsad.pipeline.Tag;
import org.marsad.pipeline.TermsBlob;

/**
 * The terms capability's part of the statistics pass: each document's term blob is decoded once
 * into term counts per period, source and language (over the documents that count, and over every
 * document for the raw count), surface forms for labels, adjacent pairs for collocations and the
 * token totals that keyness and term trends divide by. A term's rows of every kind share its group
 * (lang, term), so they meet on one task after the shuffle.
 */
public final class TermPartials implements DocStats {

  private static final long serialVersionUID = 1L;

  /** (lang, term, period, source): term_count, doc_count, doc_count_raw. */
  public static final Tag TF = Tag.define(10, "terms.tf", 2, Tag.Size.LARGE);

  /** (lang, term, form): occurrences of the surface form in the documents that count. */
  public static final Tag FORM = Tag.define(11, "terms.form", 2, Tag.Size.LARGE);

  /** (lang, a, b, "formA formB"): adjacent pairs in the documents that count. */
  public static final Tag BIGRAM = Tag.define(12, "terms.bigram", 2, Tag.Size.LARGE);

  /** (lang, b): adjacent pairs ending with b (the right marginal of collocations). */
  public static final Tag RIGHT = Tag.define(13, "terms.right", 2, Tag.Size.LARGE);

  /** (period, lang): tokens of the documents that count. */
  public static final Tag TOKENS = Tag.define(14, "terms.tokens", 0, Tag.Size.SMALL);

  /** (lang): adjacent pairs of the documents that count. */
  public static final Tag PAIRS = Tag.define(15, "terms.pairs", 0, Tag.Size.SMALL);

  @Override
  public void emit(StatDoc doc, StatSink sink) {
    byte[] blob = doc.blob(TermsExtractor.COLUMN);
    if (blob == null) {
      return;
    }
    String lang = doc.lang();
    String period = doc.period();
    String source = doc.source();
    boolean counted = doc.counted();
    if (counted) {
      sink.add(TOKENS, period, lang, null, null, TermsBlob.tokens(blob));
    }
    TermsBlob.Visitor v =
        new TermsBlob.Visitor() {
          @Override
          public void term(String term, int count) {
            if (counted) {
              sink.add(TF, lang, term, period, source, count, 1, 1);
            } else {
              sink.add(TF, lang, term, period, source, 0, 0, 1);
            }
          }

          @Override
          public void form(String term, String form, int count) {
            sink.add(FORM, lang, term, form, null, count);
          }

          @Override
          public void bigram(String a, String b, String formA, String formB, int count) {
            sink.add(BIGRAM, lang, a, b, formA + ' ' + formB, count);
            sink.add(RIGHT, lang, b, null, null, count);
            sink.add(PAIRS, lang, null, null, null, count);
          }
        };
    if (counted) {
      TermsBlob.readAll(blob, v);
    } else {
      TermsBlob.readTerms(blob, v);
    }
  }
}
