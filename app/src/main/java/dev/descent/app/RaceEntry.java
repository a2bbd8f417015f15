package dev.descent.app;

import dev.descent.api.Precision;
import java.util.List;

/**
 * One row of a race: a solver in one precision.
 *
 * @param solver the solver's id
 * @param description the solver's one-line description
 * @param precision the precision it ran in
 * @param status how it came out
 * @param device where it ran (empty when it did not)
 * @param setupSeconds the time {@code prepare} took, NaN when it did not run
 * @param timings the timed {@code descend} calls
 * @param weights the final weights of the last timed call (empty when it did not run)
 * @param deviation relative deviation from the float64 reference trajectory, NaN when not run
 * @param closedFormDeviation relative deviation from the closed form, NaN when unknown
 * @param message why it is not OK, or empty
 */
public record RaceEntry(
    String solver,
    String description,
    Precision precision,
    Status status,
    String device,
    double setupSeconds,
    Timings timings,
    double[] weights,
    double deviation,
    double closedFormDeviation,
    String message) {

  /** A row for a solver that did not run, with the reason. */
  static RaceEntry notRun(String solver, String description, Precision precision, Status status,
      String message) {
    return new RaceEntry(solver, description, precision, status, "", Double.NaN,
        new Timings(List.of()), new double[0], Double.NaN, Double.NaN, message);
  }
}
