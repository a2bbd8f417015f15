package dev.descent.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import dev.descent.reference.Tolerances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * float32 stays within the float32 tolerance of the float32 reference at every N, because the
 * sums over the samples are blocked ({@link SampleSums}); one running float32 sum was 213 units of
 * rounding off at N = 1e7. N = 1e6 and 1e7 always; N = 1e8 only with
 * {@code -Ddescent.largeTests=true} (about 2.5 GB of native memory per solver and 2.5 GB of heap
 * for the reference; 47 s for the whole class on two cores).
 */
class Float32AtScaleTest {

  /** The switch that adds N = 1e8. */
  static final String LARGE_TESTS = "descent.largeTests";

  private static final List<String> IDS =
      List.of("tensorflow.steps", "tensorflow.loop", "tensorflow.xla");

  /** mu = 0.1 moves the article's weights by about 0.5 per epoch: every sum counts. */
  private static final Schedule FEW_EPOCHS = Schedule.of(0.1, 3);

  private static final Map<Integer, double[]> REFERENCES = new HashMap<>();

  static Stream<Arguments> solversAndSizes() {
    List<Integer> sizes = new ArrayList<>(List.of(1_000_000, 10_000_000));
    if (Boolean.getBoolean(LARGE_TESTS)) {
      sizes.add(100_000_000);
    }
    List<Arguments> arguments = new ArrayList<>();
    for (int n : sizes) {
      for (String id : IDS) {
        arguments.add(Arguments.of(id, n));
      }
    }
    return arguments.stream();
  }

  private static synchronized double[] reference(int n) {
    return REFERENCES.computeIfAbsent(n, size -> ReferenceDescent.descend(
        Datasets.articleStream(size, 444, 0.1), FEW_EPOCHS, Precision.FLOAT32).weights());
  }

  @ParameterizedTest(name = "{0} N={1}")
  @MethodSource("solversAndSizes")
  void float32WeightsStayWithinTheFloat32ToleranceOfTheFloat32Reference(String id, int n) {
    Solver solver = Solvers.load().byId(id);
    RequireTensorflow.assumeAvailable(solver);
    double[] expected = reference(n);
    double[] actual;
    try (Workspace workspace =
        solver.prepare(Datasets.articleStream(n, 444, 0.1), Precision.FLOAT32)) {
      assertTrue(workspace.device().contains("blocks of " + SampleSums.BLOCK),
          workspace.device());
      actual = workspace.descend(FEW_EPOCHS).weights();
    }
    double tolerance = Tolerances.relative(Precision.FLOAT32, n, 2);
    double deviation = Deviation.relative(actual, expected);
    System.out.printf("%s f32 N=%d: deviation %.3g (tolerance %.3g)%n", id, n, deviation,
        tolerance);
    assertTrue(deviation <= tolerance, id + " N=" + n + ": deviation " + deviation + " > "
        + tolerance + "\n  expected " + Arrays.toString(expected)
        + "\n  actual   " + Arrays.toString(actual));
  }

  static Stream<Arguments> solversPrecisionsAndEdges() {
    List<Arguments> arguments = new ArrayList<>();
    for (String id : IDS) {
      for (Precision precision : Precision.values()) {
        for (int n : new int[] {SampleSums.BLOCKED_FROM - 1, SampleSums.BLOCKED_FROM + 1}) {
          arguments.add(Arguments.of(id, precision, n));
        }
      }
    }
    return arguments.stream();
  }

  /**
   * Either side of where blocking starts, p = 2, from nonzero weights, with a loss trace: the
   * padding samples must add nothing to the gradient nor to the loss, and the loss is the mean
   * over N, not over the padded count.
   */
  @ParameterizedTest(name = "{0} {1} N={2}")
  @MethodSource("solversPrecisionsAndEdges")
  void paddingToWholeBlocksChangesNeitherWeightsNorLosses(String id, Precision precision,
      int n) {
    Solver solver = Solvers.load().byId(id);
    RequireTensorflow.assumeAvailable(solver);
    Dataset data = Datasets.synthetic(n, 2, 11, 0.3, null);
    Schedule schedule = Schedule.of(0.05, 6).withInitialWeights(0.5, -1, 2).tracedEvery(2);
    Fit expected = ReferenceDescent.descend(data, schedule, precision);
    Fit actual;
    try (Workspace workspace = solver.prepare(data, precision)) {
      actual = workspace.descend(schedule);
    }
    double tolerance = Tolerances.relative(precision, n, 3);
    double deviation = Deviation.relative(actual.weights(), expected.weights());
    assertTrue(deviation <= tolerance, "weights: deviation " + deviation + " > " + tolerance
        + "\n  expected " + Arrays.toString(expected.weights())
        + "\n  actual   " + Arrays.toString(actual.weights()));
    double[] losses = actual.losses();
    double[] expectedLosses = expected.losses();
    assertEquals(expectedLosses.length, losses.length);
    assertTrue(Deviation.relative(losses, expectedLosses) <= 1e-5,
        "losses " + Arrays.toString(losses) + " vs " + Arrays.toString(expectedLosses));
  }
}
