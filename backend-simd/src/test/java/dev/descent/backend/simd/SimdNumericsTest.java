package dev.descent.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sample counts around every boundary the kernels have — one vector, one unrolled step, the
 * blocks of the wide kernel, the chunks of a backward epoch, the slices of the team — and
 * float32 results that do not change from call to call.
 */
class SimdNumericsTest {

  /** simd, simd.parallel as shipped, and simd.parallel forced to split even tiny problems. */
  static List<Solver> solvers() {
    return List.of(new SimdSolver(), new SimdParallelSolver(), new SimdParallelSolver(0));
  }

  static Stream<Arguments> tails() {
    int lanes = Lanes.F32.length();
    int step = F32Kernel.STEP;
    int[] counts = {1, 2, lanes - 1, lanes + 1, step - 1, step + 1, 2 * step + lanes + 3,
        Scratch.of(4, Lanes.F64.length(), F64Kernel.STEP, 8).block() + 5, 10_007,
        2 * F32Kernel.CHUNK + F64Kernel.CHUNK + lanes + 3};
    List<Arguments> arguments = new ArrayList<>();
    for (Solver solver : solvers()) {
      for (Precision precision : Precision.values()) {
        for (int p : new int[] {1, 2, 3}) {
          for (int n : counts) {
            arguments.add(Arguments.of(solver, precision, n, p));
          }
        }
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1} N={2} p={3}")
  @MethodSource("tails")
  void everySampleCountsOnceWhateverTheTail(Solver solver, Precision precision, int n, int p) {
    Dataset data = Datasets.synthetic(n, p, 31L * n + p, 0.5, null);
    Schedule schedule = Schedule.of(0.05, 60).withInitialWeights(new double[p + 1]).tracedEvery(20);
    Fit expected = ReferenceDescent.descend(data, schedule);
    double tolerance = precision == Precision.FLOAT64 ? 1e-12 : 2e-5;
    try (Workspace workspace = solver.prepare(data, precision)) {
      Fit fit = workspace.descend(schedule);
      double deviation = Deviation.relative(fit.weights(), expected.weights());
      assertTrue(deviation <= tolerance, "weights deviate " + deviation + ": " + fit);
      double lossDeviation = Deviation.relative(fit.losses(), expected.losses());
      assertTrue(lossDeviation <= tolerance * 10, "losses deviate " + lossDeviation);
    }
  }

  static Stream<Arguments> float32Problems() {
    List<Arguments> arguments = new ArrayList<>();
    for (Solver solver : solvers()) {
      arguments.add(Arguments.of(solver, Datasets.article()));
      arguments.add(Arguments.of(solver, Datasets.synthetic(4_099, 5, 3, 0.5, null)));
      arguments.add(Arguments.of(solver, Datasets.article(3 * F32Kernel.CHUNK + 5, 444, 0.1)));
    }
    return arguments.stream();
  }

  /**
   * The lanes are added in a fixed order and the slices in slice order, so float32 — where every
   * change of order shows — gives the same bits on every call and in every workspace, including
   * the first calls that run before C2 has compiled the kernel. Every descent starts with a
   * forward epoch: a descent of an odd number of epochs in between must not shift the
   * alternation of directions.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("float32Problems")
  void float32IsReproducibleBitForBit(Solver solver, Dataset data) {
    Schedule schedule = Schedule.of(0.001, 300).tracedEvery(100);
    double[] first;
    double[] firstLosses;
    try (Workspace workspace = solver.prepare(data, Precision.FLOAT32)) {
      Fit fit = workspace.descend(schedule);
      first = fit.weights();
      firstLosses = fit.losses();
      for (int call = 0; call < 5; call++) {
        workspace.descend(Schedule.of(0.001, 7));
        Fit again = workspace.descend(schedule);
        assertArrayEquals(first, again.weights(), "call " + (call + 2));
        assertArrayEquals(firstLosses, again.losses(), "losses of call " + (call + 2));
      }
    }
    try (Workspace other = solver.prepare(data, Precision.FLOAT32)) {
      assertArrayEquals(first, other.descend(schedule).weights(), "a second workspace");
    }
  }
}
