package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.junit.jupiter.api.Test;

/**
 * The test kit must fail each broken solver on the check that covers its defect, and pass the
 * honest one: a contract that cannot fail protects nobody.
 */
class SolverContractTestTest {

  /** The names of the test methods that failed, e.g. {@code reachesTheArticlesResult}. */
  private static Set<String> failedChecks(Class<?> contract) {
    Events tests = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(contract))
        .execute()
        .testEvents();
    Set<String> failed = new TreeSet<>();
    tests.failed().stream().map(SolverContractTestTest::methodName).forEach(failed::add);
    return failed;
  }

  private static String methodName(Event event) {
    String id = event.getTestDescriptor().getUniqueId().toString();
    int start = id.indexOf("method:") >= 0 ? id.indexOf("method:") + 7
        : id.indexOf("test-template:") + 14;
    return id.substring(start, id.indexOf('(', start));
  }

  @Test
  void passesTheHonestSolver() {
    Events tests = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(KitContracts.HonestContract.class))
        .execute()
        .testEvents();
    assertEquals(0, tests.failed().count(), () -> tests.failed().stream()
        .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload())
        .toList().toString());
    assertTrue(tests.succeeded().count() > 20, "the checks ran: " + tests.succeeded().count());
  }

  @Test
  void catchesASolverThatCachesItsAnswer() {
    Set<String> failed = failedChecks(KitContracts.CachingContract.class);
    assertTrue(failed.contains("honoursEveryCallsOwnScheduleAndStartingWeights"), failed.toString());
    assertTrue(failed.contains("tracesTheLossAtEveryInterval"), failed.toString());
  }

  @Test
  void catchesASolverThatRemembersAnswersByTheirImpossibleSpeed() {
    Set<String> failed = failedChecks(KitContracts.MemoizingContract.class);
    assertEquals(Set.of("repeatsAreNotImpossiblyFast"), failed);
  }

  @Test
  void catchesASolverThatIgnoresTheStartingWeights() {
    Set<String> failed = failedChecks(KitContracts.IgnoresStartContract.class);
    assertTrue(failed.contains("honoursEveryCallsOwnScheduleAndStartingWeights"), failed.toString());
    assertTrue(failed.contains("agreesWithTheFloat64Reference"), failed.toString());
    assertTrue(failed.contains("zeroEpochsReturnTheStartingWeights"), failed.toString());
  }

  @Test
  void catchesASolverOneEpochShort() {
    Set<String> failed = failedChecks(KitContracts.OneEpochShortContract.class);
    assertTrue(failed.contains("reachesTheArticlesResult"), failed.toString());
    assertTrue(failed.contains("agreesWithTheFloat64Reference"), failed.toString());
  }

  @Test
  void catchesASolverThatLeaksMemory() {
    Set<String> failed = failedChecks(KitContracts.LeakyContract.class);
    assertEquals(Set.of("cyclesWithoutGrowingMemoryOrThreads"), failed);
    KitSolvers.Leaky.KEPT.clear();
  }

  @Test
  void catchesASolverThatLeaksThreads() {
    Set<String> failed = failedChecks(KitContracts.ThreadLeakingContract.class);
    assertEquals(Set.of("cyclesWithoutGrowingMemoryOrThreads"), failed);
  }

  @Test
  void catchesAFloat32SolverOutsideTolerance() {
    Set<String> failed = failedChecks(KitContracts.SloppyFloat32Contract.class);
    assertTrue(failed.contains("reachesTheArticlesResult"), failed.toString());
    assertTrue(failed.contains("agreesWithTheFloat64Reference"), failed.toString());
  }
}
