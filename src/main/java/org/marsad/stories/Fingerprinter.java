package org.marsad.stories;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.marsad.text.Field;
import org.marsad.text.Lexicon;

/**
 * Makes {@link Fingerprint}s from a body's normalised tokens in one pass: each token is hashed
 * once, each shingle's 64-bit hash is rolled from the token hashes (a polynomial over the last n
 * token hashes, updated in O(1) per token), and that one hash feeds one-permutation MinHash (its
 * high bits pick the bin, the minimum per bin is kept; empty bins are filled by Shrivastava's
 * optimal densification) for the body and the lead, and a list from which the bottom-k sketch is
 * cut.
 *
 * <p>Not thread-safe: one instance per thread or partition, reused across documents (it keeps its
 * buffers). Use {@link #add} per token then {@link #finish}, or {@link #fingerprint}.
 */
public final class Fingerprinter {

  private static final long EMPTY = -1L; // the largest unsigned value: no shingle in the bin yet
  private static final long VALUE_SALT = 0x2545F4914F6CDD1DL;
  private static final long PROBE_SALT = 0x94D049BB133111EBL;

  private final StoryParams params;
  private final int n;
  private final long tokenSeed;
  // The lexicon slot of the token hashes for this token seed (one slot per seed, shared by every
  // fingerprinter with that seed, so tasks do not each add a slot).
  private final int slot;
  private final long shingleSeed;
  private final long powN1; // ROLL^(n-1): the weight of the oldest token in the rolling hash
  private final long[] window;
  private final long[] body;
  private final long[] lead;
  private final int tag;
  private int[] hashes = new int[512];
  private int count; // shingle hashes in `hashes`
  private int tokens;
  private long rolling;
  private long tokenChain; // order-dependent hash of all tokens, for bodies shorter than n

  /** A fingerprinter for {@code params}' shingle size, bins, lead, sketch size and seed. */
  public Fingerprinter(StoryParams params) {
    this.params = params;
    this.n = params.shingle();
    this.tokenSeed = Hashing.mix(params.seed() ^ 0x243F6A8885A308D3L);
    this.slot = SLOTS.computeIfAbsent(tokenSeed, k -> Lexicon.newSlot());
    this.shingleSeed = Hashing.mix(params.seed() ^ 0x13198A2E03707344L);
    long p = 1;
    for (int i = 1; i < n; i++) {
      p *= Hashing.ROLL;
    }
    this.powN1 = p;
    this.window = new long[n];
    this.body = new long[params.bins()];
    this.lead = new long[params.leadBins()];
    this.tag = tag(params);
    reset();
  }

  private static final ConcurrentHashMap<Long, Integer> SLOTS = new ConcurrentHashMap<>();

  /** The parameters this fingerprinter was made for. */
  public StoryParams params() {
    return params;
  }

  /** The hash of the parameters that shape a fingerprint, recorded in its header. */
  static int tag(StoryParams p) {
    long h = Hashing.mix(p.seed());
    for (long v : new long[] {p.shingle(), p.bins(), p.leadShingles(), p.leadBins(), p.sketch()}) {
      h = Hashing.mix(h ^ v);
    }
    return (int) h;
  }

  /** Starts a new document. */
  public void reset() {
    Arrays.fill(body, EMPTY);
    Arrays.fill(lead, EMPTY);
    count = 0;
    tokens = 0;
    rolling = 0;
    tokenChain = 0;
  }

  /** Adds the next normalised token of the body (stop words and numbers included). */
  public void add(CharSequence token) {
    addHash(Hashing.chars(token, tokenSeed));
  }

  /**
   * Adds token {@code i} of the body {@code field}, as {@link #add(CharSequence)} its normal form:
   * the form's hash is computed once per thread's lexicon form and seed, then looked up.
   */
  public void add(Field field, int i) {
    Lexicon lex = field.lexicon();
    int id = field.id(i);
    Object h = lex.get(slot, id);
    long t;
    if (h == null) {
      t = Hashing.chars(lex.norm(id), tokenSeed);
      lex.set(slot, id, t);
    } else {
      t = (Long) h;
    }
    addHash(t);
  }

  private void addHash(long t) {
    int slot = tokens % n;
    if (tokens >= n) {
      rolling -= window[slot] * powN1;
    }
    rolling = rolling * Hashing.ROLL + t;
    window[slot] = t;
    tokenChain = tokenChain * Hashing.ROLL + t;
    tokens++;
    if (tokens >= n) {
      shingle(Hashing.mix(rolling ^ shingleSeed));
    }
  }

  private void shingle(long s) {
    int bin = Hashing.range(s, body.length);
    if (Long.compareUnsigned(s, body[bin]) < 0) {
      body[bin] = s;
    }
    if (count < params.leadShingles()) {
      int lb = Hashing.range(s, lead.length);
      if (Long.compareUnsigned(s, lead[lb]) < 0) {
        lead[lb] = s;
      }
    }
    if (count == hashes.length) {
      hashes = Arrays.copyOf(hashes, count * 2);
    }
    // The low 32 bits, independent of the high bits that chose the bin; flipped for signed order.
    hashes[count++] = (int) s ^ Integer.MIN_VALUE;
  }

  /**
   * Ends the document and returns its fingerprint.
   *
   * @param cleanedText the cleaned body ({@code TextCleaner.clean}) whose hash identifies exact
   *     duplicates, or null to hash the token sequence instead
   */
  public Fingerprint finish(CharSequence cleanedText) {
    if (tokens > 0 && tokens < n) {
      // A body shorter than one shingle is one shingle of all its tokens.
      shingle(Hashing.mix(tokenChain ^ shingleSeed));
    }
    long textHash =
        cleanedText != null
            ? Hashing.chars(cleanedText, 0x3C6EF372FE94F82BL)
            : Hashing.mix(tokenChain ^ tokens);
    if (count == 0) {
      return new Fingerprint(tag, 0, textHash, new short[0], new short[0], new int[0]);
    }
    Arrays.sort(hashes, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || hashes[i] != hashes[i - 1]) {
        hashes[distinct++] = hashes[i];
      }
    }
    int[] sketch = Arrays.copyOf(hashes, Math.min(distinct, params.sketch()));
    Fingerprint f = new Fingerprint(tag, distinct, textHash, values(body), values(lead), sketch);
    reset();
    return f;
  }

  /** Fingerprint of a whole token list (resets first). */
  public Fingerprint fingerprint(List<String> normalisedTokens, CharSequence cleanedText) {
    reset();
    for (int i = 0, m = normalisedTokens.size(); i < m; i++) {
      add(normalisedTokens.get(i));
    }
    return finish(cleanedText);
  }

  /**
   * The 16-bit value of each bin: low bits of a re-mix of the bin's minimum hash (b-bit MinHash:
   * equal minima give equal values, different minima collide with probability 2^-16). An empty bin
   * takes the value of the first non-empty bin on its own pseudo-random probe sequence, the same
   * for every document, so that two documents agree on it with probability equal to their Jaccard
   * similarity (optimal densification, Shrivastava 2017).
   */
  private short[] values(long[] mins) {
    int m = mins.length;
    short[] out = new short[m];
    for (int i = 0; i < m; i++) {
      long s = mins[i];
      if (s == EMPTY) {
        s = borrow(mins, i);
      }
      out[i] = (short) (Hashing.mix(s ^ VALUE_SALT) >>> 48);
    }
    return out;
  }

  private static long borrow(long[] mins, int bin) {
    int m = mins.length;
    for (int attempt = 1; attempt <= 8 * m; attempt++) {
      int j = Hashing.range(Hashing.mix(((long) bin << 32 | attempt) * PROBE_SALT), m);
      if (mins[j] != EMPTY) {
        return mins[j];
      }
    }
    // Practically unreachable (one non-empty bin among m missed 8m times); stay deterministic.
    for (int k = 1; k <= m; k++) {
      long s = mins[(bin + k) % m];
      if (s != EMPTY) {
        return s;
      }
    }
    throw new IllegalStateException("no shingle");
  }
}
