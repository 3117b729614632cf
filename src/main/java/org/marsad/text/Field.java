package org.marsad.text;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * One field of a document (a title, a body) cut into tokens once, each token an id in the thread's
 * {@link Lexicon} with its normal form: the analysers, the state matcher and the sentence counts
 * all read this one tokenisation.
 */
public final class Field {

  private final String text;
  private final Lexicon lexicon;
  private int size;
  private int[] starts;
  private int[] ends;
  private int[] sentences;
  private int[] ids;

  private Field(String text) {
    this.text = text;
    this.lexicon = Lexicon.current();
    int cap = Math.max(4, text.length() / 5);
    starts = new int[cap];
    ends = new int[cap];
    sentences = new int[cap];
    ids = new int[cap];
    if (!text.isEmpty()) {
      Tokenizer.scan(text, this::add);
    }
  }

  private void add(int start, int end, int sentence, int hash) {
    if (size == starts.length) {
      int n = size * 2;
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      sentences = Arrays.copyOf(sentences, n);
      ids = Arrays.copyOf(ids, n);
    }
    starts[size] = start;
    ends[size] = end;
    sentences[size] = sentence;
    ids[size] = lexicon.id(text, start, end, hash);
    size++;
  }

  /** Tokenises {@code text} (already cleaned; null gives an empty field). */
  public static Field of(String text) {
    return new Field(text == null ? "" : text);
  }

  /** The field's text. */
  public String text() {
    return text;
  }

  /** The lexicon generation the token ids belong to. */
  public Lexicon lexicon() {
    return lexicon;
  }

  /** Number of tokens. */
  public int size() {
    return size;
  }

  /** Start offset of token {@code i}. */
  public int start(int i) {
    return starts[i];
  }

  /** End offset (exclusive) of token {@code i}. */
  public int end(int i) {
    return ends[i];
  }

  /** Sentence index of token {@code i}. */
  public int sentence(int i) {
    return sentences[i];
  }

  /** Lexicon id of token {@code i}. */
  public int id(int i) {
    return ids[i];
  }

  /** The surface of token {@code i}. */
  public String surface(int i) {
    return lexicon.surface(ids[i]);
  }

  /** The normalised form ({@link ArabicNormalizer#normalize}) of token {@code i}. */
  public String norm(int i) {
    return lexicon.norm(ids[i]);
  }

  /** The raw token at {@code i}. */
  public RawToken token(int i) {
    return new RawToken(surface(i), starts[i], ends[i], sentences[i], i);
  }

  /** The raw tokens, in order (a view). */
  public List<RawToken> tokens() {
    return new AbstractList<>() {
      @Override
      public RawToken get(int i) {
        return token(i);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Number of sentences (0 for a field without tokens). */
  public int sentences() {
    return size == 0 ? 0 : sentences[size - 1] + 1;
  }
}
