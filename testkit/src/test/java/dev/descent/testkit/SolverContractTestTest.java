package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The test kit must fail each broken solver on the check that covers its defect, and pass the
 * honest one: a contract that cannot fail protects nobody. Every check of the kit has a broken
 * solver here that it fails ({@link #everyCheckFailsOnSomeBrokenSolver}).
 *
 * <p>The leaking solvers run last and clean up after themselves, so that the other leak checks
 * do not measure in a process their leaks have filled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolverContractTestTest {

  /** The broken solvers' contracts, each run once and its results kept for the coverage test. */
  private static final List<Class<?>> BROKEN = List.of(
      KitContracts.BlankDescriptionContract.class,
      KitContracts.FlakyAvailabilityContract.class,
      KitContracts.CachingContract.class,
      KitContracts.MemoizingContract.class,
      KitContracts.UnrepeatableContract.class,
      KitContracts.IgnoresStartContract.class,
      KitContracts.OneEpochShortContract.class,
      KitContracts.OneEpochShortFloat32Contract.class,
      KitContracts.AcceptsUnclaimedPrecisionContract.class,
      KitContracts.RefusesClaimedPrecisionContract.class,
      KitContracts.AcceptsWrongLengthWeightsContract.class,
      KitContracts.WorksAfterCloseContract.class,
      KitContracts.LeakyContract.class,
      KitContracts.ThreadLeakingContract.class,
      KitContracts.NativeThreadLeakingContract.class,
      KitContracts.SloppyFloat32Contract.class);

  private static final Map<Class<?>, Events> RUNS = new ConcurrentHashMap<>();

  private static Events run(Class<?> contract) {
    return RUNS.computeIfAbsent(contract, c -> EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(c))
        .execute()
        .testEvents());
  }

  /**
   * The names of the test methods that failed, e.g. {@code reachesTheArticlesResult}, each with
   * its first failure message, printed so that a reader sees what a broken solver is told.
   */
  private static Map<String, String> failures(Class<?> contract) {
    Map<String, String> failed = new TreeMap<>();
    run(contract).failed().stream().forEach(event -> failed.putIfAbsent(methodName(event),
        event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
            .map(String::valueOf).orElse("(no message)")));
    failed.forEach((check, message) -> System.out.println(
        contract.getSimpleName() + " fails " + check + ": " + message));
    return failed;
  }

  private static Set<String> failedChecks(Class<?> contract) {
    return new TreeSet<>(failures(contract).keySet());
  }

  private static String methodName(Event event) {
    String id = event.getTestDescriptor().getUniqueId().toString();
    int start = id.indexOf("method:") >= 0 ? id.indexOf("method:") + 7
        : id.indexOf("test-template:") + 14;
    return id.substring(start, id.indexOf('(', start));
  }

  /** Every check the kit declares: its @Test and @ParameterizedTest methods. */
  private static Set<String> allChecks() {
    return Arrays.stream(SolverContractTest.class.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Test.class)
            || m.isAnnotationPresent(ParameterizedTest.class))
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void passesTheHonestSolverInBothPrecisions() {
    Events tests = run(KitContracts.HonestContract.class);
    assertEquals(0, tests.failed().count(), () -> tests.failed().stream()
        .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload())
        .toList().toString());
    assertEquals(0, tests.skipped().count() + tests.aborted().count(), "nothing skipped");
    assertTrue(tests.succeeded().count() > 40, "the checks ran: " + tests.succeeded().count());
  }

  @Test
  void catchesABlankDescription() {
    assertEquals(Set.of("isProvidedThroughServiceLoaderWithWellFormedIdentity"),
        failedChecks(KitContracts.BlankDescriptionContract.class));
  }

  @Test
  void catchesAvailabilityThatFlipsBetweenCalls() {
    assertEquals(Set.of("availabilityNeverThrowsAndIsStable"),
        failedChecks(KitContracts.FlakyAvailabilityContract.class));
  }

  @Test
  void skipsAnUnavailableSolverOnlyWhereNothingRequiresIt() {
    Events skipped = run(KitContracts.UnavailableContract.class);
    assertEquals(0, skipped.failed().count(), "unavailable and not required: checks skip");
    assertTrue(skipped.aborted().count() >= 10, "skipped: " + skipped.aborted().count());
    Events required = run(KitContracts.RequiredButUnavailableContract.class);
    assertEquals(0, required.aborted().count() + required.skipped().count(),
        "DESCENT_REQUIRE_AVAILABLE: no check may pass by skipping");
    Set<String> failed = failedChecks(KitContracts.RequiredButUnavailableContract.class);
    Set<String> expected = allChecks();
    expected.remove("isProvidedThroughServiceLoaderWithWellFormedIdentity");
    assertEquals(expected, failed);
  }

  @Test
  void catchesASolverThatCachesItsAnswer() {
    Set<String> failed = failedChecks(KitContracts.CachingContract.class);
    assertTrue(failed.contains("honoursEveryCallsOwnScheduleAndStartingWeights"), failed.toString());
    assertTrue(failed.contains("tracesTheLossAtEveryInterval"), failed.toString());
  }

  @Test
  void catchesASolverThatRemembersAnswersByTheirImpossibleSpeed() {
    assertEquals(Set.of("repeatsAreNotImpossiblyFast"),
        failedChecks(KitContracts.MemoizingContract.class));
  }

  @Test
  void catchesASolverWhoseRepeatsDisagree() {
    assertEquals(Set.of("descendsRepeatedlyWithTheSameResult"),
        failedChecks(KitContracts.UnrepeatableContract.class));
  }

  @Test
  void catchesASolverThatIgnoresTheStartingWeights() {
    Set<String> failed = failedChecks(KitContracts.IgnoresStartContract.class);
    assertTrue(failed.contains("honoursEveryCallsOwnScheduleAndStartingWeights"), failed.toString());
    assertTrue(failed.contains("agreesWithTheReferenceOfItsPrecision"), failed.toString());
    assertTrue(failed.contains("zeroEpochsReturnTheStartingWeights"), failed.toString());
  }

  @Test
  void catchesASolverOneEpochShort() {
    Set<String> failed = failedChecks(KitContracts.OneEpochShortContract.class);
    assertTrue(failed.contains("reachesTheArticlesResult"), failed.toString());
    assertTrue(failed.contains("agreesWithTheReferenceOfItsPrecision"), failed.toString());
  }

  @Test
  void catchesAFloat32SolverOneEpochShortOfTheArticle() {
    Map<String, String> failed = failures(KitContracts.OneEpochShortFloat32Contract.class);
    assertTrue(failed.containsKey("reachesTheArticlesResult"), failed.toString());
    assertTrue(failed.get("reachesTheArticlesResult").contains("FLOAT32"), failed.toString());
  }

  @Test
  void catchesASolverThatPreparesAPrecisionItDoesNotClaim() {
    assertEquals(Set.of("preparesExactlyThePrecisionsItClaims"),
        failedChecks(KitContracts.AcceptsUnclaimedPrecisionContract.class));
  }

  @Test
  void catchesASolverThatRefusesAPrecisionItClaims() {
    Set<String> failed = failedChecks(KitContracts.RefusesClaimedPrecisionContract.class);
    assertTrue(failed.contains("preparesExactlyThePrecisionsItClaims"), failed.toString());
  }

  @Test
  void catchesASolverThatAcceptsStartingWeightsOfTheWrongLength() {
    assertEquals(Set.of("rejectsStartingWeightsOfTheWrongLength"),
        failedChecks(KitContracts.AcceptsWrongLengthWeightsContract.class));
  }

  @Test
  void catchesAWorkspaceThatWorksAfterClose() {
    assertEquals(Set.of("refusesWorkAfterCloseAndClosesTwiceQuietly"),
        failedChecks(KitContracts.WorksAfterCloseContract.class));
  }

  @Test
  @Order(Integer.MAX_VALUE - 4)
  void catchesASolverThatLeaksMemory() {
    try {
      assertEquals(Set.of("cyclesWithoutGrowingMemoryOrThreads"),
          failedChecks(KitContracts.LeakyContract.class));
    } finally {
      KitSolvers.Leaky.KEPT.clear();
    }
  }

  @Test
  @Order(Integer.MAX_VALUE - 3)
  void catchesASolverThatLeaksJavaThreads() throws InterruptedException {
    try {
      assertEquals(Set.of("cyclesWithoutGrowingMemoryOrThreads"),
          failedChecks(KitContracts.ThreadLeakingContract.class));
    } finally {
      KitSolvers.ThreadLeaking.stopAll();
    }
  }

  /** A pthread per workspace: no Java thread count sees it; /proc/self/task does. */
  @Test
  @Order(Integer.MAX_VALUE - 2)
  void catchesASolverThatLeaksNativeThreads() {
    try {
      Map<String, String> failed = failures(KitContracts.NativeThreadLeakingContract.class);
      assertEquals(Set.of("cyclesWithoutGrowingMemoryOrThreads"), failed.keySet());
      assertTrue(failed.get("cyclesWithoutGrowingMemoryOrThreads").contains("/proc/self/task"),
          "counted by the process, not the JVM: " + failed);
    } finally {
      NativeThreads.cancelAll();
    }
  }

  @Test
  void catchesAFloat32SolverOutsideTolerance() {
    Set<String> failed = failedChecks(KitContracts.SloppyFloat32Contract.class);
    assertTrue(failed.contains("reachesTheArticlesResult"), failed.toString());
    assertTrue(failed.contains("agreesWithTheReferenceOfItsPrecision"), failed.toString());
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyCheckFailsOnSomeBrokenSolver() {
    Set<String> caught = new TreeSet<>();
    for (Class<?> contract : BROKEN) {
      caught.addAll(failedChecks(contract));
    }
    Set<String> uncaught = allChecks();
    uncaught.removeAll(caught);
    assertEquals(Set.of(), uncaught, "checks no broken kit solver fails");
    assertEquals(13, allChecks().size(), "the kit's checks: " + allChecks());
  }
}
