package dev.descent.app.race;

import com.google.common.base.Stopwatch;
import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.app.machine.Environment;
import dev.descent.app.plugin.Plugins;
import dev.descent.app.stats.Timings;
import dev.descent.app.stats.Units;
import dev.descent.reference.Deviation;
import dev.descent.reference.LeastSquares;
import dev.descent.reference.ReferenceDescent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The race: for each solver — in a JVM of its own unless told otherwise — and each precision:
 * probe availability, prepare (timed as setup), warm up, time the repeats of {@code descend},
 * close; then judge the weights against the float64 reference trajectory. A solver that throws,
 * exits, crashes or hangs gets a row that says so and the race goes on.
 */
public final class Race {

  /**
   * The relative deviation from the reference a result may have and still be OK. Float64 solvers
   * differ from the reference only in the order of additions; float32 ones round the data too.
   */
  public static double tolerance(Precision precision) {
    return precision == Precision.FLOAT64 ? 1e-9 : 1e-3;
  }

  private final Plugins plugins;
  private final Progress progress;
  private final Launcher launcher;

  /**
   * @param launcher runs a solver in a JVM of its own or in this one
   */
  public Race(Plugins plugins, Progress progress, Launcher launcher) {
    this.plugins = plugins;
    this.progress = progress;
    this.launcher = launcher;
  }

  /**
   * The solvers a race with these settings runs, in order. An unknown id, or a baseline that is
   * unknown or not among the named solvers, is an error before anything runs.
   */
  public List<Solver> selected(RaceSettings settings) {
    String baseline = settings.baseline();
    if (settings.solverIds().isEmpty()) {
      if (!baseline.isEmpty()) {
        plugins.solvers().byId(baseline);
      }
      return plugins.solvers().all();
    }
    List<Solver> chosen = new ArrayList<>();
    for (String id : settings.solverIds()) {
      chosen.add(plugins.solvers().byId(id));
    }
    if (!baseline.isEmpty() && !settings.solverIds().contains(baseline)) {
      throw new IllegalArgumentException("--baseline '" + baseline
          + "' is not among the raced solvers " + settings.solverIds());
    }
    return chosen;
  }

  public RaceReport run(Problem problem, RaceSettings settings) {
    List<Solver> chosen = selected(settings);
    progress.update("computing the float64 reference trajectory…");
    Stopwatch referenceClock = Stopwatch.createStarted();
    double[] reference = ReferenceDescent.descend(problem.data(), problem.schedule()).weights();
    double referenceSeconds = referenceClock.elapsed(TimeUnit.NANOSECONDS) / 1e9;
    double[] closedForm = new double[0];
    String closedFormError = "";
    try {
      closedForm = LeastSquares.solve(problem.data());
    } catch (IllegalArgumentException e) {
      closedFormError = e.getMessage();
    }
    List<List<Measurement>> measured = inRounds(chosen, problem, settings);
    List<RaceEntry> entries = new ArrayList<>();
    for (int index = 0; index < chosen.size(); index++) {
      Solver solver = chosen.get(index);
      Launch launch = launcher.launchOf(solver);
      for (Measurement measurement : measured.get(index)) {
        entries.add(judge(solver, measurement, launch, reference, closedForm));
      }
    }
    progress.done();
    List<String> failures = plugins.solvers().failures().stream().map(Object::toString).toList();
    return new RaceReport(Environment.current(), problem, settings, reference, referenceSeconds,
        closedForm, closedFormError, entries, failures);
  }

  /**
   * Every solver launched launcher.launches() times, the measurements pooled per solver and
   * precision. The forks go in rounds — one JVM per solver in race order, then the next round —
   * rather than one solver's forks back to back, so that a slow spell of a shared machine falls
   * on several solvers' samples instead of biasing one solver against the others.
   */
  private List<List<Measurement>> inRounds(List<Solver> chosen, Problem problem,
      RaceSettings settings) {
    int rounds = launcher.launches(settings);
    List<List<List<Measurement>>> launches = new ArrayList<>();
    chosen.forEach(solver -> launches.add(new ArrayList<>()));
    Countdown countdown = new Countdown(chosen.size() * rounds);
    for (int round = 1; round <= rounds; round++) {
      String which = rounds == 1 ? "" : "fork " + round + "/" + rounds + " ";
      for (int index = 0; index < chosen.size(); index++) {
        Solver solver = chosen.get(index);
        String prefix = countdown.next() + solver.id() + " " + which;
        launches.get(index).add(launcher.run(solver, problem, settings,
            step -> progress.update(prefix + step)));
      }
    }
    List<List<Measurement>> pooled = new ArrayList<>();
    for (List<List<Measurement>> ofSolver : launches) {
      List<Measurement> perPrecision = new ArrayList<>();
      for (int index = 0; index < settings.precisions().size(); index++) {
        final int precision = index;
        perPrecision.add(Measurement.pool(ofSolver.stream().map(m -> m.get(precision)).toList()));
      }
      pooled.add(perPrecision);
    }
    return pooled;
  }

  /** The "[k/n, about 1m 10s left] " before each progress line, the estimate from the runs done. */
  private static final class Countdown {
    private final int total;
    private final Stopwatch clock = Stopwatch.createStarted();
    private int started;

    Countdown(int total) {
      this.total = total;
    }

    String next() {
      int done = started++;
      String eta = done == 0 ? "" : ", about " + Units.seconds(
          clock.elapsed(TimeUnit.NANOSECONDS) / 1e9 / done * (total - done)) + " left";
      return "[" + started + "/" + total + eta + "] ";
    }
  }

  private RaceEntry judge(Solver solver, Measurement m, Launch launch, double[] reference,
      double[] closedForm) {
    Status status;
    String message;
    double deviation = Double.NaN;
    double closedFormDeviation = Double.NaN;
    if (!m.unavailable().isEmpty()) {
      status = Status.UNAVAILABLE;
      message = m.unavailable();
    } else if (m.timedOut()) {
      status = Status.TIMEOUT;
      message = m.error();
    } else if (!m.error().isEmpty()) {
      status = Status.FAILED;
      message = m.error();
    } else {
      deviation = Deviation.relative(m.weights(), reference);
      closedFormDeviation = closedForm.length == 0
          ? Double.NaN : Deviation.relative(m.weights(), closedForm);
      boolean ok = deviation <= tolerance(m.precision());
      status = ok ? Status.OK : Status.FAIL;
      message = ok ? "" : String.format("wrong result: deviates %.3g from the float64 reference "
          + "(tolerance %s)", deviation, tolerance(m.precision()));
    }
    return new RaceEntry(solver.id(), safeDescription(solver), plugins.origin(solver),
        m.precision(), status, m.device(), m.setupSeconds(), m.warmupSeconds(),
        new Timings(m.seconds()), m.weights(), m.losses(), deviation, closedFormDeviation, launch,
        message);
  }

  private static String safeDescription(Solver solver) {
    try {
      return String.valueOf(solver.description());
    } catch (RuntimeException e) {
      return "(description() threw " + e.getClass().getSimpleName() + ")";
    }
  }
}
