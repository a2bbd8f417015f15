package dev.descent.backend.spark;

/**
 * NumPy's pairwise summation of floats: eight running sums over runs of up to 128 values, halves
 * above that, so the rounding error grows like log N instead of N, as in the float32 reference.
 */
final class PairwiseFloatSum {

  private static final int RUN = 128;

  private PairwiseFloatSum() {}

  /** The float sum of {@code values[0 … count)}. */
  static float sum(float[] values, int count) {
    return sum(values, 0, count);
  }

  private static float sum(float[] values, int from, int count) {
    if (count < 8) {
      float sum = 0;
      for (int i = from; i < from + count; i++) {
        sum += values[i];
      }
      return sum;
    }
    if (count <= RUN) {
      float r0 = values[from];
      float r1 = values[from + 1];
      float r2 = values[from + 2];
      float r3 = values[from + 3];
      float r4 = values[from + 4];
      float r5 = values[from + 5];
      float r6 = values[from + 6];
      float r7 = values[from + 7];
      int i = 8;
      for (; i < count - count % 8; i += 8) {
        r0 += values[from + i];
        r1 += values[from + i + 1];
        r2 += values[from + i + 2];
        r3 += values[from + i + 3];
        r4 += values[from + i + 4];
        r5 += values[from + i + 5];
        r6 += values[from + i + 6];
        r7 += values[from + i + 7];
      }
      float sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < count; i++) {
        sum += values[from + i];
      }
      return sum;
    }
    int half = count / 2;
    half -= half % 8;
    return sum(values, from, half) + sum(values, from + half, count - half);
  }
}
