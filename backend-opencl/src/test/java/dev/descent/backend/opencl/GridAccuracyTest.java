package dev.descent.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.descent.api.Availability;
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
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code opencl.grid} against the reference of its precision at sizes the test kit does not try:
 * fewer samples than one work-group, sizes that are no multiple of the group, many groups, and
 * N = 1e7, where a work-item's float32 running sum would fail if the host let it grow.
 */
class GridAccuracyTest {

  private Solver solver;

  @BeforeEach
  void needsOpencl() {
    Availability availability = Platform.get().availability();
    RequireOpencl.assume(availability.available(), "OpenCL is " + availability);
    solver = Solvers.load().byId("opencl.grid");
  }

  @ParameterizedTest(name = "{0} N={1} p={2} epochs={3} trace={4}")
  @CsvSource({
      "FLOAT32, 1, 1, 40, 0", "FLOAT64, 1, 1, 40, 0",
      "FLOAT32, 7, 2, 40, 3", "FLOAT64, 7, 2, 40, 3",
      "FLOAT32, 63, 1, 40, 0", "FLOAT32, 65, 1, 40, 0", "FLOAT32, 257, 3, 40, 7",
      "FLOAT32, 16385, 1, 30, 10", "FLOAT64, 16385, 1, 30, 10",
      "FLOAT32, 100003, 5, 10, 1", "FLOAT64, 100003, 5, 10, 1",
      "FLOAT32, 1000000, 1, 10, 5", "FLOAT64, 1000000, 1, 10, 5",
      "FLOAT32, 10000000, 1, 4, 2", "FLOAT64, 10000000, 1, 4, 2"})
  void agreesWithTheReferenceOfItsPrecision(Precision precision, int n, int p, int epochs,
      int trace) {
    if (precision == Precision.FLOAT64) {
      RequireOpencl.assume(solver.precisions().contains(precision), "the device has no fp64");
    }
    Dataset data = Datasets.synthetic(n, p, 17L * n + p, 0.5, null);
    double[] start = new double[p + 1];
    for (int j = 0; j <= p; j++) {
      start[j] = 0.25 * j - 0.5;
    }
    Schedule schedule = new Schedule(0.05, epochs, start, trace);
    Fit expected = ReferenceDescent.descend(data, schedule, precision);
    Fit actual;
    try (Workspace workspace = solver.prepare(data, precision)) {
      actual = workspace.descend(schedule);
    }
    double tolerance = Tolerances.relative(precision, n, p + 1);
    double deviation = Deviation.relative(actual.weights(), expected.weights());
    if (!(deviation <= tolerance)) {
      fail("weights deviate " + deviation + " > " + tolerance + "\n  expected "
          + Arrays.toString(expected.weights()) + "\n  actual   "
          + Arrays.toString(actual.weights()));
    }
    double[] losses = actual.losses();
    double[] expectedLosses = expected.losses();
    assertTrue(losses.length == expectedLosses.length, "trace length " + losses.length);
    for (int k = 0; k < losses.length; k++) {
      double lossDeviation = Math.abs(losses[k] - expectedLosses[k]) / expectedLosses[k];
      assertTrue(lossDeviation <= 1e3 * tolerance, "loss " + k + ": " + losses[k] + " vs "
          + expectedLosses[k]);
    }
  }
}
