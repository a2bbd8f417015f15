package dev.descent.backend.spark;

import java.io.Serializable;

/**
 * A run of consecutive rows as primitive columns: what an executor caches, one object per block
 * of rows and never one per sample (the shape MLlib caches its instances in, blocked), so a
 * cached partition costs its values and a few object headers.
 */
sealed interface Block extends Serializable permits F64Block, F32Block {

  /** How many rows the block holds. */
  int rows();

  /**
   * Adds this block's part of the gradient sums at the weights {@code w} (p + 1 values, already
   * in the block's precision) to {@code sums}: {@code sums[j] += Σ e_i·x_ij} for j = 0 … p
   * (x_i0 = 1) and {@code sums[p + 1] += Σ e_i²}, with {@code e_i = d_i − w·x_i}.
   */
  void addGradient(double[] w, double[] sums);

  /**
   * Adds this block's part of the Gram statistics to {@code sums}, in float64 whatever the
   * block's precision: XᵀX's upper triangle row by row ({@link #gramIndex}), then Xᵀd, then dᵀd.
   */
  void addGram(double[] sums);

  /** How many values {@link #addGram} fills for p + 1 weights. */
  static int gramLength(int weightCount) {
    return weightCount * (weightCount + 1) / 2 + weightCount + 1;
  }

  /** Where (XᵀX)<sub>jk</sub>, j ≤ k, lives in the Gram sums. */
  static int gramIndex(int weightCount, int j, int k) {
    return j * weightCount - j * (j - 1) / 2 + (k - j);
  }
}
