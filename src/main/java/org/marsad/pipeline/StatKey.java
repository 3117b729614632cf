package org.marsad.pipeline;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Objects;

/**
 * The key of one partial of the statistics pass: a tag and up to four string fields (unused ones
 * null), e.g. {@code (terms.tf, lang, term, period, source)}. Its {@link #group()} hashes the tag's
 * leading group fields only, so rows of different tags about one term (or one state, one pair) meet
 * in one partition of the reduced result.
 */
public final class StatKey implements Externalizable {

  private static final long serialVersionUID = 1L;

  private byte tag;
  private byte groupFields;
  private String a;
  private String b;
  private String c;
  private String d;
  private transient int hash;

  /** For deserialization only. */
  public StatKey() {}

  /** A key of {@code tag} with its fields (null when unused). */
  public StatKey(Tag tag, String a, String b, String c, String d) {
    this.tag = (byte) tag.id();
    this.groupFields = (byte) tag.groupFields();
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.hash = hash();
  }

  private int hash() {
    return Objects.hash(tag, a, b, c, d);
  }

  /** The tag's id. */
  public int tag() {
    return tag;
  }

  /** True when this key is of {@code t}. */
  public boolean is(Tag t) {
    return tag == t.id();
  }

  /** Field 0. */
  public String a() {
    return a;
  }

  /** Field 1. */
  public String b() {
    return b;
  }

  /** Field 2. */
  public String c() {
    return c;
  }

  /** Field 3. */
  public String d() {
    return d;
  }

  /** Field {@code i}. */
  public String field(int i) {
    return switch (i) {
      case 0 -> a;
      case 1 -> b;
      case 2 -> c;
      default -> d;
    };
  }

  /**
   * The hash of the tag's group fields (the first {@link Tag#groupFields()}), independent of the
   * tag: it chooses the partition of the reduced result.
   */
  public int group() {
    if (groupFields == 0) {
      return hashCode();
    }
    int h = 1;
    for (int i = 0; i < groupFields; i++) {
      h = 31 * h + Objects.hashCode(field(i));
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatKey k
        && k.hashCode() == hashCode()
        && k.tag == tag
        && Objects.equals(k.a, a)
        && Objects.equals(k.b, b)
        && Objects.equals(k.c, c)
        && Objects.equals(k.d, d);
  }

  @Override
  public int hashCode() {
    if (hash == 0) {
      hash = hash();
    }
    return hash;
  }

  @Override
  public String toString() {
    return tag + "(" + a + ", " + b + ", " + c + ", " + d + ")";
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeByte(tag);
    out.writeByte(groupFields);
    int mask =
        (a != null ? 1 : 0) | (b != null ? 2 : 0) | (c != null ? 4 : 0) | (d != null ? 8 : 0);
    out.writeByte(mask);
    for (String s : new String[] {a, b, c, d}) {
      if (s != null) {
        out.writeUTF(s);
      }
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    tag = in.readByte();
    groupFields = in.readByte();
    int mask = in.readByte();
    a = (mask & 1) != 0 ? in.readUTF() : null;
    b = (mask & 2) != 0 ? in.readUTF() : null;
    c = (mask & 4) != 0 ? in.readUTF() : null;
    d = (mask & 8) != 0 ? in.readUTF() : null;
    hash = hash();
  }
}
