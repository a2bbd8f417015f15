package dev.descent.app.race;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.Stopwatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolverRunTest {

  @Test
  void warmupSettlesWhenTheLastThreeCallsAgreeWithinFivePercent() {
    Stopwatch clock = Stopwatch.createStarted();
    assertTrue(!SolverRun.settled(List.of(0.5, 0.2, 0.1), clock));
    assertTrue(!SolverRun.settled(List.of(0.1, 0.1), clock));
    assertTrue(SolverRun.settled(List.of(0.5, 0.2, 0.100, 0.102, 0.104), clock));
    assertTrue(!SolverRun.settled(List.of(0.5, 0.2, 0.100, 0.102, 0.110), clock));
  }
}
