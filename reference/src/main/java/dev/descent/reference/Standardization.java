package dev.descent.reference;

import dev.descent.api.Dataset;
import java.util.Arrays;

/**
 * Features (and optionally the target) shifted to mean 0 and scaled to standard deviation 1
 * before the descent, as Spark MLlib's {@code LinearRegression} does by default and
 * scikit-learn's {@code StandardScaler} does on request: with features in the thousands the
 * loss's curvature is millions of times larger along one direction than another, and no single
 * step size makes progress along both.
 *
 * <p>The standard deviation is the population one (divided by N, as {@code StandardScaler}
 * computes it), so every standardised column has mean 0 and mean square exactly 1 up to
 * rounding. A model fitted on the standardised data, {@code y' = v0 + Σ v_j x'_j}, is the same
 * model as {@code y = w0 + Σ w_j x_j} in the data's own units with
 * {@code w_j = s_y v_j / s_j} and {@code w0 = m_y + s_y v0 − Σ w_j m_j}; {@link #toDataUnits}
 * does that.
 *
 * @param means each feature's mean, or empty when features are not standardised
 * @param scales each feature's standard deviation, or empty
 * @param targetMean the target's mean, 0 when the target is not standardised
 * @param targetScale the target's standard deviation, 1 when the target is not standardised
 */
public record Standardization(double[] means, double[] scales, double targetMean,
    double targetScale) {

  /** Nothing changed: the data in its own units. */
  public static final Standardization NONE =
      new Standardization(new double[0], new double[0], 0, 1);

  /** Whether the data is used as it is. */
  public boolean isNone() {
    return means.length == 0 && targetMean == 0 && targetScale == 1;
  }

  /** Whether the target was standardised too. */
  public boolean standardizesTarget() {
    return targetMean != 0 || targetScale != 1;
  }

  /**
   * The means and standard deviations of the data's features, and of its target when asked.
   *
   * @throws IllegalArgumentException naming the column when one is constant: it cannot be scaled
   *     to standard deviation 1 (and, as a feature, is indistinguishable from the intercept)
   */
  public static Standardization of(Dataset data, boolean target) {
    int p = data.features();
    double[] means = new double[p];
    double[] scales = new double[p];
    for (int j = 0; j < p; j++) {
      double[] moments = moments(data.column(j));
      if (!(moments[1] > 0)) {
        throw new IllegalArgumentException("feature x" + (j + 1) + " of " + data.name()
            + " is constant (every value " + moments[0] + "): it cannot be standardised");
      }
      means[j] = moments[0];
      scales[j] = moments[1];
    }
    if (!target) {
      return new Standardization(means, scales, 0, 1);
    }
    double[] moments = moments(data.targets());
    if (!(moments[1] > 0)) {
      throw new IllegalArgumentException("the target of " + data.name() + " is constant (every "
          + "value " + moments[0] + "): it cannot be standardised");
    }
    return new Standardization(means, scales, moments[0], moments[1]);
  }

  /** The data as the descent sees it: each standardised column is {@code (x − m) / s}. */
  public Dataset apply(Dataset data) {
    if (isNone()) {
      return data;
    }
    double[][] columns = new double[data.features()][];
    for (int j = 0; j < columns.length; j++) {
      columns[j] = scaled(data.column(j), means[j], scales[j]);
    }
    double[] targets = scaled(data.targets(), targetMean, targetScale);
    String what = standardizesTarget() ? "features and target" : "features";
    return Dataset.of(data.name() + ", " + what + " standardised", columns, targets);
  }

  /** Weights fitted on the standardised data as weights of the same model in the data's units. */
  public double[] toDataUnits(double[] weights) {
    if (isNone() || weights.length == 0) {
      return weights.clone();
    }
    if (weights.length != means.length + 1) {
      throw new IllegalArgumentException("weights has " + weights.length + " values but the "
          + "standardised data has " + (means.length + 1) + " weights (p + 1)");
    }
    double[] w = new double[weights.length];
    double intercept = targetMean + targetScale * weights[0];
    for (int j = 1; j < w.length; j++) {
      w[j] = targetScale * weights[j] / scales[j - 1];
      intercept -= w[j] * means[j - 1];
    }
    w[0] = intercept;
    return w;
  }

  /** A mean squared error of the standardised target in the target's own units. */
  public double lossToDataUnits(double loss) {
    return loss * targetScale * targetScale;
  }

  /** Mean and population standard deviation, in two passes so large offsets do not cancel. */
  private static double[] moments(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    double mean = sum / values.length;
    double squares = 0;
    for (double value : values) {
      double centred = value - mean;
      squares += centred * centred;
    }
    return new double[] {mean, Math.sqrt(squares / values.length)};
  }

  private static double[] scaled(double[] values, double mean, double scale) {
    double[] scaled = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      scaled[i] = (values[i] - mean) / scale;
    }
    return scaled;
  }

  @Override
  public String toString() {
    return isNone() ? "none" : "means " + Arrays.toString(means) + ", scales "
        + Arrays.toString(scales) + (standardizesTarget()
            ? ", target mean " + targetMean + ", scale " + targetScale : "");
  }
}
