package dev.descent.backend.scalar;

import dev.descent.api.Dataset;

/**
 * {@code scalar.gram} in float32: the statistics are summed in float64 (a one-off pass) and
 * rounded to float, and every epoch's arithmetic — the gradient {@code h − G·w} and the update —
 * runs in float32. The loss trace is computed in float64 from the same statistics, because
 * {@code dᵀd − 2·wᵀh + wᵀGw} cancels to a small number and float32 would leave only noise.
 */
final class GramF32Workspace extends EpochWorkspace {
  private final float[][] gram;
  private final float[] moments;
  private final GramStatistics statistics;
  private final float[] w;
  private final float[] g;
  private final float f;

  GramF32Workspace(Dataset data) {
    super(data.samples(), data.weightCount(),
        ScalarFamilySolver.device("Gram statistics, O(p^2) per epoch", "f32"));
    statistics = GramStatistics.of(data);
    gram = new float[weightCount][];
    for (int j = 0; j < weightCount; j++) {
      gram[j] = toFloat(statistics.gram()[j]);
    }
    moments = toFloat(statistics.moments());
    w = new float[weightCount];
    g = new float[weightCount];
    f = 2.0f / samples;
  }

  @Override
  void load(double[] weights) {
    for (int j = 0; j < weightCount; j++) {
      w[j] = (float) weights[j];
    }
  }

  @Override
  void epoch(double learningRate) {
    float mu = (float) learningRate;
    for (int j = 0; j < weightCount; j++) {
      float[] row = gram[j];
      float fitted = 0;
      for (int k = 0; k < weightCount; k++) {
        fitted += row[k] * w[k];
      }
      g[j] = moments[j] - fitted;
    }
    for (int j = 0; j < weightCount; j++) {
      w[j] += mu * (f * g[j]);
    }
  }

  @Override
  double loss() {
    return statistics.meanSquaredError(toDouble(w));
  }

  @Override
  double[] weights() {
    return toDouble(w);
  }

  @Override
  void release() {}
}
