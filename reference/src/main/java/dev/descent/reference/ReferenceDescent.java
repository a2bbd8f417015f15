package dev.descent.reference;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import java.util.Arrays;

/**
 * The reference trajectories: batch gradient descent written as plainly as possible, in float64
 * (one sample at a time, sums in sample order) and in float32 (the same operations in float,
 * sums over the samples pairwise). Every solver is judged against the one of its precision, within
 * {@link Tolerances#relative}.
 *
 * <p>Each epoch, for the weights w it starts with: {@code e_i = d_i − (w0 + w1·x_i1 + … +
 * wp·x_ip)}, {@code g_j = Σ_i e_i·x_ij} (with {@code x_i0 = 1}), then {@code w_j ← w_j + mu·(f·g_j)}
 * with {@code f = 2/N} — the article's {@code w = w + mu * grad}, {@code grad = f * sum}.
 *
 * <p>The loss trace holds the mean squared error {@code (1/N)·Σ e_i²} of the weights after 0, k,
 * 2k, … epochs; the error of the weights an epoch starts with is the one that epoch computes
 * anyway, so only a trace point after the last epoch costs an extra pass.
 */
public final class ReferenceDescent {

  private ReferenceDescent() {}

  /**
   * Runs the schedule on the data in the given precision.
   *
   * <p>{@link Precision#FLOAT64} is {@link #descend(Dataset, Schedule)}. {@link Precision#FLOAT32}
   * does the same operations in the same order in float arithmetic: the data, the initial
   * weights, mu and {@code f = 2/N} are each rounded to float once; every epoch computes {@code
   * e_i = d_i − (w0 + w1·x_i1 + …)} and the products {@code e_i·x_ij} in float, sums them over i
   * with NumPy's pairwise float summation ({@link PairwiseSum}: the error grows like log N, where
   * one running float sum over millions of terms would drift or stall), and updates {@code w_j ←
   * w_j + mu·(f·g_j)} in float. The weights come back widened exactly; each loss of the trace is
   * the pairwise float sum of the float {@code e_i²}, divided by N in float.
   *
   * @throws IllegalArgumentException when precision is null or the schedule's initial weights
   *     are not p + 1 values
   */
  public static Fit descend(Dataset data, Schedule schedule, Precision precision) {
    if (precision == null) {
      throw new IllegalArgumentException("precision = null: use FLOAT64 or FLOAT32");
    }
    return precision == Precision.FLOAT64
        ? descend(data, schedule)
        : Float32Descent.descend(data, schedule);
  }

  /**
   * Runs the schedule on the data in float64.
   *
   * @throws IllegalArgumentException when the schedule's initial weights are not p + 1 values
   */
  public static Fit descend(Dataset data, Schedule schedule) {
    int n = data.samples();
    int m = data.weightCount();
    double[] w = schedule.initialWeights(m);
    RowWindow rows = new RowWindow(data);
    double f = 2.0 / n;
    double mu = schedule.learningRate();
    int k = schedule.traceInterval();
    double[] losses = new double[schedule.traceLength()];
    double[] g = new double[m];
    for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
      double squares = pass(rows, n, w, g);
      if (k > 0 && epoch % k == 0) {
        losses[epoch / k] = squares / n;
      }
      for (int j = 0; j < m; j++) {
        w[j] += mu * (f * g[j]);
      }
    }
    if (k > 0 && schedule.epochs() % k == 0) {
      losses[schedule.epochs() / k] = meanSquaredError(data, w);
    }
    return new Fit(w, losses);
  }

  /** {@code (1/N)·Σ e_i²} for weights w (p + 1 values, intercept first), in float64. */
  public static double meanSquaredError(Dataset data, double[] w) {
    if (w.length != data.weightCount()) {
      throw new IllegalArgumentException("weights has " + w.length + " values but the model has "
          + data.weightCount() + " weights (p + 1)");
    }
    return pass(new RowWindow(data), data.samples(), w, new double[w.length]) / data.samples();
  }

  /**
   * One pass in sample order: {@code g_j ← Σ_i e_i·x_ij} for weights w, and the sum of
   * {@code e_i²} returned.
   */
  private static double pass(RowWindow rows, int n, double[] w, double[] g) {
    int m = w.length;
    double[][] x = new double[m][];
    for (int j = 1; j < m; j++) {
      x[j] = rows.column(j - 1);
    }
    double[] d = rows.column(m - 1);
    Arrays.fill(g, 0.0);
    double squares = 0;
    for (long from = 0; from < n; from += rows.capacity()) {
      int count = (int) Math.min(rows.capacity(), n - from);
      int at = rows.load(from, count);
      for (int i = at; i < at + count; i++) {
        double e = d[i] - predict(w, x, i);
        g[0] += e;
        for (int j = 1; j < m; j++) {
          g[j] += e * x[j][i];
        }
        squares += e * e;
      }
    }
    return squares;
  }

  private static double predict(double[] w, double[][] x, int i) {
    double y = w[0];
    for (int j = 1; j < w.length; j++) {
      y += w[j] * x[j][i];
    }
    return y;
  }
}
