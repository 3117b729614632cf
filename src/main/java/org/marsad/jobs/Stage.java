package org.marsad.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marsad.catalog.Table;
import org.marsad.corpus.Corpus;

/**
 * A capability stage of a run (terms, states, topics): a function of the analysed corpus and the
 * configuration that returns its tables as named Datasets, with no I/O of its own. {@link
 * MarsadJob#run} wires every stage the same way: run it, hand its tables to the writer, record its
 * figures in the manifest, release what it cached.
 */
interface Stage {

  /** The stage's name, as in the manifest and the log. */
  String name();

  /** Runs the stage (lazily where it can: its tables are computed when written). */
  Result run(Context ctx);

  /**
   * What a stage reads.
   *
   * @param spark the session
   * @param raw the corpus as read (for the few documents evidence cites again)
   * @param corpus the analysed corpus
   * @param documents every accepted document with its values, story_id and counted (cached)
   * @param counted the documents that count in statistics: one per story
   * @param config the run's configuration
   * @param shared Datasets earlier stages offered to later ones (e.g. term labels)
   */
  record Context(
      SparkSession spark,
      Dataset<Row> raw,
      Corpus corpus,
      Dataset<Row> documents,
      Dataset<Row> counted,
      JobConfig config,
      Map<String, Dataset<Row>> shared) {}

  /** What a stage returns: its tables in writing order, other output, figures, shared values. */
  final class Result {
    final Map<Table, Dataset<Row>> tables = new LinkedHashMap<>();
    final Map<String, Map<String, String>> files = new LinkedHashMap<>();
    final Map<String, Consumer<String>> folders = new LinkedHashMap<>();
    final Map<String, Object> figures = new LinkedHashMap<>();
    final Map<String, Dataset<Row>> shared = new LinkedHashMap<>();
    final List<Dataset<Row>> cached = new ArrayList<>();
    String note;

    /** A short note for the stage's log line (e.g. "21 networks"). */
    Result note(String n) {
      note = n;
      return this;
    }

    /** Adds a table to write. */
    Result table(Table t, Dataset<Row> d) {
      tables.put(t, d);
      return this;
    }

    /** Adds small text files written into output folder {@code dir}. */
    Result files(String dir, Map<String, String> content) {
      files.put(dir, content);
      return this;
    }

    /** Adds an output folder the stage fills itself given its (staging) path, e.g. a model. */
    Result folder(String dir, Consumer<String> writer) {
      folders.put(dir, writer);
      return this;
    }

    /** Adds a figure for the manifest (under the stage's name). */
    Result figure(String key, Object value) {
      figures.put(key, value);
      return this;
    }

    /** Offers a Dataset to later stages. */
    Result share(String key, Dataset<Row> d) {
      shared.put(key, d);
      return this;
    }

    /** Registers a cached Dataset to release once the run's tables are written. */
    Dataset<Row> cache(Dataset<Row> d) {
      Dataset<Row> p = d.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
      cached.add(p);
      return p;
    }
  }
}
