package dev.descent.app.race;

import com.google.common.base.Stopwatch;
import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.app.machine.Environment;
import dev.descent.app.plugin.Plugins;
import dev.descent.app.stats.Timings;
import dev.descent.app.stats.Units;
import dev.descent.reference.Convergence;
import dev.descent.reference.Deviation;
import dev.descent.reference.Tolerances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The race: for each solver — in a JVM of its own unless told otherwise — and each precision:
 * probe availability, prepare (timed as setup), warm up, time the repeats of {@code descend},
 * close; then judge the weights against the float64 reference trajectory. A solver that throws,
 * exits, crashes or hangs gets a row that says so and the race goes on.
 */
public final class Race {

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
    progress.update("the reference trajectories…");
    References oracle = launcher.references(problem, settings.precisions(), progress::update);
    Map<Precision, double[]> references = oracle.weights();
    double[] closedForm = oracle.closedForm();
    Convergence convergence = oracle.convergence();
    List<List<Measurement>> measured = inRounds(chosen, problem, settings);
    List<RaceEntry> entries = new ArrayList<>();
    for (int index = 0; index < chosen.size(); index++) {
      Solver solver = chosen.get(index);
      Launch launch = launcher.launchOf(solver);
      for (Measurement measurement : measured.get(index)) {
        entries.add(Verdicts.ofDivergence(convergence, problem, references,
            judge(solver, measurement, launch, problem, references, closedForm)));
      }
    }
    progress.done();
    List<String> failures = plugins.solvers().failures().stream().map(Object::toString).toList();
    return new RaceReport(Environment.current(), problem, settings, references, oracle.seconds(),
        closedForm, oracle.closedFormError(), entries, failures, convergence);
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
    Admission admission = Admission.now();
    List<Map<Precision, String>> refused = new ArrayList<>();
    for (Solver solver : chosen) {
      Map<Precision, String> reasons = new EnumMap<>(Precision.class);
      for (Precision precision : settings.precisions()) {
        admission.refusal(solver, problem, precision, settings.solverIds().contains(solver.id()))
            .ifPresent(why -> reasons.put(precision, why));
      }
      refused.add(reasons);
    }
    Countdown countdown = new Countdown(chosen.size() * rounds);
    for (int round = 1; round <= rounds; round++) {
      String which = rounds == 1 ? "" : "fork " + round + "/" + rounds + " ";
      for (int index = 0; index < chosen.size(); index++) {
        Solver solver = chosen.get(index);
        String prefix = countdown.next() + solver.id() + " " + which;
        launches.get(index).add(admitted(solver, problem, settings, refused.get(index),
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

  /** One launch of the precisions admitted, with a SKIPPED measurement for each refused one. */
  private List<Measurement> admitted(Solver solver, Problem problem, RaceSettings settings,
      Map<Precision, String> refused, Consumer<String> progress) {
    List<Precision> running = settings.precisions().stream()
        .filter(p -> !refused.containsKey(p)).toList();
    List<Measurement> ran = running.isEmpty() ? List.of()
        : launcher.run(solver, problem, settings.withPrecisions(running), progress);
    List<Measurement> all = new ArrayList<>();
    int next = 0;
    for (Precision precision : settings.precisions()) {
      all.add(refused.containsKey(precision) ? Measurement.skipped(precision, refused.get(precision))
          : ran.get(next++));
    }
    return all;
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

  /**
   * The verdict on one row. Every result the run produced is judged — each launch's, each traced
   * call's — against the reference trajectory of the row's own precision, with the tolerance
   * defined once in {@link Tolerances}; and every call of a launch must have given the same
   * weights bit for bit. The row's deviation is the largest found.
   */
  private RaceEntry judge(Solver solver, Measurement m, Launch launch, Problem problem,
      Map<Precision, double[]> references, double[] closedForm) {
    Status status;
    String message;
    double deviation = Double.NaN;
    double float64Deviation = Double.NaN;
    double closedFormDeviation = Double.NaN;
    if (!m.skipped().isEmpty()) {
      status = Status.SKIPPED;
      message = m.skipped();
    } else if (!m.unavailable().isEmpty()) {
      status = Status.UNAVAILABLE;
      message = m.unavailable();
    } else if (m.timedOut()) {
      status = Status.TIMEOUT;
      message = m.error();
    } else if (!m.error().isEmpty()) {
      status = Status.FAILED;
      message = m.error();
    } else {
      double[] reference = references.get(m.precision());
      double[] float64 = references.get(Precision.FLOAT64);
      deviation = 0;
      float64Deviation = 0;
      int worst = 0;
      for (int index = 0; index < m.judged().size(); index++) {
        double[] weights = m.judged().get(index);
        double own = Deviation.relative(weights, reference);
        if (!(own <= deviation)) {
          deviation = own;
          worst = index;
        }
        float64Deviation = Math.max(float64Deviation, Deviation.relative(weights, float64));
      }
      // In the data's own units, where the user reads both.
      closedFormDeviation = closedForm.length == 0 ? Double.NaN : Deviation.relative(
          problem.inDataUnits(m.weights()), problem.inDataUnits(closedForm));
      double tolerance = problem.tolerance(m.precision());
      if (!m.unrepeatable().isEmpty()) {
        status = Status.FAIL;
        message = "not repeatable: " + m.unrepeatable();
      } else if (deviation <= tolerance) {
        status = Status.OK;
        message = "";
      } else {
        status = Status.FAIL;
        message = String.format(Locale.ROOT, "wrong result: %s deviates %.3g from the %s "
                + "reference (tolerance %.3g)%s", Arrays.toString(m.judged().get(worst)),
            deviation, m.precision().shortName(), tolerance,
            m.judged().size() > 1 ? " in result " + (worst + 1) + " of " + m.judged().size() : "");
      }
    }
    return new RaceEntry(solver.id(), safeDescription(solver), plugins.origin(solver),
        m.precision(), status, m.device(), m.setupSeconds(), m.warmupSeconds(),
        new Timings(m.seconds()), m.weights(), m.losses(), deviation, float64Deviation,
        closedFormDeviation, launch, message, m.threads());
  }

  private static String safeDescription(Solver solver) {
    try {
      return String.valueOf(solver.description());
    } catch (RuntimeException e) {
      return "(description() threw " + e.getClass().getSimpleName() + ")";
    }
  }
}
