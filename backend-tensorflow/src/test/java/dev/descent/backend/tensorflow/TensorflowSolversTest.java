package dev.descent.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Footprint;
import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.Article;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What this module promises beyond the test kit: honesty checks, the article, the plumbing. */
class TensorflowSolversTest {

  private static final List<String> IDS =
      List.of("tensorflow.steps", "tensorflow.loop", "tensorflow.xla");

  /** The article's own TensorFlow float32 result. */
  private static final double[] ARTICLE_TENSORFLOW_F32 = {2.9598553, 2.032969};

  static Stream<Arguments> solversAndPrecisions() {
    List<Arguments> arguments = new ArrayList<>();
    for (String id : IDS) {
      for (Precision precision : Precision.values()) {
        arguments.add(Arguments.of(id, precision));
      }
    }
    return arguments.stream();
  }

  private static Solver runnable(String id) {
    Solver solver = Solvers.load().byId(id);
    RequireTensorflow.assumeAvailable(solver);
    return solver;
  }

  private static double tolerance(Precision precision) {
    return precision == Precision.FLOAT64 ? 1e-9 : 1e-3;
  }

  private static void assertNear(
      double[] expected, double[] actual, double tolerance, String what) {
    double deviation = Deviation.relative(actual, expected);
    assertTrue(deviation <= tolerance, what + ": deviation " + deviation + " > " + tolerance
        + "\n  expected " + Arrays.toString(expected) + "\n  actual   " + Arrays.toString(actual));
  }

  /**
   * A loop over constants lets TensorFlow fold the whole descent at graph optimisation and
   * return that answer for ever; the starting weights are fed, so a second call from elsewhere
   * must land where the reference does from there.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("solversAndPrecisions")
  void aSecondCallFromOtherStartingWeightsGivesTheReferencesAnswerForThem(
      String id, Precision precision) {
    Solver solver = runnable(id);
    Dataset data = Datasets.synthetic(3_001, 2, 5, 0.3, null);
    Schedule first = Schedule.of(0.01, 30);
    Schedule second = first.withInitialWeights(4, -3, 2.5);
    try (Workspace workspace = solver.prepare(data, precision)) {
      double[] fromZero = workspace.descend(first).weights();
      double[] fromElsewhere = workspace.descend(second).weights();
      assertNear(ReferenceDescent.descend(data, first).weights(), fromZero, tolerance(precision),
          "from zero");
      assertNear(ReferenceDescent.descend(data, second).weights(), fromElsewhere,
          tolerance(precision), "from (4, -3, 2.5)");
      assertTrue(Deviation.relative(fromElsewhere, fromZero) > 1e-2,
          "the starting weights must change the answer: " + Arrays.toString(fromElsewhere));
    }
  }

  /**
   * The epochs actually run decide the answer — including counts that are not a multiple of the
   * loop's unroll factor, which take the remainder loop.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("solversAndPrecisions")
  void theNumberOfEpochsRunChangesTheResultAsTheReferenceSays(String id, Precision precision) {
    Solver solver = runnable(id);
    Dataset data = Datasets.synthetic(1_001, 3, 17, 0.2, null);
    double[] previous = null;
    try (Workspace workspace = solver.prepare(data, precision)) {
      for (int epochs : new int[] {1, 2, 7, 8, 9, 16, 17, 63, 64, 65}) {
        Schedule schedule = Schedule.of(0.05, epochs).withInitialWeights(0.5, -0.5, 1, 2);
        double[] weights = workspace.descend(schedule).weights();
        assertNear(ReferenceDescent.descend(data, schedule).weights(), weights,
            tolerance(precision), epochs + " epochs");
        if (previous != null) {
          assertFalse(Arrays.equals(previous, weights), epochs + " epochs gave the same weights"
              + " as the count before");
        }
        previous = weights;
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tensorflow.steps", "tensorflow.loop", "tensorflow.xla"})
  void float32MatchesTheArticlesOwnTensorflowResult(String id) {
    try (Workspace workspace = runnable(id).prepare(Datasets.article(), Precision.FLOAT32)) {
      assertNear(ARTICLE_TENSORFLOW_F32, workspace.descend(Article.schedule()).weights(), 1e-4,
          id + " f32 against the article's TensorFlow [2.9598553, 2.032969]");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tensorflow.steps", "tensorflow.loop", "tensorflow.xla"})
  void deviceNamesTheVersionThePlacementAndTheThreads(String id) {
    try (Workspace workspace = runnable(id).prepare(Datasets.synthetic(50, 2, 3, 0.1, null),
        Precision.FLOAT32)) {
      String device = workspace.device();
      assertTrue(device.matches(".*TensorFlow \\d+\\.\\d+.*TF Java \\d.*"), device);
      assertTrue(device.contains("CPU:0") || device.contains("GPU:"), device);
      assertTrue(device.contains("intra-op 1, inter-op on the calling thread"), device);
      assertTrue(device.contains("f32"), device);
    }
  }

  @Test
  void threadPropertiesOverrideTheDefaultsAndShowInDevice() {
    Solver solver = runnable("tensorflow.loop");
    System.setProperty(ThreadSettings.INTRA_PROPERTY, "2");
    System.setProperty(ThreadSettings.INTER_PROPERTY, "1");
    try (Workspace workspace = solver.prepare(Datasets.synthetic(50, 1, 3, 0.1, null),
        Precision.FLOAT64)) {
      assertTrue(workspace.device().contains("intra-op 2, inter-op 1"), workspace.device());
    } finally {
      System.clearProperty(ThreadSettings.INTRA_PROPERTY);
      System.clearProperty(ThreadSettings.INTER_PROPERTY);
    }
  }

  @Test
  void aThreadPropertyThatIsNoNumberIsRejectedByName() {
    System.setProperty(ThreadSettings.INTRA_PROPERTY, "many");
    try {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          ThreadSettings::fromSystemProperties);
      assertTrue(error.getMessage().contains(ThreadSettings.INTRA_PROPERTY)
          && error.getMessage().contains("many"), error.getMessage());
    } finally {
      System.clearProperty(ThreadSettings.INTRA_PROPERTY);
    }
    assertEquals(ThreadSettings.MEASURED_BEST, ThreadSettings.fromSystemProperties());
  }

  @Test
  void theUnrollFactorIsReadFromItsPropertyAndChecked() {
    System.setProperty(WhileLoopForm.UNROLL_PROPERTY, "0");
    try {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, WhileLoopForm::fromSystemProperties);
      assertTrue(error.getMessage().contains(WhileLoopForm.UNROLL_PROPERTY), error.getMessage());
      System.setProperty(WhileLoopForm.UNROLL_PROPERTY, "3");
      assertTrue(WhileLoopForm.fromSystemProperties().describe().contains("3 epochs"));
    } finally {
      System.clearProperty(WhileLoopForm.UNROLL_PROPERTY);
    }
  }

  @Test
  void aFailedNativeLoadMakesTheSolversUnavailableWithTheLoadersReason() {
    Natives.Status direct = Natives.probe(() -> {
      throw new UnsatisfiedLinkError("no jnitensorflow in java.library.path");
    });
    Availability availability = direct.availability();
    assertFalse(availability.available());
    assertTrue(availability.reason().contains("UnsatisfiedLinkError: no jnitensorflow"),
        availability.reason());
    assertFalse(availability.hint().isBlank());

    Natives.Status wrapped = Natives.probe(() -> {
      throw new ExceptionInInitializerError(new IllegalStateException("GLIBC_2.27 not found"));
    });
    assertTrue(wrapped.availability().reason().contains("GLIBC_2.27 not found"),
        wrapped.availability().reason());

    Natives.Status loaded = Natives.probe(() -> new Natives.Build("TensorFlow 9.9", true));
    assertTrue(loaded.availability().available());
    assertEquals("TensorFlow 9.9", loaded.runtime());
  }

  @Test
  void forkedJvmsGetTheLogSilencedUnlessVerboseAndTheOptionsTheirJavaKnows() {
    Launch jdk17 = TensorflowSolver.launch(17, false);
    assertEquals(Map.of("TF_CPP_MIN_LOG_LEVEL", "3"), jdk17.environment());
    List<String> unlimited = List.of("-Dorg.bytedeco.javacpp.maxBytes=0",
        "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
    assertEquals(unlimited, jdk17.jvmOptions());
    Launch jdk25 = TensorflowSolver.launch(25, false);
    List<String> jdk25Options = new ArrayList<>(unlimited);
    jdk25Options.addAll(List.of("--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"));
    assertEquals(jdk25Options, jdk25.jvmOptions());
    assertEquals(Map.of(), TensorflowSolver.launch(25, true).environment());
  }

  /**
   * The resident memory measured at N = 1e8, p = 1 beyond the loaded runtime, with a fixed heap
   * (README, "At scale"): at most 2 450 MB in float32 and 4 839 MB in float64, with a heap that
   * stays small whatever N is.
   */
  @Test
  void footprintCoversTheMemoryMeasuredAtOneHundredMillionSamples() {
    for (String id : IDS) {
      Solver solver = Solvers.load().byId(id);
      Footprint f32 = solver.footprint(100_000_000, 1, Precision.FLOAT32);
      Footprint f64 = solver.footprint(100_000_000, 1, Precision.FLOAT64);
      assertTrue(f32.nativeBytes() - TensorflowSolver.RUNTIME_BYTES >= 2_450L << 20, id + f32);
      assertTrue(f64.nativeBytes() - TensorflowSolver.RUNTIME_BYTES >= 4_839L << 20, id + f64);
      assertTrue(f32.heapBytes() <= 64L << 20 && f64.heapBytes() <= 64L << 20, id + f64);
      assertTrue(solver.footprint(10_000, 1, Precision.FLOAT64).nativeBytes()
          < TensorflowSolver.RUNTIME_BYTES + (1L << 20), id);
    }
  }

  @Test
  void allThreeAreDiscoveredInOrder() {
    assertEquals(IDS, Solvers.load().ids());
  }

  @Test
  void placementNamesAreShortened() {
    assertEquals("CPU:0", Sessions.shortName("/job:localhost/replica:0/task:0/device:CPU:0"));
    assertEquals("weird", Sessions.shortName("weird"));
  }
}
