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
 */
final class PairwiseSum {

  private static final int BLOCK = 128;
  private static final int ACCUMULATORS = 8;

  private PairwiseSum() {}

  /** The pairwise float sum of {@code values[from, from + count)}. */
  static float sum(float[] values, int from, int count) {
    if (count < ACCUMULATORS) {
      float sum = 0.0f;
      for (int i = from; i < from + count; i++) {
        sum += values[i];
      }
      return sum;
    }
    if (count <= BLOCK) {
      float[] r = new float[ACCUMULATORS];
      for (int k = 0; k < ACCUMULATORS; k++) {
        r[k] = values[from + k];
      }
      int i = ACCUMULATORS;
      for (; i < count - count % ACCUMULATORS; i += ACCUMULATORS) {
        for (int k = 0; k < ACCUMULATORS; k++) {
          r[k] += values[from + i + k];
        }
      }
      float sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < count; i++) {
        sum += values[from + i];
      }
      return sum;
    }
    int half = count / 2;
    half -= half % ACCUMULATORS;
    return sum(values, from, half) + sum(values, from + half, count - half);
  }
}
