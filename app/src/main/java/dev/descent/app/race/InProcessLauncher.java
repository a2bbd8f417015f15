package dev.descent.app.race;

import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs every solver in this JVM, one launch each ({@code --fork 0}, for debugging). */
public final class InProcessLauncher implements Launcher {

  @Override
  public List<Measurement> run(Solver solver, Problem problem, RaceSettings settings,
      Consumer<String> progress) {
    List<Measurement> measurements = new ArrayList<>();
    for (Precision precision : settings.precisions()) {
      measurements.add(SolverRun.measure(solver, precision, problem, settings,
          step -> progress.accept(precision.shortName() + ": " + step)));
    }
    return measurements;
  }

  @Override
  public Launch launchOf(Solver solver) {
    return Launch.NONE;
  }

  @Override
  public int launches(RaceSettings settings) {
    return 1;
  }
}
