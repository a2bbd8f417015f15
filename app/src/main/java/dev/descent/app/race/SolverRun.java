package dev.descent.app.race;

import com.google.common.base.Stopwatch;
import dev.descent.api.Availability;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
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
  /** Auto warm-up gives up settling after this many calls, or after the time budget. */
  static final int MAX_WARMUP_CALLS = 30;

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
    int threads = 1;
    double setupSeconds = Double.NaN;
    List<Double> warmup = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    Schedule timed = problem.schedule().tracedEvery(0);
    try {
      progress.accept("prepare");
      Stopwatch setup = Stopwatch.createStarted();
      try (Workspace workspace = solver.prepare(problem.data(), precision)) {
        setupSeconds = elapsed(setup);
        device = workspace.device();
        threads = Math.max(1, workspace.threads());
        Calls calls = new Calls(workspace, timed);
        double budget = settings.timeBudgetSeconds();
        double spent = 0;
        if (settings.warmup() == RaceSettings.AUTO_WARMUP
            && longerThanBudget(solver, problem, precision, budget)) {
          // No room for a warm-up: call 1 is timed, unless it turns out shorter than the budget.
          progress.accept("repeat 1/" + settings.repeat() + " (no warm-up: a long call)");
          spent = calls.timed();
          (spent >= budget ? seconds : warmup).add(spent);
        }
        if (seconds.isEmpty()) {
          warmUp(calls, settings.warmup(), budget - spent, warmup, progress);
          spent = 0;
        }
        int fewest = Math.min(RaceSettings.MIN_TIMED_CALLS, settings.repeat());
        while (seconds.size() < settings.repeat() && (seconds.size() < fewest || spent < budget)) {
          progress.accept("repeat " + (seconds.size() + 1) + "/" + settings.repeat());
          double elapsed = calls.timed();
          seconds.add(elapsed);
          spent += elapsed;
        }
        List<double[]> judged = new ArrayList<>();
        judged.add(calls.first);
        double[] losses = new double[0];
        if (problem.schedule().traceInterval() > 0) {
          // The loss curve costs extra work (and, in some backends, another program): it comes
          // from one more call, untimed, whose weights are judged like the others'.
          progress.accept("trace");
          Fit traced = workspace.descend(problem.schedule());
          judged.add(traced.weights());
          losses = traced.losses();
        }
        return new Measurement(precision, "", "", device, setupSeconds, warmup, seconds,
            calls.first, losses, false, calls.unrepeatable, judged, "", threads);
      }
    } catch (RuntimeException | LinkageError | OutOfMemoryError | StackOverflowError e) {
      return Measurement.failed(precision, describe(e), device, setupSeconds, warmup, seconds);
    }
  }

  /**
   * Every call of one schedule, timed, and its weights compared with the first call's bit for
   * bit: a solver that does less work on some calls than on others (or remembers an answer) is
   * caught whichever call the race would have kept.
   */
  private static final class Calls {
    private final Workspace workspace;
    private final Schedule schedule;
    private int count;
    double[] first;
    String unrepeatable = "";

    Calls(Workspace workspace, Schedule schedule) {
      this.workspace = workspace;
      this.schedule = schedule;
    }

    /** One call; its duration in seconds. */
    double timed() {
      Stopwatch clock = Stopwatch.createStarted();
      Fit fit = workspace.descend(schedule);
      double elapsed = elapsed(clock);
      double[] weights = fit.weights();
      count++;
      if (first == null) {
        first = weights;
      } else if (unrepeatable.isEmpty() && !Arrays.equals(first, weights)) {
        unrepeatable = "call " + count + " gave " + Arrays.toString(weights) + " but call 1 gave "
            + Arrays.toString(first);
      }
      return elapsed;
    }
  }

  /**
   * Whether auto warm-up has no room for even one call: the solver's own estimate of one call
   * ({@link Solver#estimatedSeconds}) is at least the time budget. Auto warm-up would then make
   * exactly one untimed call (it stops once the budget is spent, as JMH's time-based warm-up
   * does after one call longer than its iteration time), and what a warm-up warms — a JIT's
   * compilation, cold caches, an interpreter's first allocations: milliseconds — is a negligible
   * share of a call that long. So call 1 is timed, and judged like every other; if it takes less
   * than the budget after all (a wrong estimate), it becomes a warm-up call and auto warm-up goes
   * on as usual.
   */
  static boolean longerThanBudget(Solver solver, Problem problem, Precision precision,
      double budgetSeconds) {
    return Admission.estimate(solver, problem.shape(), problem.schedule().epochs(), precision)
        .orElse(0) >= budgetSeconds;
  }

  /**
   * A fixed number of calls, or until the time per call settles: the last few calls within 5 %
   * of each other, as a JIT that has finished compiling and caches that are warm give.
   */
  private static void warmUp(Calls workspace, int calls, double budgetSeconds, List<Double> times,
      Consumer<String> progress) {
    boolean auto = calls == RaceSettings.AUTO_WARMUP;
    Stopwatch total = Stopwatch.createStarted();
    for (int call = 0; auto ? !settled(times, total, budgetSeconds) : call < calls; call++) {
      progress.accept("warm-up " + (times.size() + 1) + (auto ? "" : "/" + calls));
      times.add(workspace.timed());
    }
  }

  static boolean settled(List<Double> times, Stopwatch total, double budgetSeconds) {
    if (times.size() >= MAX_WARMUP_CALLS || elapsed(total) >= budgetSeconds) {
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
