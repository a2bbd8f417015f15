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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blocked sums ({@link SampleSums}) pad the samples to whole blocks: the padding must add
 * nothing, in either precision, either side of where blocking starts.
 */
class SampleSumsPaddingTest {

  private static final List<String> IDS =
      List.of("tensorflow.steps", "tensorflow.loop", "tensorflow.xla");

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
