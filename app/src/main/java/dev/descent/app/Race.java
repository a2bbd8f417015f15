package dev.descent.app;

import com.google.common.base.Stopwatch;
import dev.descent.api.Availability;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Deviation;
import dev.descent.reference.LeastSquares;
import dev.descent.reference.ReferenceDescent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The race: for each solver and precision — probe availability, prepare (timed as setup), warm
 * up, time the repeats of {@code descend}, check the weights against the float64 reference
 * trajectory, close. A solver that throws gets an ERROR row and the race goes on.
 */
public final class Race {

  /**
   * The relative deviation from the reference a result may have and still be OK. Float64 solvers
   * differ from the reference only in the order of additions; float32 ones round the data too.
   */
  public static double tolerance(Precision precision) {
    return precision == Precision.FLOAT64 ? 1e-9 : 1e-3;
  }

  private final Solvers solvers;
  private final Progress progress;

  Race(Solvers solvers, Progress progress) {
    this.solvers = solvers;
    this.progress = progress;
  }

  /** The solvers a race with these settings runs, in order; unknown ids are an error. */
  List<Solver> selected(RaceSettings settings) {
    if (settings.solverIds().isEmpty()) {
      return solvers.all();
    }
    List<Solver> chosen = new ArrayList<>();
    for (String id : settings.solverIds()) {
      chosen.add(solvers.byId(id));
    }
    return chosen;
  }

  RaceReport run(Problem problem, RaceSettings settings) {
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
    List<RaceEntry> entries = new ArrayList<>();
    for (Solver solver : chosen) {
      for (Precision precision : settings.precisions()) {
        entries.add(raceOne(solver, precision, problem, settings, reference, closedForm));
      }
    }
    progress.done();
    List<String> failures = solvers.failures().stream().map(Object::toString).toList();
    return new RaceReport(Environment.current(), problem, settings, reference, referenceSeconds,
        closedForm, closedFormError, entries, failures);
  }

  private RaceEntry raceOne(Solver solver, Precision precision, Problem problem,
      RaceSettings settings, double[] reference, double[] closedForm) {
    String id = solver.id();
    String description = safeDescription(solver);
    String label = id + " " + precision.shortName();
    Availability availability = safeAvailability(solver);
    if (!availability.available()) {
      return RaceEntry.notRun(id, description, precision, Status.UNAVAILABLE,
          availability.toString().substring("unavailable: ".length()));
    }
    if (!solver.precisions().contains(precision)) {
      return RaceEntry.notRun(id, description, precision, Status.UNAVAILABLE,
          "does not support " + precision.shortName() + " (supports "
              + solver.precisions().stream().map(Precision::shortName).toList() + ")");
    }
    double setupSeconds = Double.NaN;
    String device = "";
    List<Double> seconds = new ArrayList<>();
    try {
      progress.update(label + ": prepare");
      Stopwatch setup = Stopwatch.createStarted();
      try (Workspace workspace = solver.prepare(problem.data(), precision)) {
        setupSeconds = setup.elapsed(TimeUnit.NANOSECONDS) / 1e9;
        device = workspace.device();
        for (int call = 0; call < settings.warmup(); call++) {
          progress.update(label + ": warm-up " + (call + 1) + "/" + settings.warmup());
          workspace.descend(problem.schedule());
        }
        Fit fit = null;
        for (int call = 0; call < settings.repeat(); call++) {
          progress.update(label + ": repeat " + (call + 1) + "/" + settings.repeat());
          Stopwatch solve = Stopwatch.createStarted();
          fit = workspace.descend(problem.schedule());
          seconds.add(solve.elapsed(TimeUnit.NANOSECONDS) / 1e9);
        }
        double[] weights = fit.weights();
        double deviation = Deviation.relative(weights, reference);
        double closedFormDeviation = closedForm.length == 0
            ? Double.NaN : Deviation.relative(weights, closedForm);
        boolean ok = deviation <= tolerance(precision);
        return new RaceEntry(id, description, precision, ok ? Status.OK : Status.FAIL, device,
            setupSeconds, new Timings(seconds), weights, deviation, closedFormDeviation,
            ok ? "" : "deviates " + String.format("%.3g", deviation)
                + " from the float64 reference (tolerance " + tolerance(precision) + ")");
      }
    } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
      return new RaceEntry(id, description, precision, Status.ERROR, device, setupSeconds,
          new Timings(seconds), new double[0], Double.NaN, Double.NaN,
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private static String safeDescription(Solver solver) {
    try {
      return String.valueOf(solver.description());
    } catch (RuntimeException e) {
      return "(description() threw " + e.getClass().getSimpleName() + ")";
    }
  }

  /** availability() must not throw; if one does anyway, that is its reason to be unavailable. */
  private static Availability safeAvailability(Solver solver) {
    try {
      return solver.availability();
    } catch (RuntimeException | LinkageError e) {
      return Availability.unavailable(e, "availability() threw; report this to the backend's authors");
    }
  }
}
