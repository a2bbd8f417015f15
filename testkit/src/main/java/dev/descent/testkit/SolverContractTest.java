package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import dev.descent.reference.Article;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import dev.descent.reference.Tolerances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every solver keeps, as JUnit 5 tests. A solver module extends this class once
 * per solver, naming the solver's id:
 *
 * <pre>{@code
 * class MySolverTest extends SolverContractTest {
 *   @Override protected String solverId() { return "my.solver"; }
 * }
 * }</pre>
 *
 * <p>The solver is looked up through {@link Solvers}, so the test also proves the services file
 * is right. Every check runs for each precision the solver claims. A solver that reports itself
 * unavailable has its checks skipped, unless {@link #requireAvailable()} says it must run here
 * (CI sets that for the backends whose devices it installs), in which case they fail.
 *
 * <p>Results are judged against the reference trajectory of the solver's own precision
 * ({@link ReferenceDescent#descend(Dataset, Schedule, Precision)}), within
 * {@link Tolerances#relative(Precision, long, int)} of the problem — the same tolerances the race
 * uses, relative to the largest expected weight (see {@link Deviation}), defined once and not
 * overridable here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SolverContractTest {

  /** Feature counts the reference checks cover: the article's, a few, and more than a lane. */
  private static final int[] FEATURE_COUNTS = {1, 3, 17};

  /** Sample counts: one, below and not a multiple of any vector width, and larger. */
  private static final int[] SAMPLE_COUNTS = {1, 7, 61, 1000, 4099};

  private Solver solver;

  /** The id of the solver under test, as its {@link Solver#id()} returns it. */
  protected abstract String solverId();

  /**
   * Whether the solver must be available here; when true an unavailable solver fails the tests
   * instead of skipping them. Defaults to the system property or environment variable
   * {@code DESCENT_REQUIRE_AVAILABLE=true|1}.
   */
  protected boolean requireAvailable() {
    return RequireAvailable.isSet();
  }

  /**
   * Repeated calls on one workspace must agree a thousand times more closely than the
   * reference tolerance: a deterministic solver repeats itself bit for bit, and a reduction whose
   * order changes from call to call makes every verdict a coin toss.
   */
  private static final double REPEAT_FRACTION = 1e-3;

  /** The allowed deviation from the reference of the same precision on this data. */
  private static double tolerance(Precision precision, Dataset data) {
    return Tolerances.relative(precision, data.samples(), data.weightCount());
  }

  /** The reference trajectory of the same precision. */
  private static Fit reference(Dataset data, Schedule schedule, Precision precision) {
    return ReferenceDescent.descend(data, schedule, precision);
  }

  /** The solver under test. */
  protected final Solver solver() {
    return solver;
  }

  @BeforeAll
  final void findSolver() {
    Solvers solvers = Solvers.load(getClass().getClassLoader());
    solver = solvers.byId(solverId());
  }

  // ---------------------------------------------------------------- identity and availability

  @Test
  final void isProvidedThroughServiceLoaderWithWellFormedIdentity() {
    assertEquals(solverId(), solver.id());
    assertTrue(Solvers.ID_PATTERN.matcher(solver.id()).matches(), "malformed id " + solver.id());
    assertNotNull(solver.description());
    assertFalse(solver.description().isBlank(), "description must say what the solver does");
    assertFalse(solver.description().contains("\n"), "description must be one line");
    assertFalse(solver.precisions().isEmpty(), "a solver must support at least one precision");
    assertNotNull(solver.launch(), "launch() must not be null (use Launch.NONE)");
  }

  @Test
  final void availabilityNeverThrowsAndIsStable() {
    Availability first = availabilityOrFail();
    assertNotNull(first, "availability() must not be null");
    for (int call = 2; call <= 5; call++) {
      Availability again = availabilityOrFail();
      assertEquals(first.available(), again != null && again.available(),
          "availability changed between calls: call 1 said " + first + ", call " + call
              + " said " + again);
    }
    if (first.available()) {
      assertFalse(first.device().isBlank(), "an available solver names its device");
    } else {
      assertFalse(first.reason().isBlank(), "an unavailable solver says why");
      assertFalse(requireAvailable(), solverId() + " must be available here but is " + first);
    }
  }

  /** The precisions this solver claims, for the parameterized checks. */
  protected final Stream<Precision> precisions() {
    return solver.precisions().stream().sorted();
  }

  /** Every claimed precision against every (N, p) of the reference checks. */
  protected final Stream<Arguments> problems() {
    List<Arguments> arguments = new ArrayList<>();
    for (Precision precision : solver.precisions()) {
      for (int p : FEATURE_COUNTS) {
        for (int n : SAMPLE_COUNTS) {
          arguments.add(Arguments.of(precision, n, p));
        }
      }
    }
    return arguments.stream();
  }

  // ---------------------------------------------------------------- results

  /**
   * The article's problem against the reference of the solver's precision: in float64 that is
   * the article's own result; in float32 the tolerance is below what one of the 10 000 epochs
   * moves the weights, so a solver that skips one fails.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("precisions")
  final void reachesTheArticlesResult(Precision precision) {
    assumeRunnable();
    Dataset article = Datasets.article();
    try (Workspace workspace = solver.prepare(article, precision)) {
      assertFalse(workspace.device().isBlank(), "device() must say where it ran");
      Fit fit = workspace.descend(Article.schedule());
      assertWithin(ArticleReference.weights(precision), fit.weights(),
          tolerance(precision, article), "article, 10 000 epochs, mu = 0.001, " + precision
              + " reference");
    }
  }

  @ParameterizedTest(name = "{0} N={1} p={2}")
  @MethodSource("problems")
  final void agreesWithTheReferenceOfItsPrecision(Precision precision, int n, int p) {
    assumeRunnable();
    Dataset data = Datasets.synthetic(n, p, 1_000L * n + p, 0.5, null);
    Schedule schedule = new Schedule(0.01, 150, randomWeights(p + 1, n * 31L + p), 0);
    try (Workspace workspace = solver.prepare(data, precision)) {
      Fit fit = workspace.descend(schedule);
      assertWithin(reference(data, schedule, precision).weights(), fit.weights(),
          tolerance(precision, data), "N=" + n + " p=" + p + " " + precision + " reference");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precisions")
  final void descendsRepeatedlyWithTheSameResult(Precision precision) {
    assumeRunnable();
    Dataset data = Datasets.synthetic(2_003, 3, 7, 0.5, null);
    Schedule schedule = Schedule.of(0.02, 200);
    try (Workspace workspace = solver.prepare(data, precision)) {
      double[] first = workspace.descend(schedule).weights();
      for (int call = 0; call < 3; call++) {
        assertWithin(first, workspace.descend(schedule).weights(),
            tolerance(precision, data) * REPEAT_FRACTION,
            "call " + (call + 2) + " with the same schedule");
      }
    }
  }

  /**
   * A solver that caches its last answer, ignores new starting weights, or keeps state between
   * calls gives the wrong answer to at least one of these calls.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("precisions")
  final void honoursEveryCallsOwnScheduleAndStartingWeights(Precision precision) {
    assumeRunnable();
    Dataset data = Datasets.synthetic(1_500, 2, 11, 0.3, null);
    List<Schedule> schedules = List.of(
        Schedule.of(0.01, 100),
        Schedule.of(0.01, 100).withInitialWeights(5, -4, 3),
        Schedule.of(0.03, 100).withInitialWeights(5, -4, 3),
        Schedule.of(0.01, 37).withInitialWeights(-1, 0.5, 2),
        Schedule.of(0.01, 100));
    try (Workspace workspace = solver.prepare(data, precision)) {
      for (Schedule schedule : schedules) {
        Fit expected = reference(data, schedule, precision);
        assertWithin(expected.weights(), workspace.descend(schedule).weights(),
            tolerance(precision, data), schedule.toString());
      }
    }
  }

  /**
   * A solver that remembers the answer to a schedule it has seen answers a repeat far faster than
   * a new one. Repeats of one schedule must cost about what calls from fresh starting weights
   * cost: the best repeat may not be 20 times faster than the best fresh call. (A lower bound on
   * a time only fails when a call skips its work; noise only makes calls slower.)
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("precisions")
  final void repeatsAreNotImpossiblyFast(Precision precision) {
    assumeRunnable();
    Dataset data = Datasets.synthetic(2_000, 3, 17, 0.2, null);
    try (Workspace workspace = solver.prepare(data, precision)) {
      Schedule repeated = Schedule.of(0.01, 300).withInitialWeights(0.5, 0.5, 0.5, 0.5);
      workspace.descend(repeated);
      long fresh = Long.MAX_VALUE;
      long repeat = Long.MAX_VALUE;
      for (int call = 0; call < 5; call++) {
        double start = call * 0.125;
        long begin = System.nanoTime();
        workspace.descend(Schedule.of(0.01, 300).withInitialWeights(start, -start, start, 1 - start));
        fresh = Math.min(fresh, System.nanoTime() - begin);
        begin = System.nanoTime();
        workspace.descend(repeated);
        repeat = Math.min(repeat, System.nanoTime() - begin);
      }
      assertTrue(repeat * 20 >= fresh, "a repeated schedule took " + repeat + " ns, a fresh one "
          + fresh + " ns: the solver seems to return remembered results");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precisions")
  final void zeroEpochsReturnTheStartingWeights(Precision precision) {
    assumeRunnable();
    Dataset data = Datasets.synthetic(100, 3, 5, 0.1, null);
    double[] start = {0.5, -1.25, 3.0, 0.0078125};
    try (Workspace workspace = solver.prepare(data, precision)) {
      assertArrayEquals(start, workspace.descend(Schedule.of(0.01, 0).withInitialWeights(start)).weights());
      assertArrayEquals(new double[4], workspace.descend(Schedule.of(0.01, 0)).weights());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precisions")
  final void tracesTheLossAtEveryInterval(Precision precision) {
    assumeRunnable();
    Dataset data = Datasets.synthetic(999, 2, 21, 0.4, null);
    try (Workspace workspace = solver.prepare(data, precision)) {
      for (int interval : new int[] {1, 7, 40, 41}) {
        Schedule schedule = Schedule.of(0.01, 40).withInitialWeights(1, 1, 1).tracedEvery(interval);
        Fit fit = workspace.descend(schedule);
        Fit reference = reference(data, schedule, precision);
        assertEquals(schedule.traceLength(), fit.losses().length,
            "trace every " + interval + " of 40 epochs holds epochs/interval + 1 losses");
        assertWithin(reference.losses(), fit.losses(), tolerance(precision, data),
            "losses traced every " + interval);
        assertWithin(reference.weights(), fit.weights(), tolerance(precision, data),
            "weights with a trace every " + interval);
      }
      assertEquals(0, workspace.descend(Schedule.of(0.01, 40)).losses().length,
          "no trace asked for, none given");
    }
  }

  // ---------------------------------------------------------------- bad input and lifecycle

  /** Every claimed precision prepares; every other one, and null, is refused by name. */
  @Test
  final void preparesExactlyThePrecisionsItClaims() {
    assumeRunnable();
    Set<Precision> unclaimed = EnumSet.complementOf(EnumSet.copyOf(solver.precisions()));
    Dataset data = Datasets.synthetic(10, 1, 1, 0.1, null);
    for (Precision precision : solver.precisions()) {
      try (Workspace workspace = solver.prepare(data, precision)) {
        assertNotNull(workspace, "prepare(" + precision + ") returned null");
      } catch (IllegalArgumentException e) {
        fail(solverId() + " claims " + precision + " but prepare refuses it: " + e.getMessage());
      }
    }
    for (Precision precision : unclaimed) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> solver.prepare(data, precision).close(),
          solverId() + " does not claim " + precision + " but prepare accepts it");
      assertTrue(String.valueOf(error.getMessage()).contains(precision.name())
          || String.valueOf(error.getMessage()).contains(precision.shortName()),
          "the error names the precision: " + error.getMessage());
    }
    assertThrows(RuntimeException.class, () -> solver.prepare(data, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precisions")
  final void rejectsStartingWeightsOfTheWrongLength(Precision precision) {
    assumeRunnable();
    Dataset data = Datasets.synthetic(10, 2, 1, 0.1, null);
    try (Workspace workspace = solver.prepare(data, precision)) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> workspace.descend(Schedule.of(0.01, 5).withInitialWeights(1, 2)),
          "2 initial weights for a model of 3 (p = 2) must be refused");
      assertTrue(String.valueOf(error.getMessage()).contains("initialWeights"),
          "the error names the field: " + error.getMessage());
      assertWithin(reference(data, Schedule.of(0.01, 5), precision).weights(),
          workspace.descend(Schedule.of(0.01, 5)).weights(), tolerance(precision, data),
          "still usable after rejecting bad input");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precisions")
  final void refusesWorkAfterCloseAndClosesTwiceQuietly(Precision precision) {
    assumeRunnable();
    Workspace workspace = solver.prepare(Datasets.synthetic(10, 1, 1, 0.1, null), precision);
    workspace.close();
    workspace.close();
    assertThrows(IllegalStateException.class, () -> workspace.descend(Schedule.of(0.01, 1)),
        "descend after close must throw IllegalStateException");
  }

  /**
   * A thousand prepare/descend/close cycles, as DESIGN.md promises, on a dataset big enough that
   * keeping each cycle's copy would show (N = 20 000, p = 3: 640 KB in float64, 640 MB over the
   * cycles): heap, resident memory and thread count must come back to where they were after a
   * warm-up. Threads and resident memory are the process's, from /proc, so native threads and
   * native buffers count (see {@link ResourceSnapshot}); what could not be measured here is
   * printed, not skipped in silence.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("precisions")
  final void cyclesWithoutGrowingMemoryOrThreads(Precision precision) {
    assumeRunnable();
    Dataset data = Datasets.synthetic(20_000, 3, 99, 0.1, null);
    Schedule schedule = Schedule.of(0.01, 3);
    runCycles(data, precision, schedule, 20);
    ResourceSnapshot before = ResourceSnapshot.take();
    runCycles(data, precision, schedule, cycleCount());
    ResourceSnapshot after = ResourceSnapshot.take();
    System.out.println(solverId() + " " + precision + ", " + cycleCount() + " cycles: "
        + after.growthSince(before) + " [" + after.sources() + "]");
    after.assertNoGrowthSince(before, 16L << 20, 96L << 20, THREAD_SLACK);
  }

  /**
   * Threads the process may gain over the cycles without a leak: the JVM starts and stops
   * compiler and GC threads by itself. A leak of one per cycle gains a thousand.
   */
  private static final int THREAD_SLACK = 8;

  /**
   * How many prepare/descend/close cycles the leak check runs: 1 000. Override only with a
   * reason (a prepare that takes seconds); fewer cycles hide slower leaks.
   */
  protected int cycleCount() {
    return 1_000;
  }

  private void runCycles(Dataset data, Precision precision, Schedule schedule, int cycles) {
    for (int cycle = 0; cycle < cycles; cycle++) {
      try (Workspace workspace = solver.prepare(data, precision)) {
        workspace.descend(schedule);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private Availability availabilityOrFail() {
    try {
      return solver.availability();
    } catch (RuntimeException | LinkageError e) {
      return fail("availability() must never throw; it threw " + e, e);
    }
  }

  /**
   * Skips the check when the solver is unavailable here, or fails it when
   * {@link #requireAvailable()} (DESCENT_REQUIRE_AVAILABLE) says it must run.
   */
  private void assumeRunnable() {
    RequireAvailable.assume(solverId(), availabilityOrFail(), requireAvailable());
  }

  /** The article's reference weights per precision, the float32 one computed once. */
  private static final class ArticleReference {
    private static final double[] FLOAT32 =
        reference(Datasets.article(), Article.schedule(), Precision.FLOAT32).weights();

    static double[] weights(Precision precision) {
      return precision == Precision.FLOAT64 ? Article.descentWeights() : FLOAT32.clone();
    }
  }

  private static double[] randomWeights(int count, long seed) {
    Random random = new Random(seed);
    double[] weights = new double[count];
    for (int j = 0; j < count; j++) {
      weights[j] = random.nextGaussian();
    }
    return weights;
  }

  /** Fails with both vectors and the deviation when actual is further than tolerance. */
  protected static void assertWithin(
      double[] expected, double[] actual, double tolerance, String what) {
    double deviation = Deviation.relative(actual, expected);
    if (!(deviation <= tolerance)) {
      fail(what + ": relative deviation " + deviation + " > " + tolerance
          + "\n  expected " + Arrays.toString(expected) + "\n  actual   " + Arrays.toString(actual));
    }
  }
}
