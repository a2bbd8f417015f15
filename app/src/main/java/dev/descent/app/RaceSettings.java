package dev.descent.app;

import dev.descent.api.Precision;
import java.util.List;

/**
 * How to race.
 *
 * @param precisions the precisions to run each solver in, in order
 * @param repeat timed {@code descend} calls per solver and precision (≥ 1)
 * @param warmup untimed calls before them (≥ 0), to let the JIT and caches settle
 * @param solverIds the solvers to race, in order; empty means every one found
 */
public record RaceSettings(List<Precision> precisions, int repeat, int warmup,
    List<String> solverIds) {

  public RaceSettings {
    precisions = List.copyOf(precisions);
    solverIds = List.copyOf(solverIds);
    if (precisions.isEmpty()) {
      throw new IllegalArgumentException("--precision: give at least one of f64, f32");
    }
    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat = " + repeat + ": must be >= 1");
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup = " + warmup + ": must be >= 0");
    }
  }
}
