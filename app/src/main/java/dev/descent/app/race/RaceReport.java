package dev.descent.app.race;

import dev.descent.app.machine.Environment;
import dev.descent.app.machine.MachineLimits;
import java.util.List;
import java.util.Optional;

/**
 * Everything a race found: where it ran, what it solved, the oracle's answers and one entry per
 * solver and precision.
 *
 * @param environment the machine and JVM
 * @param problem the data and schedule
 * @param settings precisions, repeats, warm-up, solver selection, forking
 * @param referenceWeights the float64 reference trajectory's final weights
 * @param referenceSeconds how long the reference took (not a benchmark: one cold run)
 * @param closedFormWeights the least-squares solution, empty when the system is singular
 * @param closedFormError why there is no closed form, or empty
 * @param entries one per solver and precision, in race order
 * @param loadFailures providers that could not be loaded, with their reasons
 * @param limits this machine's measured limits, when {@code descent machine} has run
 */
public record RaceReport(
    Environment environment,
    Problem problem,
    RaceSettings settings,
    double[] referenceWeights,
    double referenceSeconds,
    double[] closedFormWeights,
    String closedFormError,
    List<RaceEntry> entries,
    List<String> loadFailures,
    Optional<MachineLimits> limits) {

  public RaceReport {
    entries = List.copyOf(entries);
    loadFailures = List.copyOf(loadFailures);
  }

  RaceReport(Environment environment, Problem problem, RaceSettings settings,
      double[] referenceWeights, double referenceSeconds, double[] closedFormWeights,
      String closedFormError, List<RaceEntry> entries, List<String> loadFailures) {
    this(environment, problem, settings, referenceWeights, referenceSeconds, closedFormWeights,
        closedFormError, entries, loadFailures, MachineLimits.cached(environment));
  }

  /** Whether any entry is a wrong result, a failure or a timeout: the exit code is then 1. */
  public boolean hasFailures() {
    return entries.stream().anyMatch(entry -> entry.status().isFailure());
  }

  /**
   * The entry relative speeds are taken against: the one named by {@code --baseline} (its first
   * precision that ran), else the slowest by mean time.
   */
  public Optional<RaceEntry> baseline() {
    List<RaceEntry> timed = entries.stream().filter(entry -> !entry.timings().isEmpty()).toList();
    if (!settings.baseline().isEmpty()) {
      return timed.stream().filter(entry -> entry.solver().equals(settings.baseline())).findFirst();
    }
    return timed.stream().max((a, b) -> Double.compare(a.timings().mean(), b.timings().mean()));
  }

  /**
   * How many times faster than the baseline this entry is, by mean time, and the error of that
   * ratio from both standard deviations (as hyperfine's "Relative" column): {@code [ratio,
   * error]}, NaN where unknown.
   */
  public double[] relativeSpeed(RaceEntry entry) {
    Optional<RaceEntry> base = baseline();
    if (base.isEmpty() || entry.timings().isEmpty()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double a = base.get().timings().mean();
    double b = entry.timings().mean();
    double ratio = a / b;
    double sa = base.get().timings().standardDeviation() / a;
    double sb = entry.timings().standardDeviation() / b;
    double error = entry == base.get() ? 0 : ratio * Math.sqrt(sa * sa + sb * sb);
    return new double[] {ratio, error};
  }

  /** Throughput figures of an entry's best time on this problem. */
  public Throughput throughput(RaceEntry entry) {
    return Throughput.of(problem, entry, limits);
  }
}
