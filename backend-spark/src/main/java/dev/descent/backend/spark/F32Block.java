package dev.descent.backend.spark;

/**
 * Rows in float32: half the memory of {@link F64Block} on the executors.
 *
 * <p>The gradient is computed as the float32 reference computes it: {@code e_i} and the
 * products {@code e_i·x_ij} in float, summed over the block with NumPy's pairwise float
 * summation ({@link PairwiseFloatSum}); the blocks' sums are then added in float64 and rounded
 * to float once on the driver, which loses less than one more pairwise level would.
 *
 * @param columns the p feature columns, each {@code targets.length} long
 * @param targets the targets d
 */
record F32Block(float[][] columns, float[] targets) implements Block {

  /** Per-thread scratch: an executor runs one task per core, each over many blocks. */
  private static final ThreadLocal<float[][]> SCRATCH = new ThreadLocal<>();

  @Override
  public int rows() {
    return targets.length;
  }

  @Override
  public void addGradient(double[] weights, double[] sums) {
    int m = weights.length;
    int n = targets.length;
    float[] w = new float[m];
    for (int j = 0; j < m; j++) {
      w[j] = (float) weights[j];
    }
    float[][] scratch = scratch(n);
    float[] e = scratch[0];
    float[] terms = scratch[1];
    for (int i = 0; i < n; i++) {
      float y = w[0];
      for (int j = 1; j < m; j++) {
        y += w[j] * columns[j - 1][i];
      }
      e[i] = targets[i] - y;
    }
    sums[0] += PairwiseFloatSum.sum(e, n);
    for (int j = 1; j < m; j++) {
      float[] x = columns[j - 1];
      for (int i = 0; i < n; i++) {
        terms[i] = e[i] * x[i];
      }
      sums[j] += PairwiseFloatSum.sum(terms, n);
    }
    for (int i = 0; i < n; i++) {
      terms[i] = e[i] * e[i];
    }
    sums[m] += PairwiseFloatSum.sum(terms, n);
  }

  @Override
  public void addGram(double[] sums) {
    int m = columns.length + 1;
    int n = targets.length;
    for (int j = 0; j < m; j++) {
      for (int k = j; k < m; k++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += value(j, i) * value(k, i);
        }
        sums[Block.gramIndex(m, j, k)] += sum;
      }
    }
    int moments = m * (m + 1) / 2;
    for (int j = 0; j < m; j++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += value(j, i) * targets[i];
      }
      sums[moments + j] += sum;
    }
    double squares = 0;
    for (float d : targets) {
      squares += (double) d * d;
    }
    sums[moments + m] += squares;
  }

  /** x_ij widened exactly, the intercept's column 0 being ones. */
  private double value(int j, int i) {
    return j == 0 ? 1.0 : columns[j - 1][i];
  }

  private static float[][] scratch(int rows) {
    float[][] scratch = SCRATCH.get();
    if (scratch == null || scratch[0].length < rows) {
      scratch = new float[][] {new float[rows], new float[rows]};
      SCRATCH.set(scratch);
    }
    return scratch;
  }
}
