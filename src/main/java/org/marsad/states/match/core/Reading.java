package org.marsad.states.match.core;

/**
 * A reading of a token: its key after stripping {@code letters} Arabic clitic letters ({@code
 * clitics}, through لل when {@code lam}), or, in Latin script, {@code cutStart} characters of an
 * elided article (l'Égypte) and {@code cutEnd} characters of an apostrophe suffix (Russia's).
 */
public record Reading(
    String key, int letters, boolean lam, String clitics, int cutStart, int cutEnd) {

  /** An Arabic reading (no Latin cut). */
  public Reading(String key, int letters, boolean lam, String clitics) {
    this(key, letters, lam, clitics, 0, 0);
  }
}
