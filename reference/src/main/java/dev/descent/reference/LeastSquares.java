package dev.descent.reference;

import dev.descent.api.Dataset;
import java.util.Arrays;

/**
 * The closed-form ordinary-least-squares solution: the point gradient descent converges to.
 *
 * <p>Solved by Householder QR of the N × (p + 1) design matrix in float64 rather than by the
 * normal equations, because forming XᵀX squares the condition number and would make the oracle
 * less exact than the solvers it judges. p + 1 unknowns need no linear-algebra library.
 *
 * <p>The QR is taken a window of rows at a time (the "tall and skinny" QR): the (p + 2) × (p + 2)
 * triangle R of [X d] so far is stacked on the next rows and triangularised again, so at N = 1e9
 * the memory is one window, not 24 GB of columns, and the result is as exact as one QR of the
 * whole matrix (each step is an orthogonal transformation of the rows seen so far).
 */
public final class LeastSquares {

  /** A column whose pivot falls below this fraction of the largest column norm is dependent. */
  private static final double RANK_TOLERANCE = 1e-12;

  private LeastSquares() {}

  /**
   * The weights minimising Σ (d_i − w0 − Σ_j w_j x_ij)², intercept first.
   *
   * @throws IllegalArgumentException when the system is singular: fewer samples than weights, a
   *     constant feature (indistinguishable from the intercept) or features that are linear
   *     combinations of each other; the message names the first dependent column
   */
  public static double[] solve(Dataset data) {
    int n = data.samples();
    int m = data.weightCount();
    if (n < m) {
      throw new IllegalArgumentException("singular least-squares system: N = " + n
          + " samples cannot determine " + m + " weights (p + 1); no unique closed form");
    }
    double[][] r = triangle(data);
    double largestNorm = 0;
    for (int j = 0; j < m; j++) {
      largestNorm = Math.max(largestNorm, norm(r[j], 0, j + 1));
    }
    for (int k = 0; k < m; k++) {
      if (Math.abs(r[k][k]) <= RANK_TOLERANCE * largestNorm) {
        throw new IllegalArgumentException("singular least-squares system: "
            + (k == 0 ? "the intercept" : "feature x" + k)
            + " is a linear combination of the columns before it"
            + (k == 1 ? " (a constant feature?)" : "") + "; no unique closed form");
      }
    }
    double[] w = new double[m];
    for (int k = m - 1; k >= 0; k--) {
      double sum = r[m][k];
      for (int j = k + 1; j < m; j++) {
        sum -= r[j][k] * w[j];
      }
      w[k] = sum / r[k][k];
    }
    return w;
  }

  /**
   * The upper triangle R of the QR of [1 X d] (column-major: {@code r[j][i]} is row i of column
   * j), built a window of rows at a time.
   */
  private static double[][] triangle(Dataset data) {
    int n = data.samples();
    int c = data.weightCount() + 1;
    RowWindow rows = new RowWindow(data);
    int step = Math.min(rows.capacity(), RowWindow.ROWS);
    // The first c rows carry R from one window to the next; the window's rows go below them.
    double[][] a = new double[c][c + step];
    for (long from = 0; from < n; from += step) {
      int count = (int) Math.min(step, n - from);
      int at = rows.load(from, count);
      for (int i = 0; i < count; i++) {
        a[0][c + i] = 1.0;
        for (int j = 1; j < c; j++) {
          a[j][c + i] = rows.column(j - 1)[at + i];
        }
      }
      triangularise(a, c + count);
    }
    return a;
  }

  /** Householder QR of rows [0, length) of a, in place: R on and above the diagonal, 0 below. */
  private static void triangularise(double[][] a, int length) {
    for (int k = 0; k < a.length; k++) {
      double alpha = norm(a[k], k, length);
      if (alpha == 0) {
        continue;
      }
      if (a[k][k] > 0) {
        alpha = -alpha;
      }
      // v = a_k[k..] - alpha e_k, kept in a_k while the columns after it are reflected.
      a[k][k] -= alpha;
      double vNormSquared = dot(a[k], a[k], k, length);
      for (int j = k + 1; j < a.length; j++) {
        double scale = 2 * dot(a[k], a[j], k, length) / vNormSquared;
        for (int i = k; i < length; i++) {
          a[j][i] -= scale * a[k][i];
        }
      }
      a[k][k] = alpha;
      Arrays.fill(a[k], k + 1, length, 0.0);
    }
  }

  private static double dot(double[] u, double[] v, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += u[i] * v[i];
    }
    return sum;
  }

  /**
   * Euclidean norm of x[from, to). The plain sum of squares first: dividing by a scale would
   * round every term, and a column of equal values (the intercept's ones) would add those
   * roundings up coherently; the scaled sum only when the plain one overflows or underflows.
   */
  private static double norm(double[] x, int from, int to) {
    double plain = dot(x, x, from, to);
    if (plain > Double.MIN_NORMAL && plain < Double.POSITIVE_INFINITY) {
      return Math.sqrt(plain);
    }
    double scale = 0;
    for (int i = from; i < to; i++) {
      scale = Math.max(scale, Math.abs(x[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      double t = x[i] / scale;
      sum += t * t;
    }
    return scale * Math.sqrt(sum);
  }
}
