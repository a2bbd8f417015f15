package dev.descent.app.stats;

import com.google.common.math.Quantiles;
import com.google.common.math.Stats;
import java.util.List;

/**
 * The timed repeats of one solver, in seconds, and the figures taken from them: best (the least
 * disturbed run, as {@code timeit.repeat} users read it), median, and mean with its 99.9 %
 * confidence interval (Student's t, as JMH reports its error).
 */
public record Timings(List<Double> seconds) {

  /** Two-sided 99.9 % quantiles of Student's t for 1 … 30 degrees of freedom. */
  private static final double[] T_999 = {Double.NaN, 636.619, 31.599, 12.924, 8.610, 6.869,
      5.959, 5.408, 5.041, 4.781, 4.587, 4.437, 4.318, 4.221, 4.140, 4.073, 4.015, 3.965, 3.922,
      3.883, 3.850, 3.819, 3.792, 3.768, 3.745, 3.725, 3.707, 3.690, 3.674, 3.659, 3.646};

  public Timings {
    seconds = List.copyOf(seconds);
  }

  public boolean isEmpty() {
    return seconds.isEmpty();
  }

  public double best() {
    return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  public double median() {
    return seconds.isEmpty() ? Double.NaN : Quantiles.median().compute(seconds);
  }

  public double mean() {
    return seconds.isEmpty() ? Double.NaN : Stats.meanOf(seconds);
  }

  /** The sample standard deviation; NaN with fewer than two samples. */
  public double standardDeviation() {
    return seconds.size() < 2 ? Double.NaN : Stats.of(seconds).sampleStandardDeviation();
  }

  /** Half the width of the 99.9 % confidence interval of the mean; NaN below two samples. */
  public double confidence999() {
    int n = seconds.size();
    return n < 2 ? Double.NaN : tQuantile999(n - 1) * standardDeviation() / Math.sqrt(n);
  }

  static double tQuantile999(int degreesOfFreedom) {
    if (degreesOfFreedom < T_999.length) {
      return T_999[degreesOfFreedom];
    }
    if (degreesOfFreedom <= 40) {
      return 3.551;
    }
    if (degreesOfFreedom <= 60) {
      return 3.460;
    }
    return degreesOfFreedom <= 120 ? 3.373 : 3.291;
  }
}
