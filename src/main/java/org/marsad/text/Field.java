package org.marsad.text;

import java.util.List;

/**
 * One field of a document (a title, a body) cut into tokens once, with each token's normalised
 * form: the analysers, the state matcher and the sentence counts all read this one tokenisation.
 */
public final class Field {

  private static final Field EMPTY = new Field("", List.of());

  private final String text;
  private final List<RawToken> tokens;
  private final String[] norm;

  private Field(String text, List<RawToken> tokens) {
    this.text = text;
    this.tokens = tokens;
    this.norm = new String[tokens.size()];
    for (int i = 0; i < norm.length; i++) {
      norm[i] = Normalized.of(tokens.get(i).surface());
    }
  }

  /** Tokenises {@code text} (already cleaned; null or blank gives an empty field). */
  public static Field of(String text) {
    if (text == null || text.isEmpty()) {
      return EMPTY;
    }
    return new Field(text, Tokenizer.tokenize(text));
  }

  /** The field's text. */
  public String text() {
    return text;
  }

  /** The raw tokens, in order. */
  public List<RawToken> tokens() {
    return tokens;
  }

  /** Number of tokens. */
  public int size() {
    return norm.length;
  }

  /** The raw token at {@code i}. */
  public RawToken token(int i) {
    return tokens.get(i);
  }

  /** The normalised form ({@link ArabicNormalizer#normalize}) of token {@code i}. */
  public String norm(int i) {
    return norm[i];
  }

  /** Number of sentences (0 for a field without tokens). */
  public int sentences() {
    return tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).sentence() + 1;
  }

  /** Memoised normalisation: news text repeats its words, so most tokens are a map lookup. */
  static final class Normalized {
    private static final ThreadLocal<Memo<String, String>> MEMO =
        ThreadLocal.withInitial(() -> new Memo<>(1 << 17));

    private Normalized() {}

    static String of(String surface) {
      Memo<String, String> m = MEMO.get();
      String n = m.get(surface);
      if (n == null) {
        n = ArabicNormalizer.normalize(surface);
        m.put(surface, n);
      }
      return n;
    }
  }
}
