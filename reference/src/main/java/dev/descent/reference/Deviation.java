package dev.descent.reference;

/**
 * How far one weight vector is from another, as one number: {@code max_j |a_j − e_j| /
 * max_j |e_j|}, the largest error relative to the size of the expected weights. Relative to the
 * largest weight, not to each one, because a weight near zero has no meaningful relative error.
 */
public final class Deviation {

  private Deviation() {}

  /**
   * The relative deviation of {@code actual} from {@code expected}; absolute when expected is all
   * zero; infinite when lengths differ or actual holds NaN or an infinity.
   */
  public static double relative(double[] actual, double[] expected) {
    if (actual.length != expected.length) {
      return Double.POSITIVE_INFINITY;
    }
    double largestError = 0;
    double scale = 0;
    for (int j = 0; j < expected.length; j++) {
      double error = Math.abs(actual[j] - expected[j]);
      if (!(error <= Double.MAX_VALUE)) {
        return Double.POSITIVE_INFINITY;
      }
      largestError = Math.max(largestError, error);
      scale = Math.max(scale, Math.abs(expected[j]));
    }
    return scale == 0 ? largestError : largestError / scale;
  }
}
