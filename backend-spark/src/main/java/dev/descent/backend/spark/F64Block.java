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

  @Override
  public void addGram(double[] sums) {
    int m = columns.length + 1;
    for (int j = 0; j < m; j++) {
      for (int k = j; k < m; k++) {
        sums[Block.gramIndex(m, j, k)] += dot(j, k);
      }
    }
    int moments = m * (m + 1) / 2;
    for (int j = 0; j < m; j++) {
      double sum = 0;
      for (int i = 0; i < targets.length; i++) {
        sum += value(j, i) * targets[i];
      }
      sums[moments + j] += sum;
    }
    double squares = 0;
    for (double d : targets) {
      squares += d * d;
    }
    sums[moments + m] += squares;
  }

  /** Σ x_ij·x_ik over the block, the intercept's column 0 being ones. */
  private double dot(int j, int k) {
    double sum = 0;
    for (int i = 0; i < targets.length; i++) {
      sum += value(j, i) * value(k, i);
    }
    return sum;
  }

  private double value(int j, int i) {
    return j == 0 ? 1.0 : columns[j - 1][i];
  }
}
