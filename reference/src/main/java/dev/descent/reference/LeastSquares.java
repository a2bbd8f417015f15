package dev.descent.reference;

import dev.descent.api.Dataset;
import java.util.Arrays;

/**
 * The closed-form ordinary-least-squares solution: the point gradient descent converges to.
 *
 * <p>Solved by Householder QR of the N × (p + 1) design matrix in float64 rather than by the
 * normal equations, because forming XᵀX squares the condition number and would make the oracle
 * less exact than the solvers it judges. p + 1 unknowns need no linear-algebra library.
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
    double[][] a = new double[m][];
    a[0] = new double[n];
    Arrays.fill(a[0], 1.0);
    for (int j = 1; j < m; j++) {
      a[j] = data.column(j - 1);
    }
    double[] b = data.targets();
    double largestNorm = 0;
    for (double[] column : a) {
      largestNorm = Math.max(largestNorm, norm(column, 0));
    }
    double[] diagonal = new double[m];
    for (int k = 0; k < m; k++) {
      double alpha = norm(a[k], k);
      if (alpha <= RANK_TOLERANCE * largestNorm) {
        throw new IllegalArgumentException("singular least-squares system: "
            + (k == 0 ? "the intercept" : "feature x" + k)
            + " is a linear combination of the columns before it"
            + (k == 1 ? " (a constant feature?)" : "") + "; no unique closed form");
      }
      if (a[k][k] > 0) {
        alpha = -alpha;
      }
      // v = a_k[k..] - alpha e_k, stored in place of a_k; R_kk = alpha.
      a[k][k] -= alpha;
      double vNormSquared = dot(a[k], a[k], k);
      for (int j = k + 1; j < m; j++) {
        reflect(a[k], a[j], k, vNormSquared);
      }
      reflect(a[k], b, k, vNormSquared);
      diagonal[k] = alpha;
    }
    double[] w = new double[m];
    for (int k = m - 1; k >= 0; k--) {
      double sum = b[k];
      for (int j = k + 1; j < m; j++) {
        sum -= a[j][k] * w[j];
      }
      w[k] = sum / diagonal[k];
    }
    return w;
  }

  /** x ← (I − 2vvᵀ/vᵀv) x on rows k.. . */
  private static void reflect(double[] v, double[] x, int k, double vNormSquared) {
    double scale = 2 * dot(v, x, k) / vNormSquared;
    for (int i = k; i < x.length; i++) {
      x[i] -= scale * v[i];
    }
  }

  private static double dot(double[] u, double[] v, int from) {
    double sum = 0;
    for (int i = from; i < u.length; i++) {
      sum += u[i] * v[i];
    }
    return sum;
  }

  /** Euclidean norm of x[from..], scaled so that large values do not overflow. */
  private static double norm(double[] x, int from) {
    double scale = 0;
    for (int i = from; i < x.length; i++) {
      scale = Math.max(scale, Math.abs(x[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = from; i < x.length; i++) {
      double t = x[i] / scale;
      sum += t * t;
    }
    return scale * Math.sqrt(sum);
  }
}
