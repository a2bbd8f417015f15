package dev.descent.app;

import com.google.common.math.Quantiles;
import com.google.common.math.Stats;
import java.util.List;

/**
 * The timed repeats of one solver, in seconds, and the figures taken from them: best (the
 * least disturbed run, as {@code timeit.repeat} users read it), median and mean.
 */
public record Timings(List<Double> seconds) {

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
}
