package org.marsad.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.marsad.text.Token;

/**
 * A document's term counts as one binary value: each distinct term with its count and its surface
 * (display) forms with theirs, then the adjacent term pairs (bigrams) with their count and the
 * forms of their first occurrence. Pairs are only counted across tokens that were adjacent in the
 * text with no removed word and no sentence boundary between them; fields (title, body) don't
 * chain.
 */
public final class TermsBlob {

  private TermsBlob() {}

  /** Receives the content of a blob, in order. */
  public interface Visitor {

    /** A term and its count in the document. */
    void term(String term, int count);

    /** A surface form of the term last given and its count (only when forms are read). */
    default void form(String term, String form, int count) {}

    /** An adjacent pair, the surface forms of its first occurrence and its count. */
    default void bigram(String a, String b, String formA, String formB, int count) {}
  }

  private static final class Acc {
    final String term;
    final int index;
    int count;
    final List<String> forms = new ArrayList<>(2);
    final List<int[]> formCounts = new ArrayList<>(2); // {count, global index}

    Acc(String term, int index) {
      this.term = term;
      this.index = index;
    }

    int form(String display) {
      for (int i = 0; i < forms.size(); i++) {
        if (forms.get(i).equals(display)) {
          formCounts.get(i)[0]++;
          return i;
        }
      }
      forms.add(display);
      formCounts.add(new int[] {1, 0});
      return forms.size() - 1;
    }
  }

  /** Encodes the kept tokens of each field of one document; returns also the token count. */
  public static byte[] encode(List<List<Token>> fields) {
    HashMap<String, Acc> terms = new HashMap<>(256);
    List<Acc> order = new ArrayList<>();
    int expected = 0;
    for (List<Token> tokens : fields) {
      expected += tokens.size();
    }
    LongIntMap bigrams = new LongIntMap(expected); // (a, b) -> index in bigramOrder
    List<int[]> bigramOrder = new ArrayList<>(); // {count, a, b, formA, formB}
    int n = 0;
    for (List<Token> tokens : fields) {
      Token prev = null;
      Acc prevAcc = null;
      int prevForm = 0;
      for (Token t : tokens) {
        n++;
        Acc a = terms.get(t.term());
        if (a == null) {
          a = new Acc(t.term(), order.size());
          terms.put(t.term(), a);
          order.add(a);
        }
        a.count++;
        int form = a.form(t.display());
        if (prev != null
            && prev.position() + 1 == t.position()
            && prev.sentence() == t.sentence()) {
          long key = ((long) prevAcc.index << 32) | a.index;
          int g = bigrams.get(key);
          if (g < 0) {
            g = bigramOrder.size();
            bigrams.put(key, g);
            bigramOrder.add(new int[] {0, prevAcc.index, a.index, prevForm, form});
          }
          bigramOrder.get(g)[0]++;
        }
        prev = t;
        prevAcc = a;
        prevForm = form;
      }
    }
    Bytes.Writer w = new Bytes.Writer(16 + order.size() * 12 + bigramOrder.size() * 5);
    w.varint(n).varint(order.size());
    for (Acc a : order) {
      w.string(a.term).varint(a.count).varint(a.forms.size());
      for (int i = 0; i < a.forms.size(); i++) {
        w.string(a.forms.get(i)).varint(a.formCounts.get(i)[0]);
      }
    }
    w.varint(bigramOrder.size());
    for (int[] g : bigramOrder) {
      w.varint(g[1]).varint(g[2]).varint(g[0]).varint(g[3]).varint(g[4]);
    }
    return w.toBytes();
  }

  /** The number of kept tokens the blob was made of. */
  public static int tokens(byte[] blob) {
    return new Bytes.Reader(blob).varint();
  }

  /** Reads the terms and counts only (forms and bigrams skipped). */
  public static void readTerms(byte[] blob, Visitor v) {
    read(blob, v, false, false);
  }

  /** Reads everything: terms, their forms, bigrams. */
  public static void readAll(byte[] blob, Visitor v) {
    read(blob, v, true, true);
  }

  private static void read(byte[] blob, Visitor v, boolean forms, boolean bigrams) {
    Bytes.Reader r = new Bytes.Reader(blob);
    r.varint();
    int nTerms = r.varint();
    String[] termOf = bigrams ? new String[nTerms] : null;
    List<String> formOf = bigrams ? new ArrayList<>(nTerms) : null;
    List<int[]> formStart = bigrams ? new ArrayList<>(nTerms) : null;
    for (int i = 0; i < nTerms; i++) {
      String term = r.string();
      int count = r.varint();
      v.term(term, count);
      int nf = r.varint();
      if (bigrams) {
        termOf[i] = term;
        formStart.add(new int[] {formOf.size()});
      }
      for (int k = 0; k < nf; k++) {
        if (forms) {
          String f = r.string();
          int c = r.varint();
          v.form(term, f, c);
          if (bigrams) {
            formOf.add(f);
          }
        } else {
          r.skipString();
          r.varint();
        }
      }
    }
    if (!bigrams) {
      return;
    }
    int nb = r.varint();
    for (int i = 0; i < nb; i++) {
      int a = r.varint();
      int b = r.varint();
      int count = r.varint();
      int fa = r.varint();
      int fb = r.varint();
      v.bigram(
          termOf[a],
          termOf[b],
          formOf.get(formStart.get(a)[0] + fa),
          formOf.get(formStart.get(b)[0] + fb),
          count);
    }
  }
}
