package org.marsad.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * What a capability's stage returns: its tables (distributed Datasets, or rows finished on the
 * driver), small files, folders it fills itself, figures for the manifest, a note for its log line,
 * and what it cached.
 */
public final class StageResult {

  private final Map<Table, Dataset<Row>> tables = new LinkedHashMap<>();
  private final Map<Table, List<Row>> rows = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> files = new LinkedHashMap<>();
  private final Map<String, Consumer<String>> folders = new LinkedHashMap<>();
  private final Map<String, Map<String, byte[]>> binaryFiles = new LinkedHashMap<>();
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<Dataset<Row>> cached = new ArrayList<>();
  private final List<Runnable> releases = new ArrayList<>();
  private String note;

  /** A short note for the stage's log line (e.g. "21 networks"). */
  public StageResult note(String n) {
    note = n;
    return this;
  }

  /** Adds a distributed table. */
  public StageResult table(Table t, Dataset<Row> d) {
    tables.put(t, d);
    return this;
  }

  /** Adds a table finished on the driver. */
  public StageResult rows(Table t, List<Row> r) {
    rows.put(t, r);
    return this;
  }

  /** Adds small text files written into output folder {@code dir}. */
  public StageResult files(String dir, Map<String, String> content) {
    files.put(dir, content);
    return this;
  }

  /** Adds binary files (a saved model) written into output folder {@code dir}. */
  public StageResult binaryFiles(String dir, Map<String, byte[]> content) {
    binaryFiles.put(dir, content);
    return this;
  }

  /** Binary files by folder. */
  public Map<String, Map<String, byte[]>> binaryFiles() {
    return binaryFiles;
  }

  /** Adds an output folder the stage fills itself given its (staging) path, e.g. a model. */
  public StageResult folder(String dir, Consumer<String> writer) {
    folders.put(dir, writer);
    return this;
  }

  /** Adds a figure for the manifest (under the stage's name). */
  public StageResult figure(String key, Object value) {
    figures.put(key, value);
    return this;
  }

  /** Persists {@code d} until the run's tables are written. */
  public Dataset<Row> cache(Dataset<Row> d) {
    Dataset<Row> p = d.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(p);
    return p;
  }

  /** Runs {@code r} once the run's tables are written (to free what the stage persisted). */
  public void onRelease(Runnable r) {
    releases.add(r);
  }

  /** The distributed tables in writing order. */
  public Map<Table, Dataset<Row>> tables() {
    return tables;
  }

  /** The driver-finished tables in writing order. */
  public Map<Table, List<Row>> rows() {
    return rows;
  }

  /** Small files by folder. */
  public Map<String, Map<String, String>> files() {
    return files;
  }

  /** Folders the stage fills. */
  public Map<String, Consumer<String>> folders() {
    return folders;
  }

  /** Figures for the manifest. */
  public Map<String, Object> figures() {
    return figures;
  }

  /** The note, or null. */
  public String note() {
    return note;
  }

  /** Frees what the stage persisted. */
  public void release() {
    cached.forEach(Dataset::unpersist);
    releases.forEach(Runnable::run);
  }
}
