package org.marsad.jobs;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.marsad.catalog.Catalog;
import org.marsad.evidence.Evidence;
import org.marsad.evidence.EvidenceTables;
import org.marsad.states.Networks;
import org.marsad.states.StateStats;
import org.marsad.trends.Trends;

/**
 * The states stage: states, state_mentions, state_counts, state_comentions, state_trends,
 * comention_trends, comention_evidence and the networks.
 */
final class StatesStage implements Stage {

  /** Key of the shared (doc_id, state) pairs of the counted forms, for topic_states. */
  static final String NAMED = "state_named";

  @Override
  public String name() {
    return "states";
  }

  @Override
  public Result run(Context ctx) {
    JobConfig c = ctx.config();
    Result r = new Result();
    Dataset<Row> states = StateStats.states(ctx.spark(), c.states().gazetteer());
    Dataset<Row> mentions = StateStats.mentions(ctx.counted());
    Dataset<Row> co =
        r.cache(
            StateStats.comentions(
                ctx.counted(), c.forms(), c.documentScope(), c.sentenceScope(), c.minCoDocs()));
    r.share(
        NAMED,
        mentions
            .filter(col("form").isin(c.forms().toArray()))
            .select("doc_id", "state")
            .distinct());
    Dataset<Row> counts = r.cache(StateStats.counts(ctx.documents(), c.forms()));
    Dataset<Row> perPeriod = r.cache(Trends.countedPerPeriod(ctx.counted()));
    java.util.Map<String, String> networks = Networks.files(co, states);
    return r.table(Catalog.STATES, states.orderBy("iso2").coalesce(1))
        .table(Catalog.STATE_MENTIONS, mentions)
        .table(Catalog.STATE_COUNTS, counts)
        .table(Catalog.STATE_COMENTIONS, co)
        .table(Catalog.STATE_TRENDS, Trends.stateTrends(counts, perPeriod))
        .table(Catalog.COMENTION_TRENDS, Trends.comentionTrends(co, perPeriod, c.minCoDocs()))
        .table(
            Catalog.COMENTION_EVIDENCE,
            Evidence.comentions(ctx.counted(), EvidenceTables.DEFAULT_PER_ITEM))
        .files(Catalog.NETWORKS, networks)
        .note((networks.size() - 1) + " networks");
  }
}
