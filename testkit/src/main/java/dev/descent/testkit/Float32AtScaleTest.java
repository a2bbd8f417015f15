package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * float32 that stays right at scale, as JUnit 5 tests: each float32 solver a module names stays
 * within {@link Tolerances#relative} of the float32 reference at N = 1e6 and 1e7, weights and
 * every epoch's loss, on the article's recipe and on p = 3 block data. One running float sum over
 * the samples does not: at N = 1e7 it deviates tens of thousands of tolerances (the kit's own
 * test runs such a solver through this class and sees it fail). A module extends it once:
 *
 * <pre>{@code
 * class MyFloat32AtScaleTest extends Float32AtScaleTest {
 *   @Override protected List<String> solverIds() { return List.of("my.solver"); }
 * }
 * }</pre>
 *
 * <p>The learning rate 0.1 moves the weights from zero to about [1.9, 2.1] in three epochs, so a
 * gradient sum's relative error shows in the weights almost one to one: the check bites. A loss
 * is one sum of squares divided by N, with no update or cancellation to amplify it, and is held
 * to the same tolerance. N = 1e8 (article-shaped) runs too with {@code -Ddescent.largeTests=true}
 * (about 3 GB of heap and a minute per solver; CI need not run it): a size chosen here rather than
 * a disabled test, so a build without it reports no skip.
 *
 * <p>Solvers are found through {@link Solvers}; an unavailable one is skipped, or fails where
 * {@link #requireAvailable()} says it must run (as in {@link SolverContractTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class Float32AtScaleTest {

  /** The float32 reference of each problem, computed once for all of the module's solvers. */
  private final Map<String, Fit> references = new HashMap<>();

  /**
   * The data of each problem up to 1e7, held once (at most 320 MB) rather than generated again
   * for the reference and every solver.
   */
  private final Map<String, Dataset> held = new HashMap<>();

  /** The ids of the float32 solvers to check. */
  protected abstract List<String> solverIds();

  /**
   * Whether an unavailable solver fails instead of being skipped: by default when {@code
   * DESCENT_REQUIRE_AVAILABLE=true|1} (system property or environment), as in the contract kit.
   */
  protected boolean requireAvailable() {
    return RequireAvailable.isSet();
  }

  /** The solver with this id; the default looks it up through {@link Solvers#load()}. */
  protected Solver solver(String id) {
    return Solvers.load().byId(id);
  }

  /**
   * Gives the heap these problems took back (System.gc() is a full collection in G1, which
   * shrinks the heap), so that the memory checks of test classes after this one in the same JVM
   * measure their own cycles and not this class's 300 MB.
   */
  @AfterAll
  void releaseTheProblems() {
    references.clear();
    held.clear();
    System.gc();
  }

  /** Every solver × (article, blocks p=3) × N = 1e6, 1e7; and article at 1e8 when asked. */
  Stream<Arguments> problems() {
    List<String> ids = solverIds();
    Stream<Arguments> large = Boolean.getBoolean("descent.largeTests")
        ? ids.stream().map(id -> Arguments.of(id, "article", 100_000_000)) : Stream.empty();
    Stream<Arguments> always = Stream.of(1_000_000, 10_000_000).flatMap(n -> ids.stream()
        .flatMap(id -> Stream.of(Arguments.of(id, "article", n),
            Arguments.of(id, "blocks p=3", n))));
    return Stream.concat(always, large);
  }

  @ParameterizedTest(name = "{0} {1} N={2}")
  @MethodSource("problems")
  void float32StaysWithinTheToleranceOfTheFloat32Reference(String id, String shape, int n) {
    Solver solver = solver(id);
    RequireAvailable.assume(id, solver.availability(), requireAvailable());
    assertWithinTolerance(solver, shape, n);
  }

  /**
   * Descends problem {@code shape} at N = {@code n} in float32 with {@code solver} and asserts
   * its weights and traced losses are within the tolerance of the float32 reference. Public so a
   * module can show a broken solver failing it.
   */
  public final void assertWithinTolerance(Solver solver, String shape, int n) {
    Dataset data = data(shape, n);
    Schedule schedule = shape.equals("article") ? Schedule.of(0.1, 3).tracedEvery(1)
        : Schedule.of(0.1, 5).tracedEvery(1);
    Fit expected = references.computeIfAbsent(shape + " " + n,
        key -> ReferenceDescent.descend(data, schedule, Precision.FLOAT32));
    Fit actual;
    try (Workspace workspace = solver.prepare(data, Precision.FLOAT32)) {
      actual = workspace.descend(schedule);
    }
    double tolerance = Tolerances.relative(Precision.FLOAT32, n, data.weightCount());
    double deviation = Deviation.relative(actual.weights(), expected.weights());
    double lossDeviation = lossDeviation(actual.losses(), expected.losses());
    System.out.printf("%s f32 %s N=%d: deviation %.3e, loss deviation %.3e, tolerance %.3e%n",
        solver.id(), shape, n, deviation, lossDeviation, tolerance);
    assertTrue(deviation <= tolerance, solver.id() + " f32 " + shape + " N=" + n + " deviates "
        + deviation + " from the float32 reference, tolerance " + tolerance);
    assertTrue(lossDeviation <= tolerance, solver.id() + " f32 " + shape + " N=" + n
        + ": the traced losses deviate " + lossDeviation + ", tolerance " + tolerance);
  }

  private static double lossDeviation(double[] actual, double[] expected) {
    assertEquals(expected.length, actual.length, "trace length");
    double largest = 0;
    for (int k = 0; k < actual.length; k++) {
      largest = Math.max(largest, Math.abs(actual[k] - expected[k]) / expected[k]);
    }
    return largest;
  }

  private Dataset data(String shape, int n) {
    Dataset made = shape.equals("article") ? Datasets.articleStream(n, 444, 0.1)
        : BlockRecipe.of(n, 3, 7, 0.5).dataset();
    if (n > 10_000_000) {
      return made;
    }
    return held.computeIfAbsent(shape + " " + n, key -> {
      double[][] columns = new double[made.features()][];
      for (int j = 0; j < columns.length; j++) {
        columns[j] = made.column(j);
      }
      return Dataset.of(made.name(), columns, made.targets());
    });
  }
}
