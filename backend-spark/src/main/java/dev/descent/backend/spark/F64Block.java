package dev.descent.backend.spark;

/**
 * Rows in float64.
 *
 * @param columns the p feature columns, each {@code targets.length} long
 * @param targets the targets d
 */
record F64Block(double[][] columns, double[] targets) implements Block {

  @Override
  public int rows() {
    return targets.length;
  }

  @Override
  public void addGradient(double[] w, double[] sums) {
    int m = w.length;
    double intercept = 0;
    double squares = 0;
    double[] products = new double[m];
    for (int i = 0; i < targets.length; i++) {
      double y = w[0];
      for (int j = 1; j < m; j++) {
        y += w[j] * columns[j - 1][i];
      }
      double e = targets[i] - y;
      intercept += e;
      squares += e * e;
      for (int j = 1; j < m; j++) {
        products[j] += e * columns[j - 1][i];
      }
    }
    sums[0] += intercept;
    for (int j = 1; j < m; j++) {
      sums[j] += products[j];
    }
    sums[m] += squares;
  }

  /**
   * One pass over each column computes every statistic that column enters (its sum, its square
   * sum, its product with d), where the pass per statistic read each column up to five times:
   * the pass is memory-bound. Each sum still adds its terms in row order, so the sums are the same
   * bits as one loop per statistic.
   */
  @Override
  public void addGram(double[] sums) {
    int m = columns.length + 1;
    int n = targets.length;
    int moments = m * (m + 1) / 2;
    double targetSum = 0;
    double targetSquares = 0;
    for (int i = 0; i < n; i++) {
      double d = targets[i];
      targetSum += d;
      targetSquares += d * d;
    }
    sums[Block.gramIndex(m, 0, 0)] += n; // Σ 1·1, exact
    sums[moments] += targetSum;
    sums[moments + m] += targetSquares;
    for (int j = 1; j < m; j++) {
      double[] x = columns[j - 1];
      double sum = 0;
      double squares = 0;
      double withTargets = 0;
      for (int i = 0; i < n; i++) {
        double v = x[i];
        sum += v;
        squares += v * v;
        withTargets += v * targets[i];
      }
      sums[Block.gramIndex(m, 0, j)] += sum;
      sums[Block.gramIndex(m, j, j)] += squares;
      sums[moments + j] += withTargets;
      for (int k = j + 1; k < m; k++) {
        double[] other = columns[k - 1];
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += x[i] * other[i];
        }
        sums[Block.gramIndex(m, j, k)] += dot;
      }
    }
  }
}
