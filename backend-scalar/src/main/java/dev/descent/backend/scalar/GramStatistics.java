package dev.descent.backend.scalar;

import dev.descent.api.Dataset;
import java.util.Arrays;

/**
 * The sufficient statistics of least squares, from one float64 pass over the data: G = XᵀX and
 * h = Xᵀd with the intercept column of ones included, and dᵀd. The gradient sum at any w is then
 * {@code Σ_i e_i·x_ij = h_j − (G·w)_j} and the squared error {@code dᵀd − 2·wᵀh + wᵀGw}, so an
 * epoch costs O(p²) instead of O(N·p).
 */
record GramStatistics(double[][] gram, double[] moments, double targetSquares) {

  static GramStatistics of(Dataset data) {
    int m = data.weightCount();
    int n = data.samples();
    double[][] columns = new double[m][];
    columns[0] = new double[n];
    Arrays.fill(columns[0], 1.0);
    for (int j = 1; j < m; j++) {
      columns[j] = data.column(j - 1);
    }
    double[] d = data.targets();
    double[][] gram = new double[m][m];
    double[] moments = new double[m];
    for (int j = 0; j < m; j++) {
      for (int k = 0; k <= j; k++) {
        gram[j][k] = dot(columns[j], columns[k]);
        gram[k][j] = gram[j][k];
      }
      moments[j] = dot(columns[j], d);
    }
    return new GramStatistics(gram, moments, dot(d, d));
  }

  /**
   * {@code (dᵀd − 2·wᵀh + wᵀGw) / N} in float64, never below zero: near the optimum the terms
   * cancel and rounding could otherwise make a squared error negative.
   */
  double meanSquaredError(double[] w) {
    double quadratic = 0;
    double linear = 0;
    for (int j = 0; j < w.length; j++) {
      double fitted = 0;
      for (int k = 0; k < w.length; k++) {
        fitted += gram[j][k] * w[k];
      }
      quadratic += w[j] * fitted;
      linear += w[j] * moments[j];
    }
    return Math.max(0.0, (targetSquares - 2 * linear + quadratic) / gram[0][0]);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
