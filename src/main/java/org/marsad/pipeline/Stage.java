package org.marsad.pipeline;

/**
 * A capability's stage of a run: a function of the stage context that returns its tables, with no
 * I/O of its own. The job wires every stage the same way: run it, hand its tables to the writer,
 * record its figures in the manifest, release what it cached.
 */
public interface Stage {

  /** The stage's name, as in the manifest and the log. */
  String name();

  /** Runs the stage (lazily where it can: distributed tables are computed when written). */
  StageResult run(StageContext ctx);
}
