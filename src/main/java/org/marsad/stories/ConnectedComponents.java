package org.marsad.stories;

import static org.apache.spark.sql.functions.bit_xor;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph of long node ids with Dataset operations only:
 * Kiveris et al.'s alternating Large-Star / Small-Star algorithm ("Connected Components in
 * MapReduce and Beyond", SoCC 2014), which ends with every component a star around its smallest
 * node in O(log² n) rounds. Each star step is one shuffle (edges partitioned and sorted by node,
 * then one streaming pass per node, so a hub of a million edges needs no memory beyond one edge);
 * each round's edges are deduplicated and checkpointed locally, so the plan does not grow with the
 * rounds.
 */
final class ConnectedComponents {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  static final StructType EDGES =
      new StructType().add("u", DataTypes.LongType, false).add("v", DataTypes.LongType, false);

  private static final Encoder<Row> EDGE_ENCODER = Encoders.row(EDGES);

  private ConnectedComponents() {}

  /**
   * Labels every node of {@code edges} (columns u, v; any orientation, duplicates allowed) with the
   * smallest node of its component.
   *
   * @return columns node, component (nodes without edges are absent)
   */
  static Dataset<Row> components(Dataset<Row> edges, int maxRounds) {
    // Round 1 reads the edges as they come (any orientation, duplicates allowed); convergence is
    // a round whose output equals the previous round's.
    Dataset<Row> e = edges.filter(col("u").notEqual(col("v")));
    long[] sum = null;
    boolean converged = false;
    for (int round = 1; round <= maxRounds; round++) {
      e.sparkSession()
          .sparkContext()
          .setJobDescription("stories: connected components, round " + round);
      Dataset<Row> next = cut(smallStar(largeStar(e)).distinct());
      long[] s = checksum(next);
      e = next;
      if (sum != null && s[0] == sum[0] && s[1] == sum[1]) {
        converged = true;
        LOG.info("[stories] connected components converged after {} rounds", round);
        break;
      }
      sum = s;
    }
    if (!converged) {
      LOG.warn(
          "[stories] connected components did not converge in {} rounds: some stories may be split;"
              + " raise maxIterations",
          maxRounds);
    }
    // Converged: every edge (u, v) joins a node u to its component's smallest node v.
    return e.select(col("u").as("node"), col("v").as("component"))
        .union(e.select(col("v").as("node"), col("v").as("component")))
        .distinct();
  }

  /**
   * Materialises {@code d} and cuts its lineage: a reliable checkpoint when the session has a
   * checkpoint directory (it survives the loss of an executor), else a local one.
   */
  static Dataset<Row> cut(Dataset<Row> d) {
    return d.sparkSession().sparkContext().getCheckpointDir().isDefined()
        ? d.checkpoint(true)
        : d.localCheckpoint(true);
  }

  /**
   * Edge count and the XOR of edge hashes (edges are distinct): equal before and after a round
   * means no change, but for a 2^-64 chance.
   */
  private static long[] checksum(Dataset<Row> e) {
    Row r = e.agg(count(lit(1)), bit_xor(xxhash64(col("u"), col("v")))).first();
    return new long[] {r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1)};
  }

  /**
   * Large-Star: every node links its larger neighbours to the smallest node of its closed
   * neighbourhood.
   */
  static Dataset<Row> largeStar(Dataset<Row> e) {
    Dataset<Row> both = e.union(e.select(col("v").as("u"), col("u").as("v")));
    return both.repartition(col("u"))
        .sortWithinPartitions(col("u"), col("v"))
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) it -> new StarStep(it, true), EDGE_ENCODER);
  }

  /**
   * Small-Star: every node links itself and its smaller neighbours to the smallest of them (edges
   * oriented larger → smaller, as Large-Star and the start leave them).
   */
  static Dataset<Row> smallStar(Dataset<Row> e) {
    Dataset<Row> oriented =
        e.filter(col("u").notEqual(col("v")))
            .select(
                org.apache.spark.sql.functions.greatest(col("u"), col("v")).as("u"),
                org.apache.spark.sql.functions.least(col("u"), col("v")).as("v"));
    return oriented
        .repartition(col("u"))
        .sortWithinPartitions(col("u"), col("v"))
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) it -> new StarStep(it, false), EDGE_ENCODER);
  }

  /**
   * One star step over edges sorted by (u, v): per node u its neighbours arrive in ascending order,
   * so the first row of u's run gives the smallest node of its neighbourhood; each row is handled
   * as it streams (memory stays flat on hubs).
   */
  private static final class StarStep implements Iterator<Row> {
    private final Iterator<Row> in;
    private final boolean large;
    private final ArrayDeque<Row> pending = new ArrayDeque<>(4);
    private boolean inRun;
    private long u;
    private long min;
    private long prev;

    StarStep(Iterator<Row> in, boolean large) {
      this.in = in;
      this.large = large;
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty()) {
        if (!advance()) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.poll();
    }

    /** Consumes one input row (or ends the last run); false when the input is exhausted. */
    private boolean advance() {
      if (!in.hasNext()) {
        if (inRun) {
          endRun();
          inRun = false;
          return true;
        }
        return false;
      }
      Row r = in.next();
      long ru = r.getLong(0);
      long v = r.getLong(1);
      if (!inRun || ru != u) {
        if (inRun) {
          endRun();
        }
        inRun = true;
        u = ru;
        min = Math.min(ru, v);
      } else if (v == prev) {
        return true;
      }
      prev = v;
      if (large) {
        if (v > u) {
          pending.add(RowFactory.create(v, min));
        }
      } else if (v != min) {
        // Edges are oriented larger → smaller, so v < u: link it to the smallest.
        pending.add(RowFactory.create(v, min));
      }
      return true;
    }

    private void endRun() {
      if (!large && min != u) {
        pending.add(RowFactory.create(u, min));
      }
    }
  }
}
