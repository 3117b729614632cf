package org.marsad.jobs;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.marsad.catalog.Catalog;
import org.marsad.states.Networks;
import org.marsad.states.StateStats;

/** The states stage: states, state_mentions, state_counts, state_comentions and networks. */
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
    java.util.Map<String, String> networks = Networks.files(co, states);
    return r.table(Catalog.STATES, states.orderBy("iso2").coalesce(1))
        .table(Catalog.STATE_MENTIONS, mentions)
        .table(Catalog.STATE_COUNTS, StateStats.counts(ctx.counted(), c.forms()))
        .table(Catalog.STATE_COMENTIONS, co)
        .files(Catalog.NETWORKS, networks)
        .note((networks.size() - 1) + " networks");
  }
}
