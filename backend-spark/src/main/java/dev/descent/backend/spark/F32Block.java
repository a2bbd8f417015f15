package dev.descent.backend.spark;

import dev.descent.reference.PairwiseSum;

/**
 * Rows in float32: half the memory of {@link F64Block} on the executors.
 *
 * <p>The gradient is computed as the float32 reference computes it: {@code e_i} and the
 * products {@code e_i·x_ij} in float, summed over the block with NumPy's pairwise float
 * summation (the reference's own {@link PairwiseSum}); the blocks' sums are then added in
 * float64 and rounded to float once on the driver, which loses less than one more pairwise level
 * would.
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
    sums[0] += PairwiseSum.sum(e, 0, n);
    for (int j = 1; j < m; j++) {
      float[] x = columns[j - 1];
      for (int i = 0; i < n; i++) {
        terms[i] = e[i] * x[i];
      }
      sums[j] += PairwiseSum.sum(terms, 0, n);
    }
    for (int i = 0; i < n; i++) {
      terms[i] = e[i] * e[i];
    }
    sums[m] += PairwiseSum.sum(terms, 0, n);
  }

  /** As {@link F64Block#addGram}: one pass per column, each value widened exactly. */
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
      float[] x = columns[j - 1];
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
        float[] other = columns[k - 1];
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += (double) x[i] * other[i];
        }
        sums[Block.gramIndex(m, j, k)] += dot;
      }
    }
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
