package dev.descent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.app.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompareTest {

  private static String report(String solver, double... samples) {
    return report(solver, "OK", samples);
  }

  private static String report(String solver, String status, double... samples) {
    return "{\"results\":[" + row(solver, status, samples) + "]}";
  }

  private static String row(String solver, String status, double... samples) {
    StringBuilder values = new StringBuilder();
    for (double sample : samples) {
      values.append(values.length() == 0 ? "" : ",").append(sample);
    }
    return "{\"solver\":\"" + solver + "\",\"precision\":\"f64\",\"status\":\"" + status
        + "\",\"samples\":[" + values + "]}";
  }

  /**
   * A solver that gets faster by giving wrong answers, that fails, hangs, becomes unavailable or
   * disappears has regressed: with --fail-on-slowdown the comparison fails and says why; a FAIL
   * row's fast times are never compared as timings.
   */
  @ParameterizedTest
  @ValueSource(strings = {"FAIL", "FAILED", "TIMEOUT", "UNAVAILABLE"})
  void aSolverThatStopsBeingOkIsARegression(String status, @TempDir Path dir) throws IOException {
    Path old = Files.writeString(dir.resolve("old.json"), report("simd", 10, 11, 10.5, 10.2, 10.8));
    Path now = Files.writeString(dir.resolve("new.json"), report("simd", status, 1, 1.1, 1, 1, 1));
    Run run = Run.of("compare", old.toString(), now.toString(), "--fail-on-slowdown", "10%");
    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.out().contains("regression: simd f64 was OK, now " + status), run.out());
    assertFalse(run.out().contains("faster"), run.out());

    Run report = Run.of("compare", old.toString(), now.toString());
    assertEquals(0, report.exitCode(), "without --fail-on-slowdown it only reports");
    assertTrue(report.out().contains("REGRESSION: was OK, now " + status), report.out());
  }

  @Test
  void aSolverThatDisappearsIsARegression(@TempDir Path dir) throws IOException {
    Path old = Files.writeString(dir.resolve("old.json"), "{\"results\":[" + row("simd", "OK", 1, 2)
        + "," + row("scalar", "OK", 5, 6) + "]}");
    Path now = Files.writeString(dir.resolve("new.json"), report("scalar", 5, 6));
    Run run = Run.of("compare", old.toString(), now.toString(), "--fail-on-slowdown", "10%");
    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.out().contains("regression: simd f64 was OK, now missing"), run.out());
  }

  @Test
  void aSignificantSlowdownBeyondTheThresholdFails(@TempDir Path dir) throws IOException {
    Path old = Files.writeString(dir.resolve("old.json"), report("simd", 10, 11, 10.5, 10.2, 10.8));
    Path slower = Files.writeString(dir.resolve("new.json"),
        report("simd", 13, 13.5, 13.2, 12.9, 13.1));
    Run run = Run.of("compare", old.toString(), slower.toString(),
        "--fail-on-slowdown", "10%");
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("slower beyond 10%"), run.out());
    assertTrue(run.out().contains("0.0079"), "exact p = 2/252: " + run.out());

    Run lenient = Run.of("compare", old.toString(), slower.toString(),
        "--fail-on-slowdown", "50%");
    assertEquals(0, lenient.exitCode(), lenient.out());
  }

  @Test
  void overlappingSamplesAreNoSignificantChange(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.json"), report("scalar", 10, 12, 11, 13, 10.5));
    Path b = Files.writeString(dir.resolve("b.json"), report("scalar", 11, 10.2, 12.5, 11.5, 13));
    Run run = Run.of("compare", a.toString(), b.toString(),
        "--fail-on-slowdown", "1%");
    assertEquals(0, run.exitCode(), run.out());
    assertTrue(run.out().contains("no significant change"), run.out());
  }

  @Test
  void aFileThatIsNoReportIsNamed(@TempDir Path dir) throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.json"), "[1,2]");
    Run run = Run.of("compare", junk.toString(), junk.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("is not a report of 'descent race --format json'"), run.err());
  }
}
