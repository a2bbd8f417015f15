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

  /** Rows read from the dataset at a time: 512 KiB per column, whatever N is. */
  static final int READ_ROWS = 1 << 16;

  /** Rows per block of a sum. */
  private static final int BLOCK = 4096;

  /**
   * The statistics of the float64 data, summed in blocks of {@link #BLOCK} rows from the
   * dataset read in chunks: no column is held (at N = 5e8 the columns and a column of ones
   * would be 12 GB), and the rounding does not grow with N (see {@link #ofFloats}).
   */
  static GramStatistics of(Dataset data) {
    return sums(data, false);
  }

  /**
   * The statistics of the data rounded to float — the values a float32 solver holds — for
   * {@code scalar.gram} in float32. Each product of two floats is exact in double (48 bits of
   * 53), so only the sums round: each block of {@link #BLOCK} rows is summed in double and the
   * block sums are added into a double total, which bounds the rounding by about
   * {@code (BLOCK + N / BLOCK)·2^-53} of the sum of magnitudes instead of the {@code N·2^-53} of
   * one running sum (two float units at N = 1e9). The data are read {@link #READ_ROWS} rows at a
   * time, so no column is ever held: at N = 1e9 the pass needs a few megabytes, not 8 GB per
   * column.
   */
  static GramStatistics ofFloats(Dataset data) {
    return sums(data, true);
  }

  private static GramStatistics sums(Dataset data, boolean rounded) {
    int m = data.weightCount();
    int n = data.samples();
    int rows = Math.min(n, READ_ROWS);
    // values[0] is the intercept's column of ones, values[1..p] the features, values[m] d.
    double[][] values = new double[m + 1][rows];
    Arrays.fill(values[0], 1.0);
    double[][] totals = new double[m + 1][m + 1];
    for (int from = 0; from < n; from += rows) {
      int length = Math.min(rows, n - from);
      for (int j = 1; j <= m; j++) {
        double[] column = values[j];
        data.read(j - 1, from, column, 0, length);
        for (int i = 0; i < length && rounded; i++) {
          column[i] = (float) column[i];
        }
      }
      for (int start = 0; start < length; start += BLOCK) {
        int end = Math.min(length, start + BLOCK);
        for (int j = 0; j <= m; j++) {
          for (int k = 0; k <= j; k++) {
            totals[j][k] += dot(values[j], values[k], start, end);
          }
        }
      }
    }
    double[][] gram = new double[m][m];
    double[] moments = new double[m];
    for (int j = 0; j < m; j++) {
      for (int k = 0; k <= j; k++) {
        gram[j][k] = totals[j][k];
        gram[k][j] = totals[j][k];
      }
      moments[j] = totals[m][j];
    }
    return new GramStatistics(gram, moments, totals[m][m]);
  }

  private static double dot(double[] a, double[] b, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += a[i] * b[i];
    }
    return s;
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
}
