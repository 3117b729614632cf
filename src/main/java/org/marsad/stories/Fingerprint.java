package org.marsad.stories;

import java.util.Arrays;

/**
 * The per-document fingerprint of near-duplicate detection, made by {@link Fingerprinter} from a
 * body's normalised tokens: a one-permutation MinHash signature of the body's word shingles, a
 * second one of its lead (its first shingles, which a truncated reprint keeps), a bottom-k sketch
 * of the shingle hashes that verifies candidate pairs, the number of distinct shingles and a hash
 * of the cleaned text for exact duplicates. {@link #encode()} gives the bytes of the intermediate's
 * binary column.
 */
public final class Fingerprint {

  /** First byte of every encoded fingerprint; bump it when the layout changes. */
  public static final byte VERSION = 1;

  private static final long BAND_SALT = 0x5DEECE66DL;
  private static final long KIND_BODY = 1;
  private static final long KIND_LEAD = 2;
  private static final long KIND_EXACT = 3;

  private final int tag;
  private final int shingles;
  private final long textHash;
  private final short[] body;
  private final short[] lead;
  // Shingle hashes as unsigned 32-bit values XOR 0x80000000, so that signed order is their order.
  private final int[] sketch;

  Fingerprint(int tag, int shingles, long textHash, short[] body, short[] lead, int[] sketch) {
    this.tag = tag;
    this.shingles = shingles;
    this.textHash = textHash;
    this.body = body;
    this.lead = lead;
    this.sketch = sketch;
  }

  /** Distinct shingles of the body (0 for a body without tokens). */
  public int shingles() {
    return shingles;
  }

  /** The 64-bit hash of the cleaned text (identical texts, identical hashes). */
  public long textHash() {
    return textHash;
  }

  /** The hash of the fingerprint parameters the fingerprint was made with. */
  public int paramsTag() {
    return tag;
  }

  /** Entries of the bottom-k sketch (the distinct shingles when fewer than k). */
  public int sketchSize() {
    return sketch.length;
  }

  /**
   * The band keys of this document: one per band of the body's signature and one per band of the
   * lead's; a body without shingles has the key of its text hash instead (so that identical texts
   * without words are still candidates; identical texts with words share every band anyway). A key
   * hashes the kind, the band index and the band's values, so two documents share a key only when
   * they share a whole band.
   */
  public long[] bandKeys(Banding bodyBanding, Banding leadBanding) {
    if (shingles == 0) {
      return new long[] {Hashing.mix(textHash ^ KIND_EXACT * BAND_SALT)};
    }
    if (bodyBanding.bins() > body.length || leadBanding.bins() > lead.length) {
      throw new IllegalArgumentException(
          "Cannot band the fingerprint: bandings "
              + bodyBanding
              + " and "
              + leadBanding
              + " read more bins than its signatures have ("
              + body.length
              + ", "
              + lead.length
              + ")");
    }
    long[] keys = new long[bodyBanding.bands() + leadBanding.bands()];
    int k = bands(body, bodyBanding, KIND_BODY, keys, 0);
    bands(lead, leadBanding, KIND_LEAD, keys, k);
    return keys;
  }

  private static int bands(short[] sig, Banding banding, long kind, long[] keys, int k) {
    int rows = banding.rows();
    for (int b = 0; b < banding.bands(); b++) {
      long h = Hashing.mix((kind << 32 | b) * BAND_SALT);
      for (int r = 0; r < rows; r++) {
        h = Hashing.mix(h ^ (sig[b * rows + r] & 0xFFFFL));
      }
      keys[k++] = h;
    }
    return k;
  }

  /**
   * The similarity of this body and {@code other}'s, from the bottom-k sketches: the Jaccard
   * similarity counts the shared hashes among the k smallest of the union (Broder's estimator,
   * exact when both bodies have at most k distinct shingles); the containment of the shorter body S
   * in the longer L is the share of S's sketched hashes that L has, counting only hashes up to L's
   * largest sketched one (below it, L's sketch holds every hash of L), so that it is a uniform
   * sample of S.
   */
  public Similarity similarity(Fingerprint other) {
    if (tag != other.tag) {
      throw new IllegalArgumentException(
          "Cannot compare fingerprints made with different parameters");
    }
    boolean exact = textHash == other.textHash;
    if (shingles == 0 || other.shingles == 0) {
      return new Similarity(exact ? 1 : 0, exact ? 1 : 0, 0, exact);
    }
    int[] a = sketch;
    int[] b = other.sketch;
    boolean aCut = a.length < shingles;
    boolean bCut = b.length < other.shingles;
    // Jaccard: walk the union in ascending order, at most k values when a sketch is cut.
    int limit = Integer.MAX_VALUE;
    if (aCut) {
      limit = a.length;
    }
    if (bCut) {
      limit = Math.min(limit, b.length);
    }
    int i = 0;
    int j = 0;
    int union = 0;
    int both = 0;
    while (union < limit && (i < a.length || j < b.length)) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        i++;
      } else if (i >= a.length || b[j] < a[i]) {
        j++;
      } else {
        both++;
        i++;
        j++;
      }
      union++;
    }
    double jaccard = union == 0 ? 0 : (double) both / union;

    boolean thisShorter =
        shingles < other.shingles || (shingles == other.shingles && a.length <= b.length);
    int[] s = thisShorter ? a : b;
    int[] l = thisShorter ? b : a;
    boolean lCut = thisShorter ? bCut : aCut;
    int ceiling = lCut ? l[l.length - 1] : Integer.MAX_VALUE;
    int sample = 0;
    int hits = 0;
    int q = 0;
    for (int x : s) {
      if (x > ceiling) {
        break;
      }
      sample++;
      while (q < l.length && l[q] < x) {
        q++;
      }
      if (q < l.length && l[q] == x) {
        hits++;
      }
    }
    double containment;
    int nS = Math.min(shingles, other.shingles);
    int nL = Math.max(shingles, other.shingles);
    if (sample > 0) {
      containment = (double) hits / sample;
    } else {
      // No sketched hash of S lies below L's ceiling (S much larger in hash space): derive it from
      // the Jaccard estimate and the sizes, |S ∩ L| = J (|S| + |L|) / (1 + J).
      containment = Math.min(1, jaccard * (nS + nL) / ((1 + jaccard) * nS));
    }
    return new Similarity(jaccard, containment, nS, exact);
  }

  /**
   * Share of equal bins of the two body signatures: the MinHash estimate of the Jaccard similarity
   * (for diagnostics; candidates are verified with {@link #similarity}).
   */
  public double signatureAgreement(Fingerprint other) {
    if (body.length != other.body.length || body.length == 0) {
      return 0;
    }
    int eq = 0;
    for (int i = 0; i < body.length; i++) {
      if (body[i] == other.body[i]) {
        eq++;
      }
    }
    return (double) eq / body.length;
  }

  /**
   * Share of equal bins of the two lead signatures: the MinHash estimate of the Jaccard similarity
   * of the two leads.
   */
  public double leadAgreement(Fingerprint other) {
    if (lead.length != other.lead.length || lead.length == 0) {
      return 0;
    }
    int eq = 0;
    for (int i = 0; i < lead.length; i++) {
      if (lead[i] == other.lead[i]) {
        eq++;
      }
    }
    return (double) eq / lead.length;
  }

  /** The compact binary form (see docs/stories.md for the layout). */
  public byte[] encode() {
    Bytes out = new Bytes(16 + 2 * (body.length + lead.length) + 4 * sketch.length);
    out.put(VERSION);
    out.putInt(tag);
    out.putVarint(shingles);
    out.putLong(textHash);
    out.putVarint(body.length);
    for (short v : body) {
      out.putShort(v);
    }
    out.putVarint(lead.length);
    for (short v : lead) {
      out.putShort(v);
    }
    out.putVarint(sketch.length);
    long prev = 0;
    for (int x : sketch) {
      long u = (long) x - Integer.MIN_VALUE;
      out.putVarint(u - prev);
      prev = u;
    }
    return out.toArray();
  }

  /**
   * Reads the form {@link #encode()} wrote.
   *
   * @throws IllegalArgumentException on bytes of another version or truncated bytes
   */
  public static Fingerprint decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes[0] != VERSION) {
      throw new IllegalArgumentException(
          "Cannot decode a fingerprint: "
              + (bytes == null || bytes.length == 0
                  ? "no bytes"
                  : "version " + bytes[0] + ", expected " + VERSION));
    }
    try {
      Bytes in = new Bytes(bytes);
      in.pos = 1;
      int tag = in.getInt();
      int shingles = (int) in.getVarint();
      long textHash = in.getLong();
      short[] body = new short[(int) in.getVarint()];
      for (int i = 0; i < body.length; i++) {
        body[i] = in.getShort();
      }
      short[] lead = new short[(int) in.getVarint()];
      for (int i = 0; i < lead.length; i++) {
        lead[i] = in.getShort();
      }
      int[] sketch = new int[(int) in.getVarint()];
      long u = 0;
      for (int i = 0; i < sketch.length; i++) {
        u += in.getVarint();
        sketch[i] = (int) (u + Integer.MIN_VALUE);
      }
      return new Fingerprint(tag, shingles, textHash, body, lead, sketch);
    } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("Cannot decode a fingerprint: truncated bytes", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f
        && tag == f.tag
        && shingles == f.shingles
        && textHash == f.textHash
        && Arrays.equals(body, f.body)
        && Arrays.equals(lead, f.lead)
        && Arrays.equals(sketch, f.sketch);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(textHash) * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "Fingerprint[shingles=" + shingles + ", sketch=" + sketch.length + "]";
  }

  /** A growable byte buffer with little-endian fixed-width and LEB128 varint fields. */
  private static final class Bytes {
    byte[] buf;
    int pos;

    Bytes(int capacity) {
      buf = new byte[capacity];
    }

    Bytes(byte[] data) {
      buf = data;
    }

    void ensure(int n) {
      if (pos + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
      }
    }

    void put(byte b) {
      ensure(1);
      buf[pos++] = b;
    }

    void putShort(short v) {
      ensure(2);
      buf[pos++] = (byte) v;
      buf[pos++] = (byte) (v >>> 8);
    }

    void putInt(int v) {
      ensure(4);
      for (int i = 0; i < 4; i++) {
        buf[pos++] = (byte) (v >>> (8 * i));
      }
    }

    void putLong(long v) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        buf[pos++] = (byte) (v >>> (8 * i));
      }
    }

    void putVarint(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[pos++] = (byte) v;
    }

    short getShort() {
      int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
      pos += 2;
      return (short) v;
    }

    int getInt() {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        v |= (buf[pos++] & 0xFF) << (8 * i);
      }
      return v;
    }

    long getLong() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (buf[pos++] & 0xFFL) << (8 * i);
      }
      return v;
    }

    long getVarint() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte b = buf[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
        shift += 7;
        if (shift > 63) {
          throw new IllegalArgumentException("Cannot decode a fingerprint: bad varint");
        }
      }
    }

    byte[] toArray() {
      return Arrays.copyOf(buf, pos);
    }
  }
}
