package org.marsad.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal binary encoding for the per-document intermediate: unsigned varints and UTF-8 strings
 * in a growable byte array, read back in the same order. One binary value per document and column
 * moves through Spark and Parquet as a single cell, with no per-element conversion.
 */
public final class Bytes {

  private Bytes() {}

  /** Appends values to a growing byte array. */
  public static final class Writer {
    private byte[] buf;
    private int n;

    /** A writer with an initial capacity of {@code capacity} bytes. */
    public Writer(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
      if (n + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
      }
    }

    /** Writes a non-negative int as a varint. */
    public Writer varint(int v) {
      ensure(5);
      while ((v & ~0x7F) != 0) {
        buf[n++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[n++] = (byte) v;
      return this;
    }

    /** Writes a long as 8 bytes. */
    public Writer fixed64(long v) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        buf[n++] = (byte) (v >>> (8 * i));
      }
      return this;
    }

    /** Writes one byte. */
    public Writer byte1(int v) {
      ensure(1);
      buf[n++] = (byte) v;
      return this;
    }

    /** Writes a string as its UTF-8 length and bytes. */
    public Writer string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
      return this;
    }

    /** The bytes written so far. */
    public byte[] toBytes() {
      return Arrays.copyOf(buf, n);
    }
  }

  /** Reads values in the order a {@link Writer} wrote them. */
  public static final class Reader {
    private final byte[] buf;
    private int pos;

    /** A reader over {@code buf}. */
    public Reader(byte[] buf) {
      this.buf = buf;
    }

    /** True while bytes remain. */
    public boolean hasMore() {
      return pos < buf.length;
    }

    /** Reads a varint. */
    public int varint() {
      int v = 0;
      int shift = 0;
      while (true) {
        byte b = buf[pos++];
        v |= (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
        shift += 7;
      }
    }

    /** Reads 8 bytes as a long. */
    public long fixed64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (buf[pos++] & 0xFFL) << (8 * i);
      }
      return v;
    }

    /** Reads one byte. */
    public int byte1() {
      return buf[pos++] & 0xFF;
    }

    /** Reads a string. */
    public String string() {
      int len = varint();
      String s = new String(buf, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    /** Skips a string. */
    public void skipString() {
      int len = varint(); // read first: "pos += varint()" would add to the old position
      pos += len;
    }
  }
}
