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
 * @param weights the final weights of the first call (every later call of the same schedule
 *     must give them bit for bit), or empty
 * @param losses the loss trace of the extra, untimed traced call, or empty
 * @param timedOut whether the run was killed for going silent past the timeout
 * @param unrepeatable which call first gave other weights than the first call, and both; empty
 *     when every call agreed
 * @param judged every result the race must check against the reference: each launch's weights
 *     and each traced call's weights, in order
 * @param skipped why the race did not run it (memory, time), or empty
 * @param threads how many cores its epochs ran on ({@link dev.descent.api.Workspace#threads()})
 */
public record Measurement(Precision precision, String unavailable, String error, String device,
    double setupSeconds, List<Double> warmupSeconds, List<Double> seconds, double[] weights,
    double[] losses, boolean timedOut, String unrepeatable, List<double[]> judged,
    String skipped, int threads) {

  public Measurement {
    warmupSeconds = List.copyOf(warmupSeconds);
    seconds = List.copyOf(seconds);
    unrepeatable = unrepeatable == null ? "" : unrepeatable;
    judged = judged == null ? List.of() : List.copyOf(judged);
    skipped = skipped == null ? "" : skipped;
  }

  static Measurement unavailable(Precision precision, String reason) {
    return new Measurement(precision, reason, "", "", Double.NaN, List.of(), List.of(),
        new double[0], new double[0], false, "", List.of(), "", 1);
  }

  static Measurement failed(Precision precision, String error, String device,
      double setupSeconds, List<Double> warmup, List<Double> seconds) {
    return new Measurement(precision, "", error, device, setupSeconds, warmup, seconds,
        new double[0], new double[0], false, "", List.of(), "", 1);
  }

  /**
   * Several launches of the same run as one: the first that could not run or failed stands for
   * all; otherwise every launch's warm-up and timed calls together, the median setup time, the
   * first launch's weights and every launch's results to judge (so a solver that cuts corners in
   * one launch only is caught), and the first launch's unrepeatable calls, if any. A launch that
   * lands on a different device is a failure, since its times would not belong together.
   */
  static Measurement pool(List<Measurement> launches) {
    Measurement first = launches.get(0);
    for (Measurement launch : launches) {
      if (!launch.unavailable().isEmpty() || !launch.error().isEmpty() || launch.timedOut()
          || !launch.skipped().isEmpty()) {
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
    List<double[]> judged = new ArrayList<>();
    String unrepeatable = "";
    for (int index = 0; index < launches.size(); index++) {
      Measurement launch = launches.get(index);
      warmup.addAll(launch.warmupSeconds());
      seconds.addAll(launch.seconds());
      setups.add(launch.setupSeconds());
      judged.addAll(launch.judged());
      if (unrepeatable.isEmpty() && !launch.unrepeatable().isEmpty()) {
        unrepeatable = "launch " + (index + 1) + ": " + launch.unrepeatable();
      }
    }
    return new Measurement(first.precision(), "", "", first.device(),
        Quantiles.median().compute(setups), warmup, seconds, first.weights(), first.losses(),
        false, unrepeatable, judged, "", first.threads());
  }

  /** A run the race decided not to make, and why. */
  public static Measurement skipped(Precision precision, String why) {
    return new Measurement(precision, "", "", "", Double.NaN, List.of(), List.of(),
        new double[0], new double[0], false, "", List.of(), why, 1);
  }

  /** A run that a forked JVM never finished: it died, or went silent and was killed. */
  public static Measurement lost(Precision precision, String error, boolean timedOut) {
    return new Measurement(precision, "", error, "", Double.NaN, List.of(), List.of(),
        new double[0], new double[0], timedOut, "", List.of(), "", 1);
  }
}
