package dev.descent.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Workspace;
import dev.descent.reference.Datasets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The team's threads: started in prepare, parked when idle, gone after close. */
class SimdParallelThreadsTest {

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private static List<Thread> workers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("descent-simd-") && thread.isAlive())
        .collect(Collectors.toList());
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void closeStopsEveryWorker(Precision precision) {
    Dataset data = Datasets.synthetic(5_000, 2, 4, 0.2, null);
    assertEquals(List.of(), workers(), "no workers before prepare");
    Workspace workspace = new SimdParallelSolver(0).prepare(data, precision);
    assertEquals(CORES - 1, workers().size(), "one worker per core besides the caller");
    workspace.descend(Schedule.of(0.01, 50));
    workspace.close();
    assertEquals(List.of(), workers(), "workers still alive after close");
    workspace.close();
  }

  private static boolean allParked() {
    return workers().stream().allMatch(worker -> worker.getState() == Thread.State.WAITING);
  }

  @Test
  void belowTheThresholdNoThreadIsStarted() {
    try (Workspace workspace = new SimdParallelSolver(Long.MAX_VALUE)
        .prepare(Datasets.article(), Precision.FLOAT64)) {
      workspace.descend(Schedule.of(0.001, 10));
      assertEquals(List.of(), workers());
    }
  }

  @Test
  void workersThatParkedWakeForTheNextDescent() throws InterruptedException {
    Dataset data = Datasets.synthetic(3_001, 1, 8, 0.2, null);
    Schedule schedule = Schedule.of(0.01, 200);
    try (Workspace workspace = new SimdParallelSolver(0).prepare(data, Precision.FLOAT64)) {
      double[] first = workspace.descend(schedule).weights();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!allParked() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(allParked(), "idle workers should park after spinning "
          + Team.SPIN_NANOS / 1000 + " us: " + workers());
      assertArrayEquals(first, workspace.descend(schedule).weights());
    }
  }

  /**
   * Part 1 may run twice — its new worker, and the caller when the worker has not answered
   * within the grace — but part 0 once, and the failure reaches the caller either way.
   */
  @Test
  void aFailingPartIsReportedAndTheTeamStillCloses() {
    AtomicInteger[] calls = {new AtomicInteger(), new AtomicInteger()};
    Team team = new Team(2, (part, spare) -> {
      calls[part].incrementAndGet();
      if (part == 1) {
        throw new ArithmeticException("boom");
      }
    }, "descent-simd-test");
    IllegalStateException error = assertThrows(IllegalStateException.class, team::run);
    assertTrue(error.getMessage().contains("boom"), error.getMessage());
    assertEquals(1, calls[0].get(), "part 0");
    assertTrue(calls[1].get() >= 1, "part 1 never ran");
    team.close();
    assertEquals(List.of(), workers());
    assertThrows(IllegalStateException.class, team::run);
  }

  /**
   * A worker that is late — here it sleeps in every second epoch, as one does that lost its core
   * — costs the epoch a grace period, not its whole delay: the caller runs the part itself, so
   * some of part 1's runs happen on the caller's thread. Each part still counts once per epoch.
   */
  @Test
  void theCallerTakesOverFromALateWorker() {
    int epochs = 40;
    Thread caller = Thread.currentThread();
    AtomicInteger late = new AtomicInteger();
    AtomicInteger takenOver = new AtomicInteger();
    double[] sums = new double[2];
    double[] spareSums = new double[2];
    Team team = new Team(2, (part, spare) -> {
      if (part == 1 && Thread.currentThread() == caller) {
        takenOver.incrementAndGet();
      }
      if (part == 1 && !spare && Thread.currentThread().getName().endsWith("-1")
          && late.incrementAndGet() % 2 == 0) {
        sleepQuietly(50);
      }
      (spare ? spareSums : sums)[part] = part + 1;
    }, "descent-simd-test");
    for (int epoch = 0; epoch < epochs; epoch++) {
      sums[1] = 0;
      spareSums[1] = 0;
      team.run();
      double part1 = team.spared(1) ? spareSums[1] : sums[1];
      assertEquals(2.0, part1, "part 1 of epoch " + epoch);
    }
    team.close();
    assertTrue(takenOver.get() > 0, "the caller waited out the late worker every time");
  }

  /**
   * A worker that lost its core — here its part sleeps for its first attempts — loses its parts
   * to the caller and rests instead of spinning, but keeps looking and comes back to work once
   * it can keep up again (a worker that parked for good would make no attempt after its twelfth).
   * Each part still counts once per epoch throughout.
   */
  @Test
  void aWorkerThatRestedWorksAgainWhenItCanKeepUp() {
    Thread caller = Thread.currentThread();
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger byWorker = new AtomicInteger();
    double[] sums = new double[2];
    double[] spareSums = new double[2];
    Team team = new Team(2, (part, spare) -> {
      if (part == 0) {
        spinQuietly(20_000);
      } else if (Thread.currentThread() != caller) {
        if (attempts.incrementAndGet() <= 3 * Team.LOSSES_BEFORE_REST) {
          sleepQuietly(2);
        } else {
          byWorker.incrementAndGet();
        }
      }
      (spare ? spareSums : sums)[part] = part + 1;
    }, "descent-simd-test");
    try {
      for (int epoch = 0; epoch < 3000; epoch++) {
        sums[1] = 0;
        spareSums[1] = 0;
        team.run();
        assertEquals(2.0, team.spared(1) ? spareSums[1] : sums[1], "part 1 of epoch " + epoch);
      }
    } finally {
      team.close();
    }
    assertTrue(attempts.get() > 3 * Team.LOSSES_BEFORE_REST,
        "the worker never tried again after " + attempts.get() + " attempts");
    // How many parts the worker wins back depends on whether it has a core of its own, which a
    // shared machine cannot promise a test; that it tries and wins some, it can.
    assertTrue(byWorker.get() > 0, "the worker never ran a part once it could keep up");
  }

  private static void spinQuietly(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void slicesCoverTheSamplesOnStepBoundaries() {
    Plan plan = new Plan(3, "test");
    assertArrayEquals(new int[] {0, 0, 0, 5}, plan.bounds(5, 64));
    assertArrayEquals(new int[] {0, 320, 640, 1000}, plan.bounds(1000, 64));
    assertEquals(1, Plan.parallel(10_000, 2, 8, 2, 160_001).parts());
    assertEquals(2, Plan.parallel(10_000, 2, 8, 2, 160_000).parts());
    assertEquals(1, Plan.parallel(10_000, 2, 4, 2, 160_000).parts());
    assertEquals(1, Plan.parallel(1_000_000, 2, 8, 1, 0).parts());
    assertEquals(2, Plan.parallel(1_000_000, 2, 8, 2, SimdParallelSolver.THRESHOLD).parts());
  }
}
