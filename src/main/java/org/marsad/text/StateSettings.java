package org.marsad.text;

import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which gazetteer and context rules the state matcher uses (serializable settings; each JVM builds
 * and caches the matcher itself).
 *
 * @param gazetteerDir folder with states.tsv, forms.tsv and context_rules.tsv, or null for the
 *     packaged {@code conf/gazetteer}
 * @param analysis the analysis settings (their stop words)
 */
public record StateSettings(String gazetteerDir, Analysis analysis) implements Serializable {

  private static final ConcurrentHashMap<StateSettings, StateMatcher> CACHE =
      new ConcurrentHashMap<>();

  /** The matcher of these settings, built once per JVM. */
  public StateMatcher matcher() {
    return CACHE.computeIfAbsent(
        this,
        s ->
            new StateMatcher(
                gazetteer(),
                WordLists.lines(
                    "gazetteer/context_rules.tsv",
                    s.gazetteerDir == null ? null : s.gazetteerDir + "/context_rules.tsv"),
                s.analysis.arabicStopWords()));
  }

  /** The gazetteer of these settings. */
  public Gazetteer gazetteer() {
    return Gazetteer.load(gazetteerDir);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateSettings s
        && Objects.equals(gazetteerDir, s.gazetteerDir)
        && analysis.equals(s.analysis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(gazetteerDir, analysis);
  }
}
