package dev.descent.app.race;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.reference.Convergence;
import dev.descent.reference.LeastSquares;
import dev.descent.reference.ReferenceDescent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The oracle's answers for one problem: the final weights of the reference trajectory in each
 * precision raced, and the closed form.
 *
 * @param weights the reference trajectory's final weights by precision (float64 always)
 * @param closedForm the least-squares solution, empty when the system is singular
 * @param closedFormError why there is no closed form, or empty
 * @param seconds how long computing them took (one cold run, not a benchmark)
 * @param convergence how the float64 reference went: diverged or not, how much of the gap to
 *     the closed form it closed, the stable step
 */
public record References(Map<Precision, double[]> weights, double[] closedForm,
    String closedFormError, double seconds, Convergence convergence) {

  public References {
    weights = Map.copyOf(weights);
  }

  /** Runs the reference descents (untraced) and the closed form on the data. */
  public static References compute(Dataset data, Schedule schedule, List<Precision> precisions) {
    long start = System.nanoTime();
    Schedule untraced = schedule.tracedEvery(0);
    Map<Precision, double[]> weights = new EnumMap<>(Precision.class);
    // Traced every epoch to tell divergence from slow progress; the weights are the same.
    Fit float64 = ReferenceDescent.descend(data, untraced.tracedEvery(1));
    weights.put(Precision.FLOAT64, float64.weights());
    if (precisions.contains(Precision.FLOAT32)) {
      weights.put(Precision.FLOAT32,
          ReferenceDescent.descend(data, untraced, Precision.FLOAT32).weights());
    }
    double[] closedForm = new double[0];
    String closedFormError = "";
    try {
      closedForm = LeastSquares.solve(data);
    } catch (IllegalArgumentException e) {
      closedFormError = e.getMessage();
    }
    Convergence convergence = Convergence.of(data, schedule.learningRate(), float64, closedForm);
    return new References(weights, closedForm, closedFormError,
        (System.nanoTime() - start) / 1e9, convergence);
  }

  /** Whether these hold every precision asked for. */
  public boolean cover(List<Precision> precisions) {
    return precisions.stream().allMatch(weights::containsKey);
  }
}
