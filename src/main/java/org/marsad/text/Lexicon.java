package org.marsad.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The surface forms one thread has seen, each with an id, its normal form and what each component
 * (an analyser, the state matcher) computed of it. News repeats its words, so the tokeniser looks
 * each token up once, in place (no substring for a known form), and every later step of the
 * document's analysis is an array lookup by id. Memory stays bounded: when a generation is full,
 * the next field starts a new one; a field keeps the generation it was cut with, so ids never go
 * stale under it.
 */
public final class Lexicon {

  /** Surface forms per generation before a new one starts. */
  static final int MAX_FORMS = 1 << 18;

  private static final AtomicInteger SLOTS = new AtomicInteger();
  private static final ThreadLocal<Lexicon> LOCAL = ThreadLocal.withInitial(Lexicon::new);

  private int[] table = new int[1 << 12]; // id + 1, 0 = empty
  private int[] hashes = new int[1 << 11];
  private String[] surfaces = new String[1 << 11];
  private String[] norms = new String[1 << 11];
  private Object[][] slots = new Object[0][];
  private final HashMap<String, String> canonical = new HashMap<>();
  private int size;

  private Lexicon() {}

  /** The calling thread's current generation, a new one when the current one is full. */
  static Lexicon current() {
    Lexicon l = LOCAL.get();
    if (l.size >= MAX_FORMS) {
      l = new Lexicon();
      LOCAL.set(l);
    }
    return l;
  }

  /** A slot for a component's per-form values (one per component instance). */
  public static int newSlot() {
    return SLOTS.getAndIncrement();
  }

  /** The id of {@code text[start, end)} with Java string hash {@code hash}, added if new. */
  int id(String text, int start, int end, int hash) {
    int len = end - start;
    int mask = table.length - 1;
    int h = hash ^ (hash >>> 16);
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int e = table[i];
      if (e == 0) {
        return add(text.substring(start, end), hash, i);
      }
      int id = e - 1;
      if (hashes[id] == hash) {
        String s = surfaces[id];
        if (s.length() == len && text.regionMatches(start, s, 0, len)) {
          return id;
        }
      }
    }
  }

  private int add(String surface, int hash, int at) {
    int id = size++;
    if (id == surfaces.length) {
      int n = surfaces.length * 2;
      hashes = Arrays.copyOf(hashes, n);
      surfaces = Arrays.copyOf(surfaces, n);
      norms = Arrays.copyOf(norms, n);
    }
    hashes[id] = hash;
    surfaces[id] = surface;
    norms[id] = canonical(ArabicNormalizer.normalize(surface));
    table[at] = id + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int id = 0; id < size; id++) {
      int h = hashes[id] ^ (hashes[id] >>> 16);
      int i = h & mask;
      while (t[i] != 0) {
        i = (i + 1) & mask;
      }
      t[i] = id + 1;
    }
    table = t;
  }

  /** The surface form of {@code id}. */
  public String surface(int id) {
    return surfaces[id];
  }

  /** The normal form ({@link ArabicNormalizer#normalize}) of {@code id}. */
  public String norm(int id) {
    return norms[id];
  }

  /**
   * One shared instance per distinct string of this generation (keys and display forms), so that
   * the per-document counts compare them by identity.
   */
  public String canonical(String s) {
    String c = canonical.putIfAbsent(s, s);
    return c == null ? s : c;
  }

  /** The value {@code slot} holds for {@code id}, or null. */
  public Object get(int slot, int id) {
    if (slot >= slots.length) {
      return null;
    }
    Object[] s = slots[slot];
    return s == null || id >= s.length ? null : s[id];
  }

  /** Stores {@code value} in {@code slot} for {@code id}. */
  public void set(int slot, int id, Object value) {
    if (slot >= slots.length) {
      slots = Arrays.copyOf(slots, slot + 1);
    }
    Object[] s = slots[slot];
    if (s == null || id >= s.length) {
      s =
          s == null
              ? new Object[Math.max(surfaces.length, id + 1)]
              : Arrays.copyOf(s, Math.max(surfaces.length, id + 1));
      slots[slot] = s;
    }
    s[id] = value;
  }
}
