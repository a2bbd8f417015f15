package dev.descent.api;

import java.util.Arrays;

/**
 * What a descent produced: the final weights and, when the schedule asked for one, the loss
 * trace.
 *
 * @param weights the p + 1 final weights, intercept first
 * @param losses the mean squared error {@code (1/N) * sum_i e_i^2} of the weights after 0, k,
 *     2k, … epochs (k = {@link Schedule#traceInterval()}), computed in the solver's precision;
 *     empty when no trace was asked for
 */
public record Fit(double[] weights, double[] losses) {

  /** Copies both arrays, so a Fit never changes after it is made. */
  public Fit {
    if (weights == null) {
      throw new IllegalArgumentException("weights must not be null");
    }
    weights = weights.clone();
    losses = losses == null ? new double[0] : losses.clone();
  }

  /** A fit with no trace. */
  public static Fit of(double... weights) {
    return new Fit(weights, null);
  }

  /** A copy of the final weights. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** A copy of the loss trace (empty when none was asked for). */
  @Override
  public double[] losses() {
    return losses.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fit that
        && Arrays.equals(weights, that.weights)
        && Arrays.equals(losses, that.losses);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(weights) + Arrays.hashCode(losses);
  }

  @Override
  public String toString() {
    return "Fit[w=" + Arrays.toString(weights)
        + (losses.length == 0 ? "" : ", " + losses.length + " losses") + "]";
  }
}
