package dev.descent.backend.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.api.Workspace;
import dev.descent.reference.BlockRecipe;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import dev.descent.reference.Tolerances;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both Spark solvers on a real standalone cluster (a master and two one-core workers on
 * 127.0.0.1, each its own JVM), checked against the reference of their precision, and a worker
 * killed in the middle of a {@code spark.steps} descent.
 *
 * <p>An integration test, run by failsafe after {@code package}: the executors run in JVMs that
 * know nothing of this module but what the driver ships through {@code spark.jars}, here the
 * module's packaged jar, as in the distribution.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {

  /** Blocks of 16 384 rows: several per executor, so a lost executor loses some, not all. */
  private static final BlockRecipe RECIPE = new BlockRecipe(200_000, 2, 444, 0.5, 16_384);

  private LocalSparkCluster cluster;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = LocalSparkCluster.start(2);
    System.setProperty(SparkSettings.MASTER_PROPERTY, cluster.masterUrl());
    // Two executors of 512 MiB on a 2-core machine shared with the build.
    System.setProperty(SparkSettings.CONF_PROPERTY, "spark.executor.memory=512m");
  }

  @AfterAll
  void stopCluster() {
    System.clearProperty(SparkSettings.MASTER_PROPERTY);
    System.clearProperty(SparkSettings.CONF_PROPERTY);
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void checkBothWorkersRun() {
    for (int i = 0; i < cluster.workers().size(); i++) {
      assertTrue(cluster.workers().get(i).isAlive(), "worker " + i + " died:\n"
          + cluster.log("worker-" + i));
    }
  }

  @Order(1)
  @ParameterizedTest(name = "{0} {1}, data made on the executors")
  @CsvSource({"spark.gram, f64", "spark.gram, f32", "spark.steps, f64", "spark.steps, f32"})
  void racesOnTheClusterAndAgreesWithTheReference(String id, String precisionName) {
    Precision precision = Precision.parse(precisionName);
    Dataset data = RECIPE.dataset();
    Schedule schedule = Schedule.of(0.05, 40).withInitialWeights(0.5, -0.5, 1).tracedEvery(10);
    try (Workspace workspace = solver(id).prepare(data, precision)) {
      String device = workspace.device();
      assertTrue(device.contains(cluster.masterUrl()) && device.contains("2 executors x 1 core")
          && device.contains("made on the executors"), device);
      long start = System.nanoTime();
      Fit fit = workspace.descend(schedule);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%s %s on %s: %d epochs in %.2f s (%.1f ms per epoch)%n", id,
          precision.shortName(), device, schedule.epochs(), seconds,
          seconds * 1e3 / schedule.epochs());
      assertAgrees(ReferenceDescent.descend(data, schedule, precision), fit, precision, data);
    }
  }

  @Order(2)
  @Test
  void sendsDataWithoutARecipeFromTheDriver() {
    Dataset data = Datasets.synthetic(30_000, 3, 5, 0.2, null);
    Schedule schedule = Schedule.of(0.02, 20);
    for (String id : new String[] {"spark.steps", "spark.gram"}) {
      try (Workspace workspace = solver(id).prepare(data, Precision.FLOAT64)) {
        assertTrue(workspace.device().contains("sent from the driver"), workspace.device());
        assertAgrees(ReferenceDescent.descend(data, schedule), workspace.descend(schedule),
            Precision.FLOAT64, data);
      }
    }
  }

  /**
   * Last, since it leaves one worker. A worker and its executor die (SIGKILL) while
   * {@code spark.steps} descends: Spark makes the lost blocks again from the recipe on the
   * surviving executor and the descent ends where the reference does.
   */
  @Order(3)
  @Test
  void survivesAWorkerKilledInTheMiddleOfADescent() throws Exception {
    Dataset data = RECIPE.dataset();
    Schedule schedule = Schedule.of(0.05, 150).withInitialWeights(0.5, -0.5, 1);
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (Workspace workspace = solver("spark.steps").prepare(data, Precision.FLOAT64)) {
      Future<Fit> descent = background.submit(() -> workspace.descend(schedule));
      Thread.sleep(2_000);
      assertFalse(descent.isDone(), "the descent ended before the worker was killed");
      cluster.killWorker(0);
      assertFalse(cluster.workers().get(0).isAlive(), "worker 0 still runs");
      Fit fit = descent.get(5, TimeUnit.MINUTES);
      assertAgrees(ReferenceDescent.descend(data, schedule), fit, Precision.FLOAT64, data);
    } finally {
      background.shutdownNow();
    }
  }

  private static Solver solver(String id) {
    return Solvers.load(LocalClusterIT.class.getClassLoader()).byId(id);
  }

  private static void assertAgrees(Fit expected, Fit actual, Precision precision, Dataset data) {
    double tolerance = Tolerances.relative(precision, data.samples(), data.weightCount());
    double deviation = Deviation.relative(actual.weights(), expected.weights());
    if (!(deviation <= tolerance)) {
      fail("relative deviation " + deviation + " > " + tolerance + "\n  expected "
          + Arrays.toString(expected.weights()) + "\n  actual   "
          + Arrays.toString(actual.weights()));
    }
    if (expected.losses().length > 0) {
      double lossDeviation = Deviation.relative(actual.losses(), expected.losses());
      // The kit's loss tolerance: a trace is the same sums' by-product, not the verdict.
      double lossTolerance = precision == Precision.FLOAT64 ? 1e-9 : 1e-3;
      assertTrue(lossDeviation <= lossTolerance, "losses deviate by " + lossDeviation
          + ": " + Arrays.toString(actual.losses()) + " vs " + Arrays.toString(expected.losses()));
    }
  }
}
