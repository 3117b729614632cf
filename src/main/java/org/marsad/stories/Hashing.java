package org.marsad.stories;

/** The 64-bit hash functions of fingerprints: FNV-1a over characters, finished by a mixer. */
final class Hashing {

  /** FNV-1a 64-bit prime. */
  static final long FNV_PRIME = 0x100000001b3L;

  /** FNV-1a 64-bit offset basis. */
  static final long FNV_BASIS = 0xcbf29ce484222325L;

  /** Odd multiplier of the rolling shingle hash (the golden ratio in 64 bits). */
  static final long ROLL = 0x9E3779B97F4A7C15L;

  private Hashing() {}

  /**
   * The finaliser of SplitMix64 (Steele, Lea and Flood): every input bit affects every output bit,
   * which FNV's low bits and the polynomial rolling hash need before their bits are used as bins.
   */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Hash of a character sequence with a seed. */
  static long chars(CharSequence s, long seed) {
    long h = FNV_BASIS ^ seed;
    for (int i = 0, n = s.length(); i < n; i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return mix(h ^ s.length());
  }

  /** Maps a 64-bit hash uniformly onto [0, n) by its high 32 bits (Lemire's multiply-shift). */
  static int range(long h, int n) {
    return (int) (((h >>> 32) * n) >>> 32);
  }
}
