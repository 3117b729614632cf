package org.marsad.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The online variational LDA in plain Java: it finds planted topics, in any summation order. */
@Tag("unit")
class OnlineLdaTest {

  /** Documents over two disjoint vocabularies (terms 0-4 and 5-9). */
  private static List<int[][]> corpus() {
    List<int[][]> docs = new ArrayList<>();
    for (int d = 0; d < 200; d++) {
      int base = d % 2 == 0 ? 0 : 5;
      int[] idx = {base, base + 1, base + 2, base + 3, base + 4};
      int[] cts = {1 + d % 3, 2, 1 + d % 2, 3, 1};
      docs.add(new int[][] {idx, cts});
    }
    return docs;
  }

  private static OnlineLda.Stats step(
      OnlineLda lda, List<int[][]> docs, List<Integer> order, int step, double[] e, double[] a) {
    OnlineLda.Stats s = lda.zero();
    for (int i : order) {
      lda.accumulate(s, OnlineLda.key("d" + i), step, docs.get(i)[0], docs.get(i)[1], e, a);
    }
    return s;
  }

  @Test
  void findsTwoPlantedTopics() {
    List<int[][]> docs = corpus();
    OnlineLda lda = new OnlineLda(2, 10, 0.5, 1);
    double[][] lambda = lda.initialLambda();
    double[] alpha = {0.5, 0.5};
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      order.add(i);
    }
    for (int s = 1; s <= 30; s++) {
      OnlineLda.Stats st = step(lda, docs, order, s, lda.expElogBeta(lambda), alpha);
      lda.update(lambda, alpha, st, s, docs.size(), docs.size(), 64, 0.51, true);
    }
    int[][] top = LdaModel.top(lambda, 5);
    Set<Integer> a = new TreeSet<>();
    Set<Integer> b = new TreeSet<>();
    Arrays.stream(top[0]).forEach(a::add);
    Arrays.stream(top[1]).forEach(b::add);
    assertThat(List.of(a, b))
        .containsExactlyInAnyOrder(Set.of(0, 1, 2, 3, 4), Set.of(5, 6, 7, 8, 9));
  }

  @Test
  void aStepsStatisticsAreTheSameInAnyOrderAndSplit() {
    List<int[][]> docs = corpus();
    OnlineLda lda = new OnlineLda(3, 10, 1.0 / 3, 7);
    double[][] lambda = lda.initialLambda();
    double[] alpha = {0.3, 0.3, 0.3};
    double[] e = lda.expElogBeta(lambda);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      order.add(i);
    }
    OnlineLda.Stats one = step(lda, docs, order, 1, e, alpha);
    Collections.shuffle(order, new java.util.Random(3));
    OnlineLda.Stats left = step(lda, docs, order.subList(0, 77), 1, e, alpha);
    OnlineLda.Stats right = step(lda, docs, order.subList(77, order.size()), 1, e, alpha);
    OnlineLda.Stats two = right.add(left);
    assertThat(two.counts).isEqualTo(one.counts);
    assertThat(two.logTheta).isEqualTo(one.logTheta);
    assertThat(two.docs).isEqualTo(one.docs);
  }

  @Test
  void miniBatchMembershipDependsOnTheKeyAndStepOnly() {
    OnlineLda lda = new OnlineLda(2, 10, 0.5, 1);
    int in = 0;
    for (int i = 0; i < 10_000; i++) {
      long key = OnlineLda.key("doc-" + i);
      boolean first = lda.inBatch(key, 5, 0.1);
      assertThat(lda.inBatch(key, 5, 0.1)).isEqualTo(first);
      in += first ? 1 : 0;
    }
    // About 10% of the documents, and all of them at a fraction of 1.
    assertThat(in).isBetween(900, 1100);
    assertThat(lda.inBatch(OnlineLda.key("x"), 5, 1.0)).isTrue();
  }
}
