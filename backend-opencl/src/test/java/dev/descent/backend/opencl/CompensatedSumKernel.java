package dev.descent.backend.opencl;

import com.aparapi.Kernel;

/**
 * Kahan's compensated sum exactly as the kernels fold their blocks, beside a plain running sum of
 * the same values, for {@link CompensatedSumTest}.
 */
final class CompensatedSumKernel extends Kernel {
  final float[] values;
  /** Out: the compensated sum, then the plain one. */
  final float[] sums = new float[2];
  int n;

  CompensatedSumKernel(float[] values) {
    this.values = values;
    n = values.length;
  }

  @Override
  public void run() {
    float total = 0f;
    float carry = 0f;
    float plain = 0f;
    for (int i = 0; i < n; i++) {
      float y = values[i] - carry;
      float t = total + y;
      carry = (t - total) - y;
      total = t;
      plain += values[i];
    }
    sums[0] = total - carry;
    sums[1] = plain;
  }
}
