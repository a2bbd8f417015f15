package dev.descent.app.race;

import dev.descent.api.Precision;
import dev.descent.app.machine.Environment;
import dev.descent.app.machine.MachineLimits;
import dev.descent.reference.Convergence;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a race found: where it ran, what it solved, the oracle's answers and one entry per
 * solver and precision.
 *
 * @param environment the machine and JVM
 * @param problem the data and schedule
 * @param settings precisions, repeats, warm-up, solver selection, forking
 * @param references the final weights of the reference trajectory in each precision raced
 *     (float64 always; float32 when f32 is raced)
 * @param referenceSeconds how long the references took (not a benchmark: one cold run)
 * @param closedFormWeights the least-squares solution, empty when the system is singular
 * @param closedFormError why there is no closed form, or empty
 * @param entries one per solver and precision, in race order
 * @param loadFailures providers that could not be loaded, with their reasons
 * @param limits this machine's measured limits, when {@code descent machine} has run
 * @param convergence how the float64 reference went: diverged, or how far towards the closed form
 */
public record RaceReport(
    Environment environment,
    Problem problem,
    RaceSettings settings,
    Map<Precision, double[]> references,
    double referenceSeconds,
    double[] closedFormWeights,
    String closedFormError,
    List<RaceEntry> entries,
    List<String> loadFailures,
    Optional<MachineLimits> limits,
    Convergence convergence) {

  public RaceReport {
    references = Map.copyOf(references);
    entries = List.copyOf(entries);
    loadFailures = List.copyOf(loadFailures);
  }

  RaceReport(Environment environment, Problem problem, RaceSettings settings,
      Map<Precision, double[]> references, double referenceSeconds, double[] closedFormWeights,
      String closedFormError, List<RaceEntry> entries, List<String> loadFailures,
      Convergence convergence) {
    this(environment, problem, settings, references, referenceSeconds, closedFormWeights,
        closedFormError, entries, loadFailures, MachineLimits.cached(environment), convergence);
  }

  /** The float64 reference trajectory's final weights. */
  public double[] referenceWeights() {
    return references.get(Precision.FLOAT64);
  }

  /** The allowed relative deviation of a row in this precision from its own reference. */
  public double tolerance(Precision precision) {
    return problem.tolerance(precision);
  }

  /**
   * Whether every row was skipped for want of memory: the problem is too large for this machine
   * (a usage error, exit 2), not a solver's fault.
   */
  public boolean nothingFits() {
    return !entries.isEmpty() && entries.stream().allMatch(entry ->
        entry.status() == Status.SKIPPED && entry.message().startsWith("needs "));
  }

  /** Whether the descent diverges at this step size (exit code 4 when nothing failed). */
  public boolean diverged() {
    return convergence.diverged();
  }

  /** Whether any entry is a wrong result, a failure or a timeout: the exit code is then 1. */
  public boolean hasFailures() {
    return entries.stream().anyMatch(entry -> entry.status().isFailure());
  }

  /**
   * The entry relative speeds are taken against: the one named by {@code --baseline} (its first
   * precision that ran), else the slowest by mean time of those that made all --repeat calls
   * (the slowest of all when none did).
   */
  public Optional<RaceEntry> baseline() {
    List<RaceEntry> timed = entries.stream().filter(entry -> !entry.timings().isEmpty()).toList();
    if (!settings.baseline().isEmpty()) {
      return timed.stream().filter(entry -> entry.solver().equals(settings.baseline())).findFirst();
    }
    // A row the time budget cut to three calls has a wide interval that would widen every
    // ratio's: the slowest row with all its calls is the better yardstick, when there is one.
    List<RaceEntry> complete = timed.stream()
        .filter(entry -> entry.timings().seconds().size() >= settings.repeat()).toList();
    return (complete.isEmpty() ? timed : complete).stream()
        .max((a, b) -> Double.compare(a.timings().mean(), b.timings().mean()));
  }

  /**
   * How many times faster than the baseline this entry is, by mean time, and the half-width of
   * that ratio's 99.9 % confidence interval, {@code [ratio, error]} (NaN where unknown). With
   * {@code r = mean_base / mean_entry} and {@code h} the half-widths of the two means' 99.9 %
   * intervals (the "mean ± 99.9%" column), the error is propagated to first order:
   * {@code r · sqrt((h_base / mean_base)² + (h_entry / mean_entry)²)}; 0 for the baseline itself.
   */
  public double[] relativeSpeed(RaceEntry entry) {
    Optional<RaceEntry> base = baseline();
    if (base.isEmpty() || entry.timings().isEmpty()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double a = base.get().timings().mean();
    double b = entry.timings().mean();
    double ratio = a / b;
    double sa = base.get().timings().confidence999() / a;
    double sb = entry.timings().confidence999() / b;
    double error = entry == base.get() ? 0 : ratio * Math.sqrt(sa * sa + sb * sb);
    return new double[] {ratio, error};
  }

  /** Throughput figures of an entry's best time on this problem. */
  public Throughput throughput(RaceEntry entry) {
    return Throughput.of(problem, entry, limits);
  }
}
