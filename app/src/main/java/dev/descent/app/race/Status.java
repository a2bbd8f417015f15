package dev.descent.app.race;

/** How one solver in one precision came out of a race. */
public enum Status {
  /** Ran, and its weights agree with the float64 reference trajectory. */
  OK,
  /** Ran, but its weights disagree with the reference: a wrong answer. */
  FAIL,
  /** Did not finish: threw, exited its JVM, or crashed it natively; the message says how. */
  FAILED,
  /** Gave no result within {@code --timeout} and was killed. */
  TIMEOUT,
  /**
   * Ran, but the problem itself diverges: the float64 reference trajectory's loss grows or stops
   * being finite at this step size. Judged against the reference only where it is finite; the
   * message gives the epoch, the step and the stable limit.
   */
  DIVERGED,
  /** Could not run here (no device, precision not supported); the message says why. */
  UNAVAILABLE,
  /**
   * Not run on purpose: the machine cannot hold the problem in this solver's footprint, or one
   * call would take minutes and the solver was not named; the message says which and how.
   */
  SKIPPED;

  /** Whether this status makes the race's exit code non-zero. */
  public boolean isFailure() {
    return this == FAIL || this == FAILED || this == TIMEOUT;
  }
}
