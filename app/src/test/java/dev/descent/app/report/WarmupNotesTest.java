package dev.descent.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Launch;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.app.machine.Environment;
import dev.descent.app.race.DataRecipe;
import dev.descent.app.race.Problem;
import dev.descent.app.race.RaceEntry;
import dev.descent.app.race.RaceReport;
import dev.descent.app.race.RaceSettings;
import dev.descent.app.race.References;
import dev.descent.app.race.Status;
import dev.descent.app.stats.Timings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The race's notes say when a row's call 1 was timed instead of warming up. */
class WarmupNotesTest {

  private static final Problem PROBLEM =
      Problem.of(DataRecipe.generated(50, 1, 3, 0.1), Schedule.of(0.1, 20));
  private static final References REFERENCES = References.compute(PROBLEM.data(),
      PROBLEM.schedule(), List.of(Precision.FLOAT64));

  private static List<String> notes(int warmup, List<Double> warmupSeconds) {
    RaceSettings settings = new RaceSettings(List.of(Precision.FLOAT64), 10, warmup,
        List.of(), 1, 60, "", 10);
    double[] weights = REFERENCES.weights().get(Precision.FLOAT64);
    RaceEntry entry = new RaceEntry("python.pure", "slow", "plugins/python", Precision.FLOAT64,
        Status.OK, "CPython", 0.2, warmupSeconds, new Timings(List.of(21.0, 20.0, 20.5)),
        weights, new double[0], 0, 0, 0, Launch.NONE, "", 1);
    RaceReport report = new RaceReport(Environment.current(), PROBLEM, settings,
        REFERENCES.weights(), REFERENCES.seconds(), REFERENCES.closedForm(),
        REFERENCES.closedFormError(), List.of(entry), List.of(), Optional.empty(),
        REFERENCES.convergence());
    return ReportRows.notes(report).stream().filter(n -> n.contains("no warm-up call")).toList();
  }

  @Test
  void aRowWhoseCallOneWasTimedSaysSo() {
    List<String> said = notes(RaceSettings.AUTO_WARMUP, List.of());
    assertEquals(1, said.size(), said.toString());
    assertTrue(said.get(0).startsWith("python.pure f64: no warm-up call") && said.get(0)
        .contains("call 1 took 21.0 s"), said.get(0));
  }

  @Test
  void aRowThatWarmedUpOrAFixedWarmupSaysNothing() {
    assertEquals(List.of(), notes(RaceSettings.AUTO_WARMUP, List.of(25.0)));
    assertEquals(List.of(), notes(0, List.of()), "--warmup 0 asked for no warm-up");
  }
}
