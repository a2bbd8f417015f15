package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.descent.api.Solver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link Float32AtScaleTest} must pass a float32 solver that sums as the reference does and fail
 * one whose sums over the samples are a single running float sum: a check that cannot fail
 * protects nobody.
 */
class Float32AtScaleTestTest {

  /** The float32 reference itself behind the SPI. */
  static class HonestAtScale extends Float32AtScaleTest {
    @Override
    protected List<String> solverIds() {
      return List.of("kit.honest");
    }
  }

  /** One running float sum per gradient component, not registered as a service. */
  static class RunningFloatSumAtScale extends Float32AtScaleTest {
    @Override
    protected List<String> solverIds() {
      return List.of("kit.running-float-sum");
    }

    @Override
    protected Solver solver(String id) {
      return new KitSolvers.RunningFloatSum();
    }
  }

  private static Events run(Class<?> test) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(test)).execute()
        .testEvents();
  }

  @Test
  void passesASolverThatSumsAsTheReferenceDoes() {
    Events tests = run(HonestAtScale.class);
    assertEquals(0, tests.failed().count() + tests.aborted().count() + tests.skipped().count(),
        () -> tests.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": "
            + e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(String::valueOf).orElse("")).toList().toString());
    assertEquals(4, tests.succeeded().count(), "article and p = 3 at N = 1e6 and 1e7");
  }

  /**
   * A running float sum loses accuracy in proportion to N: at N = 1e7 its weights deviate
   * thousands of tolerances; at 1e6 its losses already do (4e-4 against 1.9e-6 on p = 3).
   */
  @Test
  void failsARunningFloatSumOnEveryProblem() {
    Events tests = run(RunningFloatSumAtScale.class);
    List<String> failed = tests.failed().stream()
        .map(e -> e.getTestDescriptor().getDisplayName()).toList();
    failed.forEach(name -> System.out.println("RunningFloatSumAtScale fails " + name));
    assertEquals(4, failed.size(), "a running float sum passed: failed only " + failed);
  }
}
