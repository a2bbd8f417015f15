package dev.descent.app.stats;

import com.google.common.math.Quantiles;
import com.google.common.math.Stats;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The timed repeats of one solver, in seconds, and the figures taken from them: best (the least
 * disturbed run, as {@code timeit.repeat} users read it), median, and mean with its 99.9 %
 * confidence interval (Student's t, as JMH reports its error).
 */
public record Timings(List<Double> seconds) {

  /** The confidence level of {@link #confidence999()}: 99.9 %, as JMH reports its error. */
  public static final double CONFIDENCE = 0.999;

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

  /** The standard error of the mean, s / sqrt(n); NaN with fewer than two samples. */
  public double standardError() {
    return standardDeviation() / Math.sqrt(seconds.size());
  }

  /**
   * Half the width of the 99.9 % confidence interval of the mean, {@code t(0.9995, n - 1) · s /
   * sqrt(n)} with the exact Student t quantile for the actual degrees of freedom; NaN below two
   * samples.
   */
  public double confidence999() {
    int n = seconds.size();
    return n < 2 ? Double.NaN : tQuantile(n - 1) * standardError();
  }

  /** The two-sided {@link #CONFIDENCE} quantile of Student's t with these degrees of freedom. */
  public static double tQuantile(int degreesOfFreedom) {
    return new TDistribution(null, degreesOfFreedom)
        .inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
  }
}
