package dev.descent.app.race;

import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the race runs a solver: in a JVM of its own ({@code fork.ForkedRunner}) or in this one
 * ({@link InProcessLauncher}). The race only asks for measurements; it never knows how a JVM is
 * started.
 */
public interface Launcher {

  /**
   * One launch of the solver: a measurement per precision of the settings, in their order. Never
   * throws for what the solver does; a solver that fails or hangs gets measurements that say so.
   */
  List<Measurement> run(Solver solver, Problem problem, RaceSettings settings,
      Consumer<String> progress);

  /** What the solver's runs really got on their command line and in their environment. */
  Launch launchOf(Solver solver);

  /** How many launches of each solver the race pools, in rounds over the solvers. */
  int launches(RaceSettings settings);

  /**
   * The reference answers for the problem in these precisions, from the cache or computed: here
   * by default; a launcher that forks computes large problems in a JVM of their own, so the
   * race's JVM never holds their data.
   */
  default References references(Problem problem, List<Precision> precisions,
      Consumer<String> progress) {
    return ReferenceCache.standard().get(problem, precisions,
        () -> References.compute(problem.data(), problem.schedule(), precisions));
  }
}
