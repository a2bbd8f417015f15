package dev.descent.app.race;

import dev.descent.api.Precision;
import dev.descent.app.machine.MachineLimits;
import java.util.Optional;

/**
 * What a solver's best time means against the work of the problem: an epoch of batch gradient
 * descent reads every feature value and target once ({@code (p + 1)·N} values) and does
 * {@code 4p + 2} floating-point operations per sample (the prediction's p multiply-adds, the
 * error's subtraction, the gradient's p multiply-adds and the intercept's addition).
 *
 * <p>The figures are <em>effective</em>: they count the work the textbook algorithm does. A
 * solver that changes the algorithm (the Gram one never touches the samples after setup) shows
 * figures beyond the machine's limits, which is the point: it did not do that work.
 *
 * @param nanosPerElementEpoch best time / (N · epochs), in ns
 * @param gigabytesPerSecond effective bytes read per second, in GB/s
 * @param gigaflopsPerSecond effective floating-point operations per second, in GFLOP/s
 * @param percentOfLimit the roofline bound (the larger of the bandwidth time and the FMA time
 *     of one core; past the caches, the memory bandwidth of one core or, for a solver that runs
 *     on several, of all cores together) as a percentage of the best time; NaN when the machine
 *     was not measured
 */
public record Throughput(double nanosPerElementEpoch, double gigabytesPerSecond,
    double gigaflopsPerSecond, double percentOfLimit) {

  static Throughput of(Problem problem, RaceEntry entry, Optional<MachineLimits> limits) {
    double seconds = entry.timings().best();
    long samples = problem.shape().samples();
    int p = problem.shape().features();
    double elementEpochs = (double) samples * problem.schedule().epochs();
    if (Double.isNaN(seconds) || elementEpochs == 0) {
      return new Throughput(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    int bytes = entry.precision() == Precision.FLOAT64 ? 8 : 4;
    double bytesPerEpoch = (double) samples * (p + 1) * bytes;
    double bytesRead = bytesPerEpoch * problem.schedule().epochs();
    double flops = elementEpochs * (4.0 * p + 2);
    double percent = limits.map(limit -> {
      double bandwidth = limit.bandwidthFor((long) bytesPerEpoch, entry.threads());
      double peak = limit.flopsPeak(entry.precision());
      double bound = Math.max(bytesRead / bandwidth, flops / peak);
      return 100 * bound / seconds;
    }).orElse(Double.NaN);
    return new Throughput(seconds / elementEpochs * 1e9, bytesRead / seconds / 1e9,
        flops / seconds / 1e9, percent);
  }
}
