package org.marsad.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A document's state mentions as one binary value: for each mention its state, form, surface,
 * field, offsets, sentence index and a readable context (its sentence, at most {@link
 * #CONTEXT_CHARS} characters around it) with the mention's offsets within that context.
 */
public final class MentionsBlob {

  /** Longest context kept per mention. */
  public static final int CONTEXT_CHARS = 300;

  private static final String[] FORMS = {"name", "adjective", "capital", "team", "city"};

  private MentionsBlob() {}

  /**
   * One mention.
   *
   * @param state ISO alpha-2
   * @param form name, adjective, capital, team or city
   * @param surface the text as written
   * @param field 0 for the title, 1 for the body
   * @param start offset in the field (inclusive)
   * @param end offset in the field (exclusive)
   * @param sentence sentence index within the document (title sentences first)
   * @param context the mention's sentence, cut to at most {@link #CONTEXT_CHARS} characters
   * @param contextStart the mention's start within {@code context}
   * @param contextEnd the mention's end within {@code context}
   */
  public record Mention(
      String state,
      String form,
      String surface,
      int field,
      int start,
      int end,
      int sentence,
      String context,
      int contextStart,
      int contextEnd) {}

  /**
   * A sentence that names both states of a pair (forms counted in co-mentions): the evidence a
   * reader sees for the pair's numbers.
   *
   * @param stateA the first state, sorting before {@code stateB}
   * @param stateB the second state
   * @param field 0 for the title, 1 for the body
   * @param sentence the sentence as the reader sees it (at most {@link #CONTEXT_CHARS} characters)
   * @param aStart start of the first state's mention within {@code sentence}
   * @param aEnd end of the first state's mention
   * @param bStart start of the second state's mention
   * @param bEnd end of the second state's mention
   */
  public record Pair(
      String stateA,
      String stateB,
      int field,
      String sentence,
      int aStart,
      int aEnd,
      int bStart,
      int bEnd) {}

  /** Encodes mentions (and no pair sentences). */
  public static byte[] encode(List<Mention> mentions) {
    return encode(mentions, List.of());
  }

  /** Encodes mentions, then the sentences that name pairs of states. */
  public static byte[] encode(List<Mention> mentions, List<Pair> pairs) {
    Bytes.Writer w = new Bytes.Writer(8 + mentions.size() * 64 + pairs.size() * 128);
    w.varint(mentions.size());
    for (Mention m : mentions) {
      w.string(m.state())
          .byte1(formCode(m.form()))
          .string(m.surface())
          .byte1(m.field())
          .varint(m.start())
          .varint(m.end())
          .varint(m.sentence())
          .string(m.context())
          .varint(m.contextStart())
          .varint(m.contextEnd());
    }
    w.varint(pairs.size());
    for (Pair p : pairs) {
      w.string(p.stateA())
          .string(p.stateB())
          .byte1(p.field())
          .string(p.sentence())
          .varint(p.aStart())
          .varint(p.aEnd())
          .varint(p.bStart())
          .varint(p.bEnd());
    }
    return w.toBytes();
  }

  /** Decodes the mentions (the pair sentences after them are not read). */
  public static List<Mention> decode(byte[] blob) {
    return mentions(new Bytes.Reader(blob));
  }

  /** Decodes the sentences that name pairs of states. */
  public static List<Pair> pairs(byte[] blob) {
    Bytes.Reader r = new Bytes.Reader(blob);
    mentions(r);
    if (!r.hasMore()) {
      return List.of();
    }
    int n = r.varint();
    List<Pair> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(
          new Pair(
              r.string(),
              r.string(),
              r.byte1(),
              r.string(),
              r.varint(),
              r.varint(),
              r.varint(),
              r.varint()));
    }
    return out;
  }

  private static List<Mention> mentions(Bytes.Reader r) {
    int n = r.varint();
    List<Mention> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(
          new Mention(
              r.string(),
              FORMS[r.byte1()],
              r.string(),
              r.byte1(),
              r.varint(),
              r.varint(),
              r.varint(),
              r.string(),
              r.varint(),
              r.varint()));
    }
    return out;
  }

  private static int formCode(String form) {
    for (int i = 0; i < FORMS.length; i++) {
      if (FORMS[i].equals(form)) {
        return i;
      }
    }
    throw new IllegalArgumentException("Cannot encode mention: unknown form (" + form + ")");
  }
}
