package org.marsad.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Fingerprints: encoding, exact similarity for small bodies, estimates for large ones, bands. */
@Tag("unit")
class FingerprintTest {

  private static final StoryParams P = StoryParams.defaults();

  /** A body of n distinct made-up words starting at word {@code from}. */
  static List<String> words(int from, int n) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      out.add("w" + Integer.toString(i * 7919 % 100_003, 36));
    }
    return out;
  }

  static Fingerprint fp(List<String> tokens) {
    return new Fingerprinter(P).fingerprint(tokens, String.join(" ", tokens));
  }

  @Test
  void encodesAndDecodesToAnEqualFingerprint() {
    for (List<String> body : List.of(words(0, 1), words(0, 3), words(0, 120), words(0, 2000))) {
      Fingerprint f = fp(body);
      byte[] bytes = f.encode();
      assertThat(Fingerprint.decode(bytes)).isEqualTo(f);
      assertThat(bytes[0]).isEqualTo(Fingerprint.VERSION);
    }
    Fingerprint empty = new Fingerprinter(P).fingerprint(List.of(), "");
    assertThat(empty.shingles()).isZero();
    assertThat(Fingerprint.decode(empty.encode())).isEqualTo(empty);
  }

  @Test
  void aLongBodyStaysCompact() {
    // 2,000 tokens: 256 B of body signature, 128 B of lead signature, a 256-entry sketch.
    byte[] bytes = fp(words(0, 2000)).encode();
    assertThat(bytes.length).isBetween(384 + 256 * 2, 384 + 256 * 4 + 32);
  }

  @Test
  void decodeRejectsOtherVersionsAndTruncatedBytes() {
    assertThatThrownBy(() -> Fingerprint.decode(new byte[] {9, 1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot decode a fingerprint: version 9, expected 1");
    byte[] ok = fp(words(0, 50)).encode();
    assertThatThrownBy(() -> Fingerprint.decode(Arrays.copyOf(ok, ok.length / 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot decode a fingerprint: truncated bytes");
    assertThatThrownBy(() -> Fingerprint.decode(new byte[0]))
        .hasMessage("Cannot decode a fingerprint: no bytes");
  }

  @Test
  void smallBodiesAreComparedExactly() {
    // 100 and 100 tokens sharing 70: 97 shingles each, 67 shared.
    Similarity s = fp(words(0, 100)).similarity(fp(words(30, 100)));
    assertThat(s.jaccard()).isCloseTo(67.0 / (97 + 97 - 67), within(1e-12));
    assertThat(s.containment()).isCloseTo(67.0 / 97, within(1e-12));
    assertThat(s.shorter()).isEqualTo(97);
    assertThat(s.exact()).isFalse();
    assertThat(s.sameStory(P)).isTrue();
  }

  @Test
  void aTruncatedCopyIsContainedThoughItsJaccardIsLow() {
    List<String> full = words(0, 400);
    Fingerprint original = fp(full);
    Fingerprint copy = fp(full.subList(0, 160));
    Similarity s = original.similarity(copy);
    assertThat(s.containment()).isCloseTo(1.0, within(0.02));
    assertThat(s.jaccard()).isCloseTo(157.0 / 397, within(0.06));
    assertThat(s.jaccard()).isLessThan(P.threshold());
    assertThat(s.sameStory(P)).isTrue();
    // The lead bands of the copy are those of the original.
    long[] a = original.bandKeys(P.bodyBanding(), P.leadBanding());
    long[] b = copy.bandKeys(P.bodyBanding(), P.leadBanding());
    int body = P.bodyBanding().bands();
    assertThat(Arrays.copyOfRange(b, body, b.length))
        .isEqualTo(Arrays.copyOfRange(a, body, a.length));
  }

  @Test
  void largeBodiesAreEstimatedWithinAFewPoints() {
    Random rnd = new Random(5);
    for (int t = 0; t < 20; t++) {
      int n = 600 + rnd.nextInt(3000);
      int shift = rnd.nextInt(n);
      List<String> a = words(0, n);
      List<String> b = words(shift, n);
      double shared = Math.max(0, n - shift - 3);
      double exactJ = shared / (2 * (n - 3) - shared);
      Similarity s = fp(a).similarity(fp(b));
      // Bottom-256 sketch: standard error sqrt(J(1-J)/256) <= 0.031.
      assertThat(s.jaccard()).as("n=%d shift=%d", n, shift).isCloseTo(exactJ, within(0.1));
      assertThat(s.containment())
          .as("n=%d shift=%d", n, shift)
          .isCloseTo(shared / (n - 3), within(0.1));
    }
  }

  @Test
  void signatureAgreementEstimatesJaccard() {
    // One-token shingles over sets of known Jaccard similarity.
    StoryParams unigram =
        new StoryParams(1, 128, 64, 64, 256, 3L, 0.5, 0.6, 0.6, 0.2, 20, 500, 2, 40);
    Random rnd = new Random(11);
    double err = 0;
    int trials = 200;
    for (int t = 0; t < trials; t++) {
      int n = 20 + rnd.nextInt(400);
      int shared = rnd.nextInt(n + 1);
      List<String> a = words(t * 100_000, n);
      List<String> b = new ArrayList<>(a.subList(0, shared));
      b.addAll(words(t * 100_000 + 50_000, n - shared));
      double j = (double) shared / (2 * n - shared);
      Fingerprinter f = new Fingerprinter(unigram);
      Fingerprint fa = f.fingerprint(a, null);
      Fingerprint fb = f.fingerprint(b, null);
      err += Math.abs(fa.signatureAgreement(fb) - j);
    }
    // Mean absolute error of a 128-bin estimate: about 0.8 * sqrt(J(1-J)/128) <= 0.035.
    assertThat(err / trials).isLessThan(0.05);
  }

  @Test
  void identicalTextsAreExactAndShareEveryBand() {
    Fingerprint a = fp(words(0, 300));
    Fingerprint b = fp(words(0, 300));
    assertThat(a.similarity(b).exact()).isTrue();
    assertThat(a.bandKeys(P.bodyBanding(), P.leadBanding()))
        .isEqualTo(b.bandKeys(P.bodyBanding(), P.leadBanding()));
    // Same tokens, different cleaned text (punctuation): same shingles, not exact.
    Fingerprint c = new Fingerprinter(P).fingerprint(words(0, 300), "other punctuation");
    Similarity s = a.similarity(c);
    assertThat(s.exact()).isFalse();
    assertThat(s.jaccard()).isEqualTo(1.0);
  }

  @Test
  void unrelatedBodiesShareNoBand() {
    long[] a = fp(words(0, 300)).bandKeys(P.bodyBanding(), P.leadBanding());
    long[] b = fp(words(10_000, 300)).bandKeys(P.bodyBanding(), P.leadBanding());
    Set<Long> sa = new HashSet<>();
    for (long k : a) {
      sa.add(k);
    }
    for (long k : b) {
      assertThat(sa).doesNotContain(k);
    }
    assertThat(a).hasSize(P.bodyBanding().bands() + P.leadBanding().bands());
  }

  @Test
  void shortAndEmptyBodies() {
    Fingerprint two = fp(List.of("a", "b"));
    assertThat(two.shingles()).isEqualTo(1);
    assertThat(two.similarity(fp(List.of("a", "b"))).sameStory(P)).isTrue();
    assertThat(two.similarity(fp(List.of("a", "c"))).sameStory(P)).isFalse();
    Fingerprint empty = new Fingerprinter(P).fingerprint(List.of(), "...");
    assertThat(empty.bandKeys(P.bodyBanding(), P.leadBanding())).hasSize(1);
    Fingerprint empty2 = new Fingerprinter(P).fingerprint(List.of(), "...");
    assertThat(empty.similarity(empty2).sameStory(P)).isTrue();
    assertThat(empty.similarity(new Fingerprinter(P).fingerprint(List.of(), "!!!")).sameStory(P))
        .isFalse();
  }

  @Test
  void aShortCaptionContainedInAnArticleIsNoCopy() {
    // 12 tokens = 9 shingles < containedMinShingles: contained, yet not the same story.
    List<String> article = words(0, 300);
    Similarity s = fp(article).similarity(fp(article.subList(100, 112)));
    assertThat(s.containment()).isEqualTo(1.0);
    assertThat(s.sameStory(P)).isFalse();
  }

  @Test
  void aDispatchQuotedInADigestDoesNotJoinIt() {
    // 60 tokens inside a 1,000-token digest: contained, Jaccard about 0.06 < 0.2.
    List<String> digest = words(0, 1000);
    Similarity s = fp(digest).similarity(fp(digest.subList(500, 560)));
    assertThat(s.containment()).isGreaterThan(0.9);
    assertThat(s.sameStory(P)).isFalse();
  }

  @Test
  void fingerprintsOfOtherParametersAreNotCompared() {
    Fingerprint a = fp(words(0, 50));
    Fingerprint b = new Fingerprinter(P.withSeed(2)).fingerprint(words(0, 50), null);
    assertThatThrownBy(() -> a.similarity(b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compare fingerprints made with different parameters");
  }

  @Test
  void theFingerprinterIsReusableAndIncremental() {
    Fingerprinter f = new Fingerprinter(P);
    Fingerprint first = f.fingerprint(words(0, 80), "x");
    f.fingerprint(words(500, 30), "y");
    f.reset();
    for (String w : words(0, 80)) {
      f.add(w);
    }
    assertThat(f.finish("x")).isEqualTo(first);
  }

  @Test
  void bandingMeetsItsRecallTargetAtTheThreshold() {
    for (double t : new double[] {0.3, 0.5, 0.6, 0.7, 0.8, 0.9}) {
      for (int bins : new int[] {32, 64, 128, 256}) {
        Banding b = Banding.choose(t, bins);
        assertThat(b.bins()).isLessThanOrEqualTo(bins);
        assertThat(b.rows()).isGreaterThanOrEqualTo(2);
        if (b.bins() < bins - 1) {
          assertThat(b.probability(t)).isGreaterThanOrEqualTo(Banding.RECALL_AT_THRESHOLD);
        }
      }
    }
    assertThat(Banding.choose(0.5, 128)).isEqualTo(new Banding(17, 2));
    assertThat(Banding.choose(0.6, 64)).isEqualTo(new Banding(11, 2));
    assertThat(Banding.choose(0.7, 128)).isEqualTo(new Banding(7, 2));
    // Too few bins for the target with two rows: the largest two-row banding that fits.
    assertThat(Banding.choose(0.1, 32)).isEqualTo(new Banding(16, 2));
    assertThatThrownBy(() -> Banding.choose(1.0, 128))
        .hasMessage("Cannot choose a banding: the threshold must be in (0, 1) (1.0)");
  }

  @Test
  void dedupModesParse() {
    assertThat(DedupMode.parse("Near")).isEqualTo(DedupMode.NEAR);
    assertThat(DedupMode.parse(" exact ")).isEqualTo(DedupMode.EXACT);
    assertThat(DedupMode.NONE.option()).isEqualTo("none");
    assertThatThrownBy(() -> DedupMode.parse("fuzzy"))
        .hasMessage("Cannot use --dedup: unknown mode (fuzzy); use near, exact or none");
  }
}
