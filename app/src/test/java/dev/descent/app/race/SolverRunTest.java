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
    return new Solver() {
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
    return solver("sleeps", (data, schedule) -> {
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
}
