package dev.descent.app;

import java.util.List;

/**
 * Everything a race found: where it ran, what it solved, the oracle's answers and one entry per
 * solver and precision.
 *
 * @param environment the machine and JVM
 * @param problem the data and schedule
 * @param settings precisions, repeats, warm-up, solver selection
 * @param referenceWeights the float64 reference trajectory's final weights
 * @param referenceSeconds how long the reference took (not a benchmark: one cold run)
 * @param closedFormWeights the least-squares solution, empty when the system is singular
 * @param closedFormError why there is no closed form, or empty
 * @param entries one per solver and precision, in race order
 * @param loadFailures providers that could not be loaded, with their reasons
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
    List<String> loadFailures) {

  public RaceReport {
    entries = List.copyOf(entries);
    loadFailures = List.copyOf(loadFailures);
  }

  /** Whether any entry is a wrong result or an error: the race's exit code is then 1. */
  public boolean hasFailures() {
    return entries.stream().anyMatch(entry -> entry.status().isFailure());
  }

  /** The slowest best time among entries that ran, the base of the "relative" column. */
  public double slowestBest() {
    return entries.stream()
        .filter(entry -> !entry.timings().isEmpty())
        .mapToDouble(entry -> entry.timings().best())
        .max()
        .orElse(Double.NaN);
  }

  /** How many times faster than the slowest entry this one's best time is. */
  public double relativeSpeed(RaceEntry entry) {
    return entry.timings().isEmpty() ? Double.NaN : slowestBest() / entry.timings().best();
  }
}
