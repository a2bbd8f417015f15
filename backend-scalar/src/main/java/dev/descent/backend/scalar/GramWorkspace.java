package dev.descent.backend.scalar;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.support.EpochWorkspace;

/**
 * {@code scalar.gram}: the epochs run on {@link GramStatistics}, never touching the N samples
 * again. The same iterates as the sample loop up to rounding.
 *
 * <p>In float32 the statistics are those of the data rounded to float, summed in float64 in
 * blocks from the dataset read in chunks ({@link GramStatistics#ofFloats}: a one-off pass that
 * holds no column, and whose rounding does not grow with N), then rounded to float, and every
 * epoch's arithmetic — the gradient {@code h − G·w} and the update — runs in float32. The
 * loss trace is computed in float64 from the same statistics, because
 * {@code dᵀd − 2·wᵀh + wᵀGw} cancels to a small number and float32 would leave only noise.
 *
 * <p>One class serves both precisions because an epoch costs O(p²), not O(N·p): the values are
 * held as doubles, and in float32 every operation's result is rounded to float. That gives float
 * arithmetic's bits exactly, since a double carries more than twice a float's precision
 * (53 ≥ 2·24 + 2 bits), so rounding the exact result to double and then to float is the same as
 * rounding it to float once.
 */
final class GramWorkspace extends EpochWorkspace {
  private final boolean single;
  private final double[][] gram;
  private final double[] moments;
  private final GramStatistics statistics;
  private final double[] w;
  private final double[] g;
  private final double f;
  private final String device;

  GramWorkspace(Dataset data, Precision precision) {
    super(data.samples(), data.weightCount());
    single = precision == Precision.FLOAT32;
    statistics = single ? GramStatistics.ofFloats(data) : GramStatistics.of(data);
    gram = new double[weightCount][];
    for (int j = 0; j < weightCount; j++) {
      gram[j] = round(statistics.gram()[j]);
    }
    moments = round(statistics.moments());
    w = new double[weightCount];
    g = new double[weightCount];
    // Not round(2.0 / samples): float32 divides by N rounded to float, exact only up to 2^24.
    f = single ? 2.0f / samples : 2.0 / samples;
    device = ScalarFamilySolver.device("Gram statistics, O(p^2) per epoch",
        single ? "f32" : "f64");
  }

  /** The value in the workspace's precision: itself in float64, rounded to float in float32. */
  private double round(double value) {
    return single ? (float) value : value;
  }

  private double[] round(double[] values) {
    double[] result = values.clone();
    for (int j = 0; j < result.length; j++) {
      result[j] = round(result[j]);
    }
    return result;
  }

  @Override
  protected void load(double[] weights) {
    for (int j = 0; j < weightCount; j++) {
      w[j] = round(weights[j]);
    }
  }

  @Override
  protected void epoch(double learningRate) {
    double mu = round(learningRate);
    for (int j = 0; j < weightCount; j++) {
      double[] row = gram[j];
      double fitted = 0;
      for (int k = 0; k < weightCount; k++) {
        fitted = round(fitted + round(row[k] * w[k]));
      }
      g[j] = round(moments[j] - fitted);
    }
    for (int j = 0; j < weightCount; j++) {
      w[j] = round(w[j] + round(mu * round(f * g[j])));
    }
  }

  @Override
  protected double loss() {
    return statistics.meanSquaredError(w);
  }

  @Override
  protected double[] weights() {
    return w.clone();
  }

  @Override
  protected String describe() {
    return device;
  }

  @Override
  protected void release() {}
}
