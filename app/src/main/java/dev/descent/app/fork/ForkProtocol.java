package dev.descent.app.fork;

import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.app.json.Json;
import dev.descent.app.race.DataRecipe;
import dev.descent.app.race.Measurement;
import dev.descent.app.race.Problem;
import dev.descent.app.race.RaceSettings;
import dev.descent.app.race.References;
import java.util.List;
import java.util.Map;

/**
 * What the race and a forked solver JVM say to each other: the job as one JSON line on the
 * fork's standard input, and messages back as JSON lines on its standard output, each after a
 * marker so that anything a native library prints there is told apart.
 */
final class ForkProtocol {

  /** Starts every protocol line on the fork's standard output. */
  static final String MARKER = "@@descent ";

  private ForkProtocol() {}

  /**
   * One forked JVM's work: one solver in each of the precisions.
   *
   * @param solverId the solver to run
   * @param precisions the precisions, in order
   * @param repeat timed calls per precision
   * @param warmup untimed calls, or {@link RaceSettings#AUTO_WARMUP}
   * @param recipe how to rebuild the data
   * @param learningRate mu
   * @param epochs epochs per call
   * @param traceInterval the loss trace interval, 0 for none
   * @param pluginFolders the plug-in folders the parent searched
   * @param properties system properties to set before loading solvers
   * @param timeBudgetSeconds the race's time budget per solver and precision
   * @param probes for a probe instead of a run: the solvers whose availability to report, in
   *     order, one message each; empty for a run
   * @param references for the reference answers instead of a run: computed for the recipe,
   *     schedule and precisions, sent as one message
   * @param plugin the one plug-in the solver comes from, loaded alone; null to load every
   *     plug-in of {@code pluginFolders} (a class-path solver, a probe, the references)
   */
  record Job(String solverId, List<Precision> precisions, int repeat, int warmup,
      DataRecipe recipe, double learningRate, int epochs, int traceInterval,
      List<String> pluginFolders, Map<String, String> properties, double timeBudgetSeconds,
      List<String> probes, boolean references, String plugin) {

    /** A probe of solvers that share one launch, in one JVM. */
    static Job probe(List<String> solverIds, List<String> pluginFolders,
        Map<String, String> properties) {
      return new Job(solverIds.get(0), List.of(), 0, 0, DataRecipe.generated(1, 1, 0, 0), 0.1, 0,
          0, pluginFolders, properties, RaceSettings.DEFAULT_TIME_BUDGET, List.copyOf(solverIds),
          false, null);
    }

    /** The reference answers for a problem, in a JVM that holds its data. */
    static Job references(Problem problem, List<Precision> precisions) {
      return new Job("", precisions, 0, 0, problem.recipe(), problem.schedule().learningRate(),
          problem.schedule().epochs(), 0, List.of(), Map.of(), RaceSettings.DEFAULT_TIME_BUDGET,
          List.of(), true, null);
    }

    Schedule schedule() {
      return new Schedule(learningRate, epochs, null, traceInterval);
    }
  }

  /**
   * One message from the fork.
   *
   * @param type "progress", "result", "availability", "references" or "error"
   * @param text the progress line or error, else empty
   * @param measurement the result, for type "result"
   * @param precisions the solver's precisions as its own JVM sees them, for "availability"
   * @param references the reference answers, for "references"
   */
  record Message(String type, String text, Measurement measurement, List<Precision> precisions,
      References references) {
    static Message progress(String text) {
      return new Message("progress", text, null, null, null);
    }

    static Message result(Measurement measurement) {
      return new Message("result", "", measurement, null, null);
    }

    static Message availability(String text, List<Precision> precisions) {
      return new Message("availability", text, null, precisions, null);
    }

    static Message references(References references) {
      return new Message("references", "", null, null, references);
    }

    static Message error(String text) {
      return new Message("error", text, null, null, null);
    }
  }

  static String encode(Object value) {
    return Json.encode(value);
  }

  static <T> T decode(String json, Class<T> type) {
    return Json.decode(json, type);
  }
}
