package org.marsad.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Console logging of a command: by default what {@code conf/log4j2.properties} says (Marsad's stage
 * lines, Spark's progress bar and warnings worth acting on); {@code --verbose} turns every logger,
 * Spark's included, to INFO, and keeps a local run's Spark web UI on.
 */
final class Logging {

  private Logging() {}

  /** Applies {@code --verbose} before the Spark session starts (so its start-up lines show too). */
  static void apply(boolean verbose) {
    if (!verbose) {
      return;
    }
    System.setProperty("marsad.verbose", "true"); // and the local web UI (Sessions)
    try {
      Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.INFO);
    } catch (LinkageError e) {
      // another logging backend than log4j2 (e.g. a cluster's): its own configuration applies
      System.err.println(
          "marsad: --verbose needs log4j2; set the log level in your cluster's config");
    }
  }
}
