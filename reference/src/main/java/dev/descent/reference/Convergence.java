package dev.descent.reference;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import java.util.Locale;

/**
 * How the float64 reference trajectory went: whether it diverged, and if not, how much of the
 * way to the least-squares answer it got. The article's own run stops at
 * {@code w = [2.9599, 2.0330]} where the closed form is {@code [2.9954, 2.0029]}: finite, agreed
 * on by every solver, and not converged; users should be told which of those it is.
 *
 * <p>A run diverged when its loss stops being finite, or when its loss grows by the end of the
 * run while mu is above the stable limit {@code 2/L} ({@link StepSize}). Both are needed for the
 * second: above the limit the loss is a sum of exponentials in the epoch, so it falls, reaches
 * one minimum and grows from then on, which is the epoch reported; below it the loss never
 * grows, and a rise of a few units of rounding at the optimum is not divergence.
 *
 * @param learningRate mu
 * @param stableLimit {@code 2/L} for this data, NaN when the data's sums overflow
 * @param initialLoss the mean squared error of the starting weights
 * @param finalLoss the mean squared error after the last epoch (NaN or infinite when diverged)
 * @param closedFormLoss the mean squared error of the closed form, NaN when there is none
 * @param divergedAtEpoch the epoch (1-based) from which the loss grew, or 0 when it did not
 *     diverge
 */
public record Convergence(double learningRate, double stableLimit, double initialLoss,
    double finalLoss, double closedFormLoss, int divergedAtEpoch) {

  /** A loss at the end more than this above its minimum is growing, not rounding noise. */
  private static final double GROWTH = 1e-9;

  /**
   * Judges a float64 reference run.
   *
   * @param data the data the run descended on
   * @param learningRate its mu
   * @param traced the run with a loss after every epoch ({@code tracedEvery(1)})
   * @param closedForm the least-squares weights, empty when there are none
   */
  public static Convergence of(Dataset data, double learningRate, Fit traced,
      double[] closedForm) {
    double[] losses = traced.losses();
    if (losses.length == 0) {
      throw new IllegalArgumentException("the run has no loss trace: run it tracedEvery(1)");
    }
    double stableLimit;
    try {
      stableLimit = StepSize.of(data).stableLimit();
    } catch (IllegalArgumentException overflow) {
      stableLimit = Double.NaN;
    }
    int lowest = 0;
    boolean finite = true;
    for (int epoch = 0; epoch < losses.length && finite; epoch++) {
      finite = Double.isFinite(losses[epoch]);
      if (finite && losses[epoch] < losses[lowest]) {
        lowest = epoch;
      }
    }
    for (double w : traced.weights()) {
      finite &= Double.isFinite(w);
    }
    double last = losses[losses.length - 1];
    boolean growing = last > losses[lowest] * (1 + GROWTH) && !(learningRate <= stableLimit);
    int divergedAt = !finite || growing ? lowest + 1 : 0;
    double closedFormLoss = closedForm.length == 0
        ? Double.NaN : ReferenceDescent.meanSquaredError(data, closedForm);
    return new Convergence(learningRate, stableLimit, losses[0], last, closedFormLoss,
        divergedAt);
  }

  /** Whether the run diverged. */
  public boolean diverged() {
    return divergedAtEpoch > 0;
  }

  /**
   * The share of the gap between the starting loss and the least-squares loss the run closed:
   * 1 converged, 0 no progress; NaN without a closed form or when the start is already optimal.
   */
  public double gapClosed() {
    double gap = initialLoss - closedFormLoss;
    return gap > 0 ? (initialLoss - finalLoss) / gap : Double.NaN;
  }

  /**
   * What the user reads when the run diverged, e.g. {@code DIVERGED at epoch 3: mu = 0.001 is
   * above the stable limit ≈ 1.3e-07 for this data; use --standardize or --mu auto}; empty
   * otherwise.
   */
  public String message() {
    if (!diverged()) {
      return "";
    }
    String limit = String.format(Locale.ROOT, "%.2g", stableLimit);
    if (learningRate > stableLimit) {
      return "DIVERGED at epoch " + divergedAtEpoch + ": mu = " + learningRate + " is above the"
          + " stable limit ≈ " + limit + " for this data; use --standardize or --mu auto";
    }
    return "DIVERGED at epoch " + divergedAtEpoch + ": the float64 sums overflow"
        + (Double.isNaN(stableLimit) ? "" : " although mu = " + learningRate + " is below the"
            + " stable limit ≈ " + limit) + "; the data's values are too large, use --standardize";
  }
}
