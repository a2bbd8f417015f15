package dev.descent.app.race;

import com.google.common.math.Quantiles;
import dev.descent.api.Precision;
import java.util.ArrayList;
import java.util.List;

/**
 * What running one solver in one precision produced, before it is judged: the raw numbers a
 * forked JVM sends back to the race.
 *
 * @param precision the precision
 * @param unavailable why it could not run, or empty
 * @param error how it failed (exception class and message), or empty
 * @param device where it ran, or empty
 * @param setupSeconds the time {@code prepare} took, or NaN
 * @param warmupSeconds the untimed calls' times, in order
 * @param seconds the timed calls' times, in order
 * @param weights the final weights of the last timed call, or empty
 * @param losses the loss trace of the last timed call, or empty
 * @param timedOut whether the run was killed for going silent past the timeout
 */
public record Measurement(Precision precision, String unavailable, String error, String device,
    double setupSeconds, List<Double> warmupSeconds, List<Double> seconds, double[] weights,
    double[] losses, boolean timedOut) {

  public Measurement {
    warmupSeconds = List.copyOf(warmupSeconds);
    seconds = List.copyOf(seconds);
  }

  static Measurement unavailable(Precision precision, String reason) {
    return new Measurement(precision, reason, "", "", Double.NaN, List.of(), List.of(),
        new double[0], new double[0], false);
  }

  static Measurement failed(Precision precision, String error, String device,
      double setupSeconds, List<Double> warmup, List<Double> seconds) {
    return new Measurement(precision, "", error, device, setupSeconds, warmup, seconds,
        new double[0], new double[0], false);
  }

  /**
   * Several launches of the same run as one: the first that could not run or failed stands for
   * all; otherwise every launch's warm-up and timed calls together, the median setup time and
   * the last launch's weights. A launch that lands on a different device is a failure, since its
   * times would not belong together.
   */
  static Measurement pool(List<Measurement> launches) {
    Measurement first = launches.get(0);
    for (Measurement launch : launches) {
      if (!launch.unavailable().isEmpty() || !launch.error().isEmpty() || launch.timedOut()) {
        return launch;
      }
      if (!launch.device().equals(first.device())) {
        return lost(first.precision(), "launches ran on different devices: '" + first.device()
            + "' and '" + launch.device() + "'", false);
      }
    }
    if (launches.size() == 1) {
      return first;
    }
    List<Double> warmup = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    List<Double> setups = new ArrayList<>();
    for (Measurement launch : launches) {
      warmup.addAll(launch.warmupSeconds());
      seconds.addAll(launch.seconds());
      setups.add(launch.setupSeconds());
    }
    Measurement last = launches.get(launches.size() - 1);
    return new Measurement(first.precision(), "", "", first.device(),
        Quantiles.median().compute(setups), warmup, seconds, last.weights(), last.losses(),
        false);
  }

  /** A run that a forked JVM never finished: it died, or went silent and was killed. */
  public static Measurement lost(Precision precision, String error, boolean timedOut) {
    return new Measurement(precision, "", error, "", Double.NaN, List.of(), List.of(),
        new double[0], new double[0], timedOut);
  }
}
