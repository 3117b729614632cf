package org.marsad.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code _manifest.json} of a run: version, run id, times, resolved config, inputs and row
 * counts, rows per table, rejected rows per reason, seconds per stage.
 */
public final class Manifest {

  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<String, Double> seconds = new LinkedHashMap<>();

  /** Starts a manifest for run {@code runId} of {@code command}. */
  public Manifest(String version, String runId, String command, Instant started) {
    root.put("version", version);
    root.put("run_id", runId);
    root.put("command", command);
    root.put("started_at", started.toString());
  }

  /** Records the resolved configuration. */
  public void config(Map<String, String> resolved) {
    root.put("config", new TreeMap<>(resolved));
  }

  /** Records inputs and row counts. */
  public void inputs(
      List<String> inputs, List<String> files, long rowsIn, long documents, long rejected) {
    root.put("inputs", inputs);
    root.put("input_files", files);
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("in", rowsIn);
    rows.put("documents", documents);
    rows.put("rejected", rejected);
    root.put("rows", rows);
  }

  /** Records rejected rows per reason. */
  public void rejectedByReason(Map<String, Long> byReason) {
    root.put("rejected_by_reason", new TreeMap<>(byReason));
  }

  /** Records rows written per table. */
  public void tables(Map<String, Long> rows) {
    root.put("tables", new LinkedHashMap<>(rows));
  }

  /** Records the seconds a stage took. */
  public void stageSeconds(String stage, double s) {
    seconds.put(stage, Math.round(s * 1000.0) / 1000.0);
  }

  /** Adds a free-form section (e.g. topic quality). */
  public void put(String key, Object value) {
    root.put(key, value);
  }

  /** The manifest as pretty-printed JSON, finished at {@code finished}. */
  public String toJson(Instant finished) {
    root.put("finished_at", finished.toString());
    root.put("seconds_per_stage", seconds);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
