package dev.descent.backend.opencl;

import dev.descent.api.Dataset;

/** Between the API's values and the kernels' arrays. */
final class Precisions {

  private Precisions() {}

  /** The first {@code count} values, widened exactly. */
  static double[] toDouble(float[] values, int count) {
    double[] result = new double[count];
    for (int i = 0; i < count; i++) {
      result[i] = values[i];
    }
    return result;
  }

  /**
   * The p feature columns one after another, {@code x[(j - 1) * n + i]}, rounded to float32
   * column by column: never a float64 copy of a column, and for p = 1 the column itself, so N = 1e8
   * costs one 400 MB array rather than two.
   */
  static float[] featuresAsFloats(Dataset data) {
    int n = data.samples();
    if (data.features() == 1) {
      return data.columnAsFloats(0);
    }
    float[] x = new float[Math.multiplyExact(data.features(), n)];
    for (int j = 0; j < data.features(); j++) {
      System.arraycopy(data.columnAsFloats(j), 0, x, j * n, n);
    }
    return x;
  }

  /** {@link #featuresAsFloats} in float64. */
  static double[] features(Dataset data) {
    int n = data.samples();
    if (data.features() == 1) {
      return data.column(0);
    }
    double[] x = new double[Math.multiplyExact(data.features(), n)];
    for (int j = 0; j < data.features(); j++) {
      System.arraycopy(data.column(j), 0, x, j * n, n);
    }
    return x;
  }
}
