package org.marsad.corpus;

import java.util.Locale;

/** How the built-in formats read a slash date such as {@code 03/09/2021}. */
public enum SlashOrder {
  /** {@code dd/MM/yyyy}: 3 September 2021 (Arabic, European and most news usage). */
  DAY_FIRST,
  /** {@code MM/dd/yyyy}: 9 March 2021 (US usage). */
  MONTH_FIRST;

  /** {@code day-first} or {@code month-first}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
