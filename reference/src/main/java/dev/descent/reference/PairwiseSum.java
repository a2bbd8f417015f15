package dev.descent.reference;

/**
 * NumPy's pairwise summation of float32 values ({@code pairwise_sum} in NumPy's
 * {@code loops_utils.h}), reproduced operation for operation, all in float: fewer than 8 values
 * are added in order; up to 128 go to eight interleaved accumulators combined as
 * {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))}, the rest in order; more are split at half,
 * rounded down to a multiple of 8, and the two halves' sums added.
 *
 * <p>Why this and not one running float sum: a running sum of N terms can lose up to about
 * {@code N·2^-24} of {@code Σ|a_i|} (and stops growing altogether once the sum is 2^24 times a
 * term), while here the bound is about {@code (16 + 3 + ⌈log2(N/128)⌉)·2^-24·Σ|a_i|}: 26 units of
 * rounding at the article's N = 10 000, 42 at N = 1e9. The float32 reference uses it for every
 * sum over the samples, so its own error grows like log N and the float32 tolerance can too.
 *
 * <p>The recursion visits its blocks of at most 128 values left to right, so the values can be
 * made as they are summed ({@link Terms}): the float32 reference sums its p + 2 streams of terms
 * in one pass over the data and never stores N of them. Solvers that sum float32 blocks the
 * way the reference does (backend-spark's executors) call {@link #sum(float[], int, int)}.
 */
public final class PairwiseSum {

  private static final int BLOCK = 128;
  private static final int ACCUMULATORS = 8;
  /** Halving 2^31 values down to blocks of 128 takes 24 levels. */
  private static final int DEPTH = 32;

  /** Several streams of values, made block by block in index order. */
  interface Terms {
    /** How many streams. */
    int width();

    /** {@code into[k][0 … count)} ← the values of stream k at indices {@code [from, from + count)}. */
    void fill(long from, int count, float[][] into);
  }

  private final Terms terms;
  private final int width;
  private final float[][] block;
  private final float[][] right;

  private PairwiseSum(Terms terms) {
    this.terms = terms;
    this.width = terms.width();
    this.block = new float[width][BLOCK];
    this.right = new float[DEPTH][width];
  }

  /**
   * {@code sums[k]} ← the pairwise float sum of stream k's values {@code [0, count)}, for k below
   * the terms' width.
   */
  static void sum(Terms terms, long count, float[] sums) {
    new PairwiseSum(terms).sum(0, count, sums, 0);
  }

  /** The pairwise float sum of {@code values[from, from + count)}. */
  public static float sum(float[] values, int from, int count) {
    float[] sum = new float[1];
    sum(new Terms() {
      @Override
      public int width() {
        return 1;
      }

      @Override
      public void fill(long at, int length, float[][] into) {
        System.arraycopy(values, from + (int) at, into[0], 0, length);
      }
    }, count, sum);
    return sum[0];
  }

  private void sum(long from, long count, float[] sums, int depth) {
    if (count <= BLOCK) {
      terms.fill(from, (int) count, block);
      for (int k = 0; k < width; k++) {
        sums[k] = sumBlock(block[k], (int) count);
      }
      return;
    }
    long half = count / 2;
    half -= half % ACCUMULATORS;
    float[] second = right[depth];
    sum(from, half, sums, depth + 1);
    sum(from + half, count - half, second, depth + 1);
    for (int k = 0; k < width; k++) {
      sums[k] += second[k];
    }
  }

  private static float sumBlock(float[] values, int count) {
    if (count < ACCUMULATORS) {
      float sum = 0.0f;
      for (int i = 0; i < count; i++) {
        sum += values[i];
      }
      return sum;
    }
    float r0 = values[0];
    float r1 = values[1];
    float r2 = values[2];
    float r3 = values[3];
    float r4 = values[4];
    float r5 = values[5];
    float r6 = values[6];
    float r7 = values[7];
    int i = ACCUMULATORS;
    for (; i < count - count % ACCUMULATORS; i += ACCUMULATORS) {
      r0 += values[i];
      r1 += values[i + 1];
      r2 += values[i + 2];
      r3 += values[i + 3];
      r4 += values[i + 4];
      r5 += values[i + 5];
      r6 += values[i + 6];
      r7 += values[i + 7];
    }
    float sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < count; i++) {
      sum += values[i];
    }
    return sum;
  }
}
