package dev.descent.app.race;

import com.google.common.base.Stopwatch;
import dev.descent.api.Availability;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one solver in one precision: availability, prepare (timed as setup), warm-up, the timed
 * repeats, close. The same code runs in a forked JVM and in-process.
 */
public final class SolverRun {

  /** Auto warm-up stops once the last {@value} calls are within {@link #SETTLED} of each other. */
  static final int SETTLE_WINDOW = 3;
  /** Largest over smallest of the settle window: 5 %. */
  static final double SETTLED = 1.05;
  /** Auto warm-up gives up settling after this many calls... */
  static final int MAX_WARMUP_CALLS = 30;
  /** ...or after this much time. */
  static final double MAX_WARMUP_SECONDS = 20;

  private SolverRun() {}

  public static Measurement measure(Solver solver, Precision precision, Problem problem,
      RaceSettings settings, Consumer<String> progress) {
    Availability availability = availability(solver);
    if (!availability.available()) {
      return Measurement.unavailable(precision,
          availability.reason() + (availability.hint().isEmpty() ? "" : " (" + availability.hint() + ")"));
    }
    if (!solver.precisions().contains(precision)) {
      return Measurement.unavailable(precision, "does not support " + precision.shortName()
          + " (supports " + solver.precisions().stream().map(Precision::shortName).toList() + ")");
    }
    String device = "";
    double setupSeconds = Double.NaN;
    List<Double> warmup = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    try {
      progress.accept("prepare");
      Stopwatch setup = Stopwatch.createStarted();
      try (Workspace workspace = solver.prepare(problem.data(), precision)) {
        setupSeconds = elapsed(setup);
        device = workspace.device();
        warmUp(workspace, problem, settings.warmup(), warmup, progress);
        Fit fit = null;
        for (int call = 0; call < settings.repeat(); call++) {
          progress.accept("repeat " + (call + 1) + "/" + settings.repeat());
          Stopwatch solve = Stopwatch.createStarted();
          fit = workspace.descend(problem.schedule());
          seconds.add(elapsed(solve));
        }
        return new Measurement(precision, "", "", device, setupSeconds, warmup, seconds,
            fit.weights(), fit.losses(), false);
      }
    } catch (RuntimeException | LinkageError | OutOfMemoryError | StackOverflowError e) {
      return Measurement.failed(precision, describe(e), device, setupSeconds, warmup, seconds);
    }
  }

  /**
   * A fixed number of calls, or until the time per call settles: the last few calls within 5 %
   * of each other, as a JIT that has finished compiling and caches that are warm give.
   */
  private static void warmUp(Workspace workspace, Problem problem, int calls, List<Double> times,
      Consumer<String> progress) {
    boolean auto = calls == RaceSettings.AUTO_WARMUP;
    Stopwatch total = Stopwatch.createStarted();
    for (int call = 0; auto ? !settled(times, total) : call < calls; call++) {
      progress.accept("warm-up " + (call + 1) + (auto ? "" : "/" + calls));
      Stopwatch clock = Stopwatch.createStarted();
      workspace.descend(problem.schedule());
      times.add(elapsed(clock));
    }
  }

  public static boolean settled(List<Double> times, Stopwatch total) {
    if (times.size() >= MAX_WARMUP_CALLS || elapsed(total) >= MAX_WARMUP_SECONDS) {
      return true;
    }
    if (times.size() < SETTLE_WINDOW) {
      return false;
    }
    List<Double> window = times.subList(times.size() - SETTLE_WINDOW, times.size());
    double min = window.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = window.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return max <= min * SETTLED;
  }

  /** availability() must not throw; if one does anyway, that is its reason to be unavailable. */
  public static Availability availability(Solver solver) {
    try {
      return solver.availability();
    } catch (RuntimeException | LinkageError e) {
      return Availability.unavailable(e, "availability() threw; report this to the backend's authors");
    }
  }

  public static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static double elapsed(Stopwatch clock) {
    return clock.elapsed(TimeUnit.NANOSECONDS) / 1e9;
  }
}
