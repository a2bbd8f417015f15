package dev.descent.app.race;

import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.app.stats.Timings;
import java.util.List;

/**
 * One row of a race: a solver in one precision.
 *
 * @param solver the solver's id
 * @param description the solver's one-line description
 * @param origin where it was found: "class path" or "plugins/NAME"
 * @param precision the precision it ran in
 * @param status how it came out
 * @param device where it ran (empty when it did not)
 * @param setupSeconds the time {@code prepare} took, NaN when it did not run
 * @param warmupSeconds the untimed calls' times
 * @param timings the timed {@code descend} calls
 * @param weights the final weights of the last timed call (empty when it did not run)
 * @param losses the loss trace of the last timed call (empty without --trace)
 * @param deviation the largest relative deviation of its results from the reference trajectory
 *     of its own precision, NaN when not run
 * @param float64Deviation the same from the float64 reference (equal to deviation for f64 rows)
 * @param closedFormDeviation relative deviation from the closed form, NaN when unknown
 * @param launch the JVM options and environment its forked JVM got (NONE in-process)
 * @param message why it is not OK, or empty
 * @param threads how many cores its epochs ran on
 */
public record RaceEntry(
    String solver,
    String description,
    String origin,
    Precision precision,
    Status status,
    String device,
    double setupSeconds,
    List<Double> warmupSeconds,
    Timings timings,
    double[] weights,
    double[] losses,
    double deviation,
    double float64Deviation,
    double closedFormDeviation,
    Launch launch,
    String message,
    int threads) {

  public RaceEntry {
    warmupSeconds = List.copyOf(warmupSeconds);
  }

  /** Whether it produced weights. */
  public boolean ran() {
    return weights.length > 0;
  }
}
