package dev.descent.backend.opencl;

/** Conversions between the API's doubles and the float32 kernels' arrays. */
final class Precisions {

  private Precisions() {}

  /** Each value rounded to the nearest float. */
  static float[] toFloat(double[] values) {
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (float) values[i];
    }
    return result;
  }

  /** The first {@code count} values, widened exactly. */
  static double[] toDouble(float[] values, int count) {
    double[] result = new double[count];
    for (int i = 0; i < count; i++) {
      result[i] = values[i];
    }
    return result;
  }
}
