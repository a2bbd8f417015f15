package dev.descent.reference;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Schedule;

/**
 * The float32 reference trajectory: {@link ReferenceDescent#descend(Dataset, Schedule)} with
 * every operation in float and every sum over the samples pairwise (see
 * {@link ReferenceDescent#descend(Dataset, Schedule, dev.descent.api.Precision)}).
 */
final class Float32Descent {

  private Float32Descent() {}

  static Fit descend(Dataset data, Schedule schedule) {
    int n = data.samples();
    int m = data.weightCount();
    double[] start = schedule.initialWeights(m);
    float[] w = new float[m];
    for (int j = 0; j < m; j++) {
      w[j] = (float) start[j];
    }
    float[][] x = new float[m][];
    for (int j = 1; j < m; j++) {
      x[j] = toFloat(data.column(j - 1));
    }
    float[] d = toFloat(data.targets());
    float f = (float) (2.0 / n);
    float mu = (float) schedule.learningRate();
    int k = schedule.traceInterval();
    double[] losses = new double[schedule.traceLength()];
    float[] e = new float[n];
    float[] terms = new float[n];
    float[] g = new float[m];
    for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
      errors(w, x, d, e);
      if (k > 0 && epoch % k == 0) {
        losses[epoch / k] = meanSquare(e, terms);
      }
      g[0] = PairwiseSum.sum(e, 0, n);
      for (int j = 1; j < m; j++) {
        float[] xj = x[j];
        for (int i = 0; i < n; i++) {
          terms[i] = e[i] * xj[i];
        }
        g[j] = PairwiseSum.sum(terms, 0, n);
      }
      for (int j = 0; j < m; j++) {
        w[j] += mu * (f * g[j]);
      }
    }
    if (k > 0 && schedule.epochs() % k == 0) {
      errors(w, x, d, e);
      losses[schedule.epochs() / k] = meanSquare(e, terms);
    }
    double[] weights = new double[m];
    for (int j = 0; j < m; j++) {
      weights[j] = w[j];
    }
    return new Fit(weights, losses);
  }

  /** {@code e_i = d_i − (w0 + w1·x_i1 + … + wp·x_ip)}, left to right, in float. */
  private static void errors(float[] w, float[][] x, float[] d, float[] e) {
    for (int i = 0; i < e.length; i++) {
      float y = w[0];
      for (int j = 1; j < w.length; j++) {
        y += w[j] * x[j][i];
      }
      e[i] = d[i] - y;
    }
  }

  private static double meanSquare(float[] e, float[] scratch) {
    for (int i = 0; i < e.length; i++) {
      scratch[i] = e[i] * e[i];
    }
    return PairwiseSum.sum(scratch, 0, e.length) / e.length;
  }

  private static float[] toFloat(double[] values) {
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (float) values[i];
    }
    return result;
  }
}
