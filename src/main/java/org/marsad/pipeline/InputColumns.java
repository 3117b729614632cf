package org.marsad.pipeline;

/**
 * The columns the corpus reader adds to every input row, so that "first occurrence" is well defined
 * and a row can be read again (the rejected table's raw JSON, the few documents evidence cites).
 */
public final class InputColumns {

  private InputColumns() {}

  /** The input file of a row. */
  public static final String FILE = "__marsad_file";

  /** The row index of a row within its file. */
  public static final String ROW = "__marsad_row";
}
