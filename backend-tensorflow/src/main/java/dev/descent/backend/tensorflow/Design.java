package dev.descent.backend.tensorflow;

import dev.descent.api.Dataset;
import java.util.Arrays;

/**
 * The design matrix and targets of a dataset as the flat row-major arrays TensorFlow constants
 * are made from, with the intercept's column of ones made explicit.
 */
final class Design {

  private Design() {}

  /** X as N rows of p + 1 values (1, x1, …, xp): the article's layout, {@code y = X·w}. */
  static double[] samplesByWeights(Dataset data) {
    int n = data.samples();
    int m = data.weightCount();
    double[] x = new double[n * m];
    for (int i = 0; i < n; i++) {
      x[i * m] = 1.0;
    }
    for (int j = 1; j < m; j++) {
      double[] column = data.column(j - 1);
      for (int i = 0; i < n; i++) {
        x[i * m + j] = column[i];
      }
    }
    return x;
  }

  /**
   * Xᵀ as p + 1 rows of N values: each feature contiguous, so {@code y = w·Xᵀ} and
   * {@code g = e·X} run along long rows, which TensorFlow's CPU matmul does 2–3× faster than
   * the article's N × (p + 1) layout.
   */
  static double[] weightsBySamples(Dataset data) {
    int n = data.samples();
    int m = data.weightCount();
    double[] xt = new double[m * n];
    Arrays.fill(xt, 0, n, 1.0);
    for (int j = 1; j < m; j++) {
      System.arraycopy(data.column(j - 1), 0, xt, j * n, n);
    }
    return xt;
  }
}
