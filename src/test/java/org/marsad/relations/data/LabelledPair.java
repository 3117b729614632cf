package org.marsad.relations.data;

/**
 * One labelled pair of states in one sentence of the relations sets, with the sentence's text
 * (resolved from the corpus for ANT and Reuters, which the files only reference).
 *
 * @param id {@code <sentence id>:<A>-<B>}, e.g. {@code dar-017:IQ-IR}
 * @param corpus ant, jawharafm, reuters or marsad-own (sentences written for the sets)
 * @param docId the document's id in its corpus (docno, newid; the sentence id for marsad-own)
 * @param field title or text (Reuters' body column is "text" here)
 * @param start start of the sentence in the cleaned field ({@code TextCleaner.clean})
 * @param end end (exclusive) of the sentence in the cleaned field
 * @param sha1 SHA-1 (lower-case hex) of the sentence's UTF-8 bytes
 * @param text the sentence
 * @param lang ar, en, fr or fa
 * @param source the outlet (ANT's src; jawharafm, reuters or marsad-own otherwise)
 * @param a ISO 3166-1 alpha-2 code of the first state (a &lt; b)
 * @param b ISO 3166-1 alpha-2 code of the second state
 * @param aSpan the first mention of {@code a} in the sentence
 * @param bSpan the first mention of {@code b} in the sentence
 * @param relation cooperation, conflict or neutral
 * @param quad verbal_cooperation, material_cooperation, verbal_conflict, material_conflict or
 *     neutral
 * @param direction a&gt;b, b&gt;a or none
 * @param cue the words that carry the relation, as written (empty for neutral)
 * @param cueSpan where the cue is in the sentence, or null
 * @param note the guide's rule for a hard case, or empty
 */
public record LabelledPair(
    String id,
    String corpus,
    String docId,
    String field,
    int start,
    int end,
    String sha1,
    String text,
    String lang,
    String source,
    String a,
    String b,
    Span aSpan,
    Span bSpan,
    String relation,
    String quad,
    String direction,
    String cue,
    Span cueSpan,
    String note) {

  /** Offsets [start, end) in the sentence. */
  public record Span(int start, int end) {

    /** The spanned text of {@code sentence}. */
    public String of(String sentence) {
      return sentence.substring(start, end);
    }
  }

  /** The id of the sentence (the part before the colon). */
  public String sentenceId() {
    return id.substring(0, id.indexOf(':'));
  }
}
