package org.marsad.pipeline;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Comparator;

/**
 * One evidence candidate (a sentence of a document) kept by a bounded top-n: ordered by the
 * document's publication time (undated last), then doc_id, then its order within the document; at
 * most one per story.
 */
public final class Candidate implements Externalizable {

  private static final long serialVersionUID = 1L;

  /** Earliest first, ties by doc_id, then by order within the document. */
  public static final Comparator<Candidate> ORDER =
      Comparator.comparingLong(Candidate::when)
          .thenComparing(Candidate::docId)
          .thenComparingInt(Candidate::seq);

  private long when;
  private String docId;
  private String story;
  private int seq;
  private Object[] payload;

  /** For deserialization only. */
  public Candidate() {}

  /**
   * A candidate.
   *
   * @param when publication time in microseconds since the epoch, {@link Long#MAX_VALUE} if undated
   * @param docId the document
   * @param story the story (the document itself when it has none)
   * @param seq the candidate's order within the document
   * @param payload the row values the capability needs to make its evidence row (strings, integers,
   *     longs, null)
   */
  public Candidate(long when, String docId, String story, int seq, Object[] payload) {
    this.when = when;
    this.docId = docId;
    this.story = story;
    this.seq = seq;
    this.payload = payload;
  }

  /** Publication time in microseconds ({@link Long#MAX_VALUE}: undated). */
  public long when() {
    return when;
  }

  /** The document. */
  public String docId() {
    return docId;
  }

  /** The story. */
  public String story() {
    return story;
  }

  /** Order within the document. */
  public int seq() {
    return seq;
  }

  /** The capability's values. */
  public Object[] payload() {
    return payload;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeLong(when);
    out.writeUTF(docId);
    out.writeUTF(story);
    out.writeInt(seq);
    out.writeShort(payload.length);
    for (Object o : payload) {
      if (o == null) {
        out.writeByte(0);
      } else if (o instanceof String s) {
        out.writeByte(1);
        out.writeUTF(s);
      } else if (o instanceof Integer i) {
        out.writeByte(2);
        out.writeInt(i);
      } else if (o instanceof Long l) {
        out.writeByte(3);
        out.writeLong(l);
      } else {
        throw new IOException("unsupported payload value: " + o.getClass());
      }
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    when = in.readLong();
    docId = in.readUTF();
    story = in.readUTF();
    seq = in.readInt();
    payload = new Object[in.readShort()];
    for (int i = 0; i < payload.length; i++) {
      payload[i] =
          switch (in.readByte()) {
            case 0 -> null;
            case 1 -> in.readUTF();
            case 2 -> in.readInt();
            case 3 -> in.readLong();
            default -> throw new IOException("corrupt candidate");
          };
    }
  }
}
