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
 */
public record RaceSettings(List<Precision> precisions, int repeat, int warmup,
    List<String> solverIds, int forks, double timeoutSeconds, String baseline) {

  /** Warm up until the time per call settles. */
  public static final int AUTO_WARMUP = -1;

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
  }

  /** In-process, fixed warm-up: what tests and quick checks use. */
  public static RaceSettings inProcess(List<Precision> precisions, int repeat, int warmup,
      List<String> solverIds) {
    return new RaceSettings(precisions, repeat, warmup, solverIds, 0, 120, "");
  }

  /** Whether solvers run in JVMs of their own. */
  public boolean fork() {
    return forks > 0;
  }
}
