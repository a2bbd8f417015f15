package dev.descent.backend.opencl;

/** The float32 kernels' weights, widened to the API's doubles. */
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
}
