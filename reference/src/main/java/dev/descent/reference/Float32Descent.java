package dev.descent.reference;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Schedule;

/**
 * The float32 reference trajectory: {@link ReferenceDescent#descend(Dataset, Schedule)} with
 * every operation in float and every sum over the samples pairwise (see
 * {@link ReferenceDescent#descend(Dataset, Schedule, dev.descent.api.Precision)}).
 *
 * <p>One pass per epoch makes {@code e_i} and its p + 1 products (and {@code e_i²} when the
 * epoch is traced) block by block as {@link PairwiseSum} asks for them, reading the data through
 * a {@link RowWindow}: nothing N-sized is held, so N = 1e9 runs in a small heap.
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
    float f = (float) (2.0 / n);
    float mu = (float) schedule.learningRate();
    int k = schedule.traceInterval();
    double[] losses = new double[schedule.traceLength()];
    RowWindow rows = new RowWindow(data);
    float[] sums = new float[m + 1];
    for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
      boolean traced = k > 0 && epoch % k == 0;
      PairwiseSum.sum(new Epoch(rows, w, traced), n, sums);
      if (traced) {
        losses[epoch / k] = sums[m] / n;
      }
      for (int j = 0; j < m; j++) {
        w[j] += mu * (f * sums[j]);
      }
    }
    if (k > 0 && schedule.epochs() % k == 0) {
      PairwiseSum.sum(new Epoch(rows, w, true), n, sums);
      losses[schedule.epochs() / k] = sums[m] / n;
    }
    double[] weights = new double[m];
    for (int j = 0; j < m; j++) {
      weights[j] = w[j];
    }
    return new Fit(weights, losses);
  }

  /**
   * One epoch's terms for weights w: stream 0 is {@code e_i = d_i − (w0 + w1·x_i1 + … +
   * wp·x_ip)} (left to right, in float, the data rounded to float), stream j the products
   * {@code e_i·x_ij}, and stream p + 1 {@code e_i²} when traced.
   */
  private record Epoch(RowWindow rows, float[] w, boolean traced) implements PairwiseSum.Terms {

    @Override
    public int width() {
      return w.length + (traced ? 1 : 0);
    }

    @Override
    public void fill(long from, int count, float[][] into) {
      int at = rows.load(from, count);
      int m = w.length;
      double[] d = rows.column(m - 1);
      float[] errors = into[0];
      for (int i = 0; i < count; i++) {
        float y = w[0];
        for (int j = 1; j < m; j++) {
          y += w[j] * (float) rows.column(j - 1)[at + i];
        }
        errors[i] = (float) d[at + i] - y;
      }
      for (int j = 1; j < m; j++) {
        double[] x = rows.column(j - 1);
        float[] products = into[j];
        for (int i = 0; i < count; i++) {
          products[i] = errors[i] * (float) x[at + i];
        }
      }
      if (traced) {
        float[] squares = into[m];
        for (int i = 0; i < count; i++) {
          squares[i] = errors[i] * errors[i];
        }
      }
    }
  }
}
