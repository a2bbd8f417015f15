package dev.descent.backend.scalar;

import dev.descent.api.Dataset;

/**
 * {@code scalar.gram} in float64: the epochs run on {@link GramStatistics}, never touching the
 * N samples again. The same iterates as the sample loop up to rounding.
 */
final class GramF64Workspace extends EpochWorkspace {
  private final double[][] gram;
  private final double[] moments;
  private final GramStatistics statistics;
  private final double[] w;
  private final double[] g;
  private final double f;

  GramF64Workspace(Dataset data) {
    super(data.samples(), data.weightCount(),
        ScalarFamilySolver.device("Gram statistics, O(p^2) per epoch", "f64"));
    statistics = GramStatistics.of(data);
    gram = statistics.gram();
    moments = statistics.moments();
    w = new double[weightCount];
    g = new double[weightCount];
    f = 2.0 / samples;
  }

  @Override
  void load(double[] weights) {
    System.arraycopy(weights, 0, w, 0, weightCount);
  }

  @Override
  void epoch(double learningRate) {
    for (int j = 0; j < weightCount; j++) {
      double[] row = gram[j];
      double fitted = 0;
      for (int k = 0; k < weightCount; k++) {
        fitted += row[k] * w[k];
      }
      g[j] = moments[j] - fitted;
    }
    for (int j = 0; j < weightCount; j++) {
      w[j] += learningRate * (f * g[j]);
    }
  }

  @Override
  double loss() {
    return statistics.meanSquaredError(w);
  }

  @Override
  double[] weights() {
    return w.clone();
  }

  @Override
  void release() {}
}
