package org.marsad.relations;

import java.util.ArrayList;
import java.util.List;
import org.marsad.pipeline.Bytes;

/**
 * The relations of one document as the analysis pass keeps them: one entry per pair of states and
 * sentence, with the sentence as evidence (both names and the cue as offsets into it).
 */
public final class RelationsBlob {

  private static final int VERSION = 1;

  private RelationsBlob() {}

  /**
   * One pair's relation in one sentence.
   *
   * @param a first state (a &lt; b)
   * @param b second state
   * @param quad the quad class
   * @param direction a&gt;b, b&gt;a or none
   * @param field 0 title, 1 body
   * @param sentence the sentence (or its cut) as shown
   * @param aStart offset of a's first mention in {@code sentence}
   * @param aEnd its end
   * @param bStart offset of b's first mention
   * @param bEnd its end
   * @param cueStart offset of the cue in {@code sentence}, -1 without a cue (or when cut off)
   * @param cueEnd its end, -1 without
   * @param cue the cue as written, empty without one
   */
  public record Entry(
      String a,
      String b,
      Quad quad,
      Direction direction,
      int field,
      String sentence,
      int aStart,
      int aEnd,
      int bStart,
      int bEnd,
      int cueStart,
      int cueEnd,
      String cue) {}

  /** The blob of {@code entries}. */
  public static byte[] encode(List<Entry> entries) {
    Bytes.Writer w = new Bytes.Writer(64 + entries.size() * 160);
    w.byte1(VERSION).varint(entries.size());
    for (Entry e : entries) {
      w.string(e.a())
          .string(e.b())
          .byte1(e.quad().ordinal())
          .byte1(e.direction().ordinal())
          .byte1(e.field())
          .string(e.sentence())
          .varint(e.aStart())
          .varint(e.aEnd())
          .varint(e.bStart())
          .varint(e.bEnd())
          .varint(e.cueStart() + 1)
          .varint(e.cueEnd() + 1)
          .string(e.cue());
    }
    return w.toBytes();
  }

  /** The entries of {@code blob}. */
  public static List<Entry> decode(byte[] blob) {
    Bytes.Reader r = new Bytes.Reader(blob);
    int version = r.byte1();
    if (version != VERSION) {
      throw new IllegalStateException("relations blob version " + version + ", not " + VERSION);
    }
    int n = r.varint();
    List<Entry> out = new ArrayList<>(n);
    Quad[] quads = Quad.values();
    Direction[] dirs = Direction.values();
    for (int i = 0; i < n; i++) {
      out.add(
          new Entry(
              r.string(),
              r.string(),
              quads[r.byte1()],
              dirs[r.byte1()],
              r.byte1(),
              r.string(),
              r.varint(),
              r.varint(),
              r.varint(),
              r.varint(),
              r.varint() - 1,
              r.varint() - 1,
              r.string()));
    }
    return out;
  }
}
