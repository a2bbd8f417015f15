package dev.descent.reference;

import dev.descent.api.Dataset;

/**
 * The step sizes a dataset allows. The loss {@code (1/N)·Σ e_i²} has the constant Hessian
 * {@code H = (2/N)·XᵀX}, X with the intercept column of ones; with L its largest eigenvalue,
 * gradient descent converges for {@code mu < 2/L} and diverges above it (the error along the
 * top eigenvector is multiplied by {@code 1 − mu·L} every epoch), and {@code mu = 1/L} is the
 * classic safe choice that converges fast along the stiffest direction.
 *
 * @param curvature L, the Hessian's largest eigenvalue
 */
public record StepSize(double curvature) {

  private static final int MAX_ITERATIONS = 10_000;

  /** The step {@code --mu auto} uses: {@code 1/L}. */
  public double automatic() {
    return 1 / curvature;
  }

  /** The largest step that does not diverge: {@code 2/L}. */
  public double stableLimit() {
    return 2 / curvature;
  }

  /**
   * L for this data, by power iteration on the (p + 1) × (p + 1) Gram matrix — one pass over
   * the data, then work independent of N.
   *
   * @throws IllegalArgumentException when the data's sums overflow float64
   */
  public static StepSize of(Dataset data) {
    double[][] gram = gram(data);
    int m = gram.length;
    double largestDiagonal = 0;
    for (int j = 0; j < m; j++) {
      largestDiagonal = Math.max(largestDiagonal, gram[j][j]);
    }
    if (!Double.isFinite(largestDiagonal)) {
      throw new IllegalArgumentException("the data's sums of squares overflow float64 ("
          + data.name() + "): no step size can be computed; standardise the data");
    }
    double[] v = new double[m];
    for (int j = 0; j < m; j++) {
      // Not all equal, so that v is not orthogonal to the top eigenvector by symmetry.
      v[j] = 1 + j * 0x1p-10;
    }
    double estimate = 0;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] next = multiply(gram, v);
      double norm = norm(next);
      if (norm == 0) {
        break;
      }
      double rayleigh = dot(v, next) / dot(v, v);
      for (int j = 0; j < m; j++) {
        v[j] = next[j] / norm;
      }
      boolean settled = Math.abs(rayleigh - estimate) <= 1e-12 * rayleigh;
      estimate = rayleigh;
      if (settled) {
        break;
      }
    }
    // λmax ≥ every diagonal entry: a guard should the iteration stall on a lower eigenvector.
    double largest = Math.max(estimate, largestDiagonal);
    return new StepSize(2.0 / data.samples() * largest);
  }

  /** XᵀX with the intercept's column of ones, each entry summed in sample order. */
  private static double[][] gram(Dataset data) {
    int m = data.weightCount();
    int n = data.samples();
    double[][] gram = new double[m][m];
    RowWindow rows = new RowWindow(data);
    for (long from = 0; from < n; from += rows.capacity()) {
      int count = (int) Math.min(rows.capacity(), n - from);
      int at = rows.load(from, count);
      for (int j = 1; j < m; j++) {
        double[] xj = rows.column(j - 1);
        double sum = gram[0][j];
        for (int i = at; i < at + count; i++) {
          sum += xj[i];
        }
        gram[0][j] = sum;
        for (int k = 1; k <= j; k++) {
          double[] xk = rows.column(k - 1);
          double dot = gram[j][k];
          for (int i = at; i < at + count; i++) {
            dot += xj[i] * xk[i];
          }
          gram[j][k] = dot;
        }
      }
    }
    gram[0][0] = n;
    for (int j = 1; j < m; j++) {
      gram[j][0] = gram[0][j];
      for (int k = 1; k < j; k++) {
        gram[k][j] = gram[j][k];
      }
    }
    return gram;
  }

  private static double[] multiply(double[][] a, double[] v) {
    double[] product = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      product[j] = dot(a[j], v);
    }
    return product;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double norm(double[] v) {
    return Math.sqrt(dot(v, v));
  }
}
