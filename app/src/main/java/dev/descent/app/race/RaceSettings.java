package dev.descent.app.race;

import dev.descent.api.Precision;
import java.util.List;

/**
 * How to race.
 *
 * @param precisions the precisions to run each solver in, in order
 * @param repeat timed {@code descend} calls per solver and precision (≥ 1)
 * @param warmup untimed calls before them (≥ 0), or {@link #AUTO_WARMUP} to warm up until the
 *     time per call settles
 * @param solverIds the solvers to race, in order; empty means every one found
 * @param forks how many JVMs of its own each solver runs in, in rounds over the solvers, their
 *     samples pooled (JMH's forks: each launch places arrays and compiles code its own way); 0
 *     runs every solver in this JVM
 * @param timeoutSeconds how long a forked solver may go without delivering a result
 * @param baseline the solver id the relative speeds are taken against; empty means the slowest
 * @param timeBudgetSeconds JMH's measurement time: the timed calls stop after {@code repeat}
 *     calls or once they have taken this long, whichever comes first, but never before
 *     {@link #MIN_TIMED_CALLS} calls (or {@code repeat}, if fewer); auto warm-up stops after as
 *     long. A solver whose calls take seconds (pure Python) then costs the race tens of seconds,
 *     not minutes.
 */
public record RaceSettings(List<Precision> precisions, int repeat, int warmup,
    List<String> solverIds, int forks, double timeoutSeconds, String baseline,
    double timeBudgetSeconds) {

  /** Warm up until the time per call settles. */
  public static final int AUTO_WARMUP = -1;

  /** The fewest timed calls the time budget leaves, for a median and an interval to mean much. */
  public static final int MIN_TIMED_CALLS = 3;

  /** The default {@code --time-budget}, in seconds. */
  public static final double DEFAULT_TIME_BUDGET = 10;

  public RaceSettings {
    precisions = List.copyOf(precisions);
    solverIds = List.copyOf(solverIds);
    if (precisions.isEmpty()) {
      throw new IllegalArgumentException("--precision: give at least one of f64, f32");
    }
    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat = " + repeat + ": must be >= 1");
    }
    if (warmup < AUTO_WARMUP) {
      throw new IllegalArgumentException("--warmup = " + warmup + ": must be >= 0 or auto");
    }
    if (forks < 0) {
      throw new IllegalArgumentException("--fork = " + forks + ": must be >= 0 (0 runs in-process)");
    }
    if (!(timeoutSeconds > 0)) {
      throw new IllegalArgumentException("--timeout = " + timeoutSeconds + ": must be > 0");
    }
    baseline = baseline == null ? "" : baseline;
    if (!(timeBudgetSeconds > 0)) {
      throw new IllegalArgumentException("--time-budget = " + timeBudgetSeconds
          + ": must be > 0 seconds");
    }
  }

  /** In-process, fixed warm-up: what tests and quick checks use. */
  public static RaceSettings inProcess(List<Precision> precisions, int repeat, int warmup,
      List<String> solverIds) {
    return new RaceSettings(precisions, repeat, warmup, solverIds, 0, 120, "",
        DEFAULT_TIME_BUDGET);
  }

  /** The same settings for fewer precisions. */
  public RaceSettings withPrecisions(List<Precision> fewer) {
    return new RaceSettings(fewer, repeat, warmup, solverIds, forks, timeoutSeconds, baseline,
        timeBudgetSeconds);
  }

  /** The same settings with another time budget. */
  public RaceSettings withTimeBudget(double seconds) {
    return new RaceSettings(precisions, repeat, warmup, solverIds, forks, timeoutSeconds,
        baseline, seconds);
  }

  /** Whether solvers run in JVMs of their own. */
  public boolean fork() {
    return forks > 0;
  }
}
