package dev.descent.app.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.Stopwatch;
import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class SolverRunTest {

  @Test
  void warmupSettlesWhenTheLastThreeCallsAgreeWithinFivePercent() {
    Stopwatch clock = Stopwatch.createStarted();
    assertTrue(!SolverRun.settled(List.of(0.5, 0.2, 0.1), clock, 20));
    assertTrue(!SolverRun.settled(List.of(0.1, 0.1), clock, 20));
    assertTrue(SolverRun.settled(List.of(0.5, 0.2, 0.100, 0.102, 0.104), clock, 20));
    assertTrue(!SolverRun.settled(List.of(0.5, 0.2, 0.100, 0.102, 0.110), clock, 20));
    assertTrue(SolverRun.settled(List.of(0.5, 0.2), clock, 1e-9), "the budget ends warm-up");
  }

  /** A float64 solver whose every call is {@code call}, with nothing to prepare. */
  private static Solver solver(String id, BiFunction<Dataset, Schedule, Fit> call) {
    return solver(id, OptionalDouble.empty(), call);
  }

  /** The same, estimating every call at {@code estimate} seconds. */
  private static Solver solver(String id, OptionalDouble estimate,
      BiFunction<Dataset, Schedule, Fit> call) {
    return new Solver() {
      @Override
      public OptionalDouble estimatedSeconds(long samples, int features, int epochs,
          Precision precision) {
        return estimate;
      }

      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return "a test double: " + id;
      }

      @Override
      public Availability availability() {
        return Availability.available("this test");
      }

      @Override
      public Set<Precision> precisions() {
        return EnumSet.of(Precision.FLOAT64);
      }

      @Override
      public Workspace prepare(Dataset data, Precision precision) {
        return new Workspace() {
          @Override
          public Fit descend(Schedule schedule) {
            return call.apply(data, schedule);
          }

          @Override
          public String device() {
            return "this test";
          }

          @Override
          public void close() {}
        };
      }
    };
  }

  /** A solver whose every call takes about {@code millis}: the weights are the start. */
  private static Solver sleeping(long millis) {
    return sleeping(millis, OptionalDouble.empty());
  }

  private static Solver sleeping(long millis, OptionalDouble estimate) {
    return solver("sleeps", estimate, (data, schedule) -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Fit.of(schedule.initialWeights(data.weightCount()));
    });
  }

  private static Measurement measure(int repeat, double budgetSeconds) {
    RaceSettings settings = RaceSettings.inProcess(List.of(Precision.FLOAT64), repeat, 1,
        List.of("sleeps")).withTimeBudget(budgetSeconds);
    return SolverRun.measure(sleeping(40), Precision.FLOAT64,
        Problem.of(DataRecipe.generated(10, 1, 1, 0.1), Schedule.of(0.1, 1)), settings, s -> {});
  }

  /**
   * JMH's measurement time: the timed calls stop once the budget is spent, but never before
   * three; a budget longer than --repeat calls leaves --repeat.
   */
  @Test
  void theTimeBudgetStopsTheTimedCallsButNeverBeforeThree() {
    assertEquals(3, measure(20, 0.001).seconds().size());
    assertEquals(2, measure(2, 0.001).seconds().size(), "never more than --repeat");
    assertEquals(5, measure(5, 60).seconds().size());
    int budgeted = measure(50, 0.4).seconds().size();
    assertTrue(budgeted >= 3 && budgeted < 50, budgeted + " calls for 0.4 s of 40 ms calls");
  }

  /**
   * --trace is not timed: every warm-up and timed call runs untraced, and the loss curve comes
   * from one more call, the only traced one (the old race timed the traced schedule itself).
   */
  @Test
  void theTraceComesFromOneExtraUntimedCall() {
    List<Integer> traceIntervals = new ArrayList<>();
    Solver recording = solver("records", (data, schedule) -> {
      traceIntervals.add(schedule.traceInterval());
      return new Fit(schedule.initialWeights(data.weightCount()),
          new double[schedule.traceLength()]);
    });
    RaceSettings settings = RaceSettings.inProcess(List.of(Precision.FLOAT64), 4, 2,
        List.of("records"));
    Measurement measured = SolverRun.measure(recording, Precision.FLOAT64,
        Problem.of(DataRecipe.generated(10, 1, 1, 0.1), Schedule.of(0.1, 20).tracedEvery(5)),
        settings, step -> {});
    assertEquals(List.of(0, 0, 0, 0, 0, 0, 5), traceIntervals);
    assertEquals(4, measured.seconds().size());
    assertEquals(5, measured.losses().length);
    assertEquals(2, measured.judged().size(), "the traced call's weights are judged too");
  }

  private static Measurement measure(Solver solver, int warmup, int repeat, double budget) {
    RaceSettings settings = RaceSettings.inProcess(List.of(Precision.FLOAT64), repeat, warmup,
        List.of(solver.id())).withTimeBudget(budget);
    return SolverRun.measure(solver, Precision.FLOAT64,
        Problem.of(DataRecipe.generated(10, 1, 1, 0.1), Schedule.of(0.1, 1)), settings, s -> {});
  }

  /**
   * A solver that estimates its one call at more than the time budget gets no warm-up call under
   * auto warm-up (which would have had room for that one call only): call 1, which does take at
   * least the budget, is timed; still never fewer than three timed calls. Without an estimate,
   * with an estimate under the budget, or with a fixed --warmup, the warm-up is as before.
   */
  @Test
  void aCallLongerThanTheBudgetIsTimedWithoutAWarmupCall() {
    OptionalDouble longCall = OptionalDouble.of(1e9);
    Measurement timedFirst = measure(sleeping(40, longCall), RaceSettings.AUTO_WARMUP, 10, 0.03);
    assertEquals(List.of(), timedFirst.warmupSeconds());
    assertEquals(3, timedFirst.seconds().size());
    assertTrue(timedFirst.seconds().get(0) >= 0.03, "call 1 took the budget: it is timed");

    assertEquals(1, measure(sleeping(40), RaceSettings.AUTO_WARMUP, 10, 0.03)
        .warmupSeconds().size(), "no estimate: one warm-up call, as the budget allows");
    assertEquals(1, measure(sleeping(40, OptionalDouble.of(0.001)), RaceSettings.AUTO_WARMUP,
        10, 0.03).warmupSeconds().size(), "an estimate under the budget: a warm-up call");
    Measurement fixed = measure(sleeping(40, longCall), 2, 3, 0.03);
    assertEquals(2, fixed.warmupSeconds().size(), "--warmup 2 is obeyed");
    assertEquals(3, fixed.seconds().size());
  }

  /**
   * An estimate the call does not bear out (it takes less than the budget) skips nothing: call 1
   * becomes a warm-up call and auto warm-up goes on until the times settle.
   */
  @Test
  void aCallShorterThanItsEstimateIsAWarmupCallAfterAll() {
    Measurement measured = measure(sleeping(1, OptionalDouble.of(1e9)), RaceSettings.AUTO_WARMUP,
        4, 60);
    assertTrue(measured.warmupSeconds().size() >= SolverRun.SETTLE_WINDOW,
        measured.warmupSeconds() + ": auto warm-up went on after call 1");
    assertEquals(4, measured.seconds().size());
  }

  /**
   * A timed call 1 is still the call every later call must match bit for bit: a solver whose
   * second call gives other weights is caught; one that repeats itself is not.
   */
  @Test
  void aTimedFirstCallIsJudgedLikeEveryOther() {
    int[] calls = {0};
    Solver drifting = solver("drifts", OptionalDouble.of(1e9), (data, schedule) -> {
      sleepMillis(40);
      double[] weights = schedule.initialWeights(data.weightCount());
      weights[0] += calls[0]++ == 0 ? 0 : 1e-12;
      return Fit.of(weights);
    });
    Measurement caught = measure(drifting, RaceSettings.AUTO_WARMUP, 10, 0.03);
    assertEquals(List.of(), caught.warmupSeconds());
    assertTrue(caught.unrepeatable().startsWith("call 2 gave"), caught.unrepeatable());
    Measurement steady = measure(sleeping(40, OptionalDouble.of(1e9)), RaceSettings.AUTO_WARMUP,
        10, 0.03);
    assertEquals("", steady.unrepeatable());
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
