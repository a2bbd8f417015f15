package dev.descent.app;

import dev.descent.api.Precision;
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
record Measurement(Precision precision, String unavailable, String error, String device,
    double setupSeconds, List<Double> warmupSeconds, List<Double> seconds, double[] weights,
    double[] losses, boolean timedOut) {

  Measurement {
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

  /** A run that a forked JVM never finished: it died, or went silent and was killed. */
  static Measurement lost(Precision precision, String error, boolean timedOut) {
    return new Measurement(precision, "", error, "", Double.NaN, List.of(), List.of(),
        new double[0], new double[0], timedOut);
  }
}
