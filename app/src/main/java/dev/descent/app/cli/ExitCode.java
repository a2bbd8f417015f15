package dev.descent.app.cli;

/** The command line's exit codes, as {@code descent --help} lists them. */
public final class ExitCode {
  /** Every solver raced is OK or unavailable. */
  public static final int OK = 0;
  /** A solver gave a wrong result or failed. */
  public static final int FAILED = 1;
  /** Bad usage or bad input. */
  public static final int USAGE = 2;
  /** A bug in descent itself. */
  public static final int INTERNAL = 3;
  /** No solver failed, but the descent diverges at this step size: the data needs another mu. */
  public static final int DIVERGED = 4;

  private ExitCode() {}
}
