package org.marsad.pipeline;

/**
 * What went wrong, where, and what to do, as one exception type: the CLI maps its {@link Kind} to
 * the exit code (usage errors 2, everything else 1) and prints its message, never a stack trace.
 * The message has the house shape {@code Cannot <do X>: <reason> (<where>); <what to do>}.
 */
public final class MarsadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The kind of failure, which decides the exit code. */
  public enum Kind {
    /** The command line or the config file is wrong (exit 2). */
    USAGE(2),
    /** The input or a user file cannot be used (exit 1). */
    DATA(1),
    /** The machine or cluster ran out of something: memory, disk, executors (exit 1). */
    RESOURCE(1),
    /** The output folder or a sink refuses the run (exit 1). */
    OUTPUT(1);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    /** The process exit code of this kind. */
    public int exitCode() {
      return exitCode;
    }
  }

  private final Kind kind;
  private final String what;
  private final String where;
  private final String todo;

  private MarsadException(Kind kind, String what, String where, String todo, Throwable cause) {
    super(message(what, where, todo), cause);
    this.kind = kind;
    this.what = what;
    this.where = where;
    this.todo = todo;
  }

  private static String message(String what, String where, String todo) {
    StringBuilder b = new StringBuilder(what);
    if (where != null && !where.isEmpty()) {
      b.append(" (").append(where).append(')');
    }
    if (todo != null && !todo.isEmpty()) {
      b.append("; ").append(todo);
    }
    return b.toString();
  }

  /**
   * A usage error: {@code what} says what cannot be done and why ("Cannot use --k: not a number"),
   * {@code where} the value or place (may be null), {@code todo} what to do (may be null).
   */
  public static MarsadException usage(String what, String where, String todo) {
    return new MarsadException(Kind.USAGE, what, where, todo, null);
  }

  /** A data error (bad input, unreadable user file). */
  public static MarsadException data(String what, String where, String todo) {
    return new MarsadException(Kind.DATA, what, where, todo, null);
  }

  /** A data error with its cause. */
  public static MarsadException data(String what, String where, String todo, Throwable cause) {
    return new MarsadException(Kind.DATA, what, where, todo, cause);
  }

  /** A resource failure (memory, disk, executors) with its cause. */
  public static MarsadException resource(String what, String where, String todo, Throwable cause) {
    return new MarsadException(Kind.RESOURCE, what, where, todo, cause);
  }

  /** The output folder or a sink refuses the run. */
  public static MarsadException output(String what, String where, String todo, Throwable cause) {
    return new MarsadException(Kind.OUTPUT, what, where, todo, cause);
  }

  /** The kind, which decides the exit code. */
  public Kind kind() {
    return kind;
  }

  /** What cannot be done and why. */
  public String what() {
    return what;
  }

  /** The value, file, stage or place concerned, or null. */
  public String where() {
    return where;
  }

  /** What the user can do, or null. */
  public String todo() {
    return todo;
  }
}
