package dev.descent.backend.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.reference.Datasets;
import dev.descent.reference.Deviation;
import dev.descent.reference.ReferenceDescent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** What the solvers say, and do, when Python or NumPy is missing. */
class PythonAvailabilityTest {

  @Test
  void theInterpreterComesFromThePropertyThenTheEnvironmentThenThePath() {
    assertEquals("/opt/py", PythonRuntime.interpreter("/opt/py", Map.of("DESCENT_PYTHON", "/x")));
    assertEquals("/x", PythonRuntime.interpreter(null, Map.of("DESCENT_PYTHON", "/x")));
    assertEquals("python3", PythonRuntime.interpreter(null, Map.of()));
    assertEquals("python3", PythonRuntime.interpreter(" ", Map.of("DESCENT_PYTHON", "")));
  }

  @Test
  void aMissingInterpreterMakesEverySolverUnavailableWithTheFix() {
    for (Solver solver : List.of(new PythonNumpySolver("/nonexistent"),
        new PythonPureSolver("/nonexistent"), new PythonGramSolver("/nonexistent"))) {
      Availability availability = solver.availability();
      assertFalse(availability.available(), solver.id());
      assertTrue(availability.reason().contains("/nonexistent"), availability.reason());
      assertTrue(availability.hint().contains("apt-get install python3-numpy"),
          availability.hint());
      assertTrue(availability.hint().contains("DESCENT_PYTHON"), availability.hint());
      assertEquals(availability, solver.availability(), "the probe is remembered");
      IllegalStateException error = assertThrows(IllegalStateException.class,
          () -> solver.prepare(Datasets.synthetic(10, 1, 1, 0.1, null), Precision.FLOAT64));
      assertTrue(error.getMessage().contains("unavailable"), error.getMessage());
    }
  }

  @Test
  void anInterpreterThatIsNotPythonIsUnavailable() {
    Availability availability = new PythonNumpySolver("false").availability();
    assertFalse(availability.available());
    assertTrue(availability.reason().contains("not a working CPython 3"), availability.reason());
  }

  /**
   * A real CPython whose {@code import numpy} fails: the wrapper blocks the module in
   * {@code sys.modules}, then runs the worker script exactly as it was handed over.
   */
  @Test
  @EnabledOnOs(OS.LINUX)
  void withoutNumpyOnlyThePurePythonSolverIsAvailable(@TempDir Path folder) throws IOException {
    Assumptions.assumeTrue(PythonRuntime.probe(PythonRuntime.configuredInterpreter()).hasPython()
        || RequireAvailable.isSet(), "no Python here");
    String interpreter = pythonWithoutNumpy(folder).toString();

    for (Solver solver : List.of(
        new PythonNumpySolver(interpreter), new PythonGramSolver(interpreter))) {
      Availability availability = solver.availability();
      assertFalse(availability.available(), solver.id() + " " + availability);
      assertTrue(availability.reason().contains("NumPy cannot be imported"), availability.reason());
      assertTrue(availability.reason().contains("ModuleNotFoundError"), availability.reason());
      assertTrue(availability.hint().contains("apt-get install python3-numpy"),
          availability.hint());
    }

    Solver pure = new PythonPureSolver(interpreter);
    assertTrue(pure.availability().available(), pure.availability().toString());
    assertTrue(pure.availability().device().contains("pure Python"), pure.availability().device());
    Dataset data = Datasets.synthetic(200, 2, 3, 0.2, null);
    Schedule schedule = Schedule.of(0.01, 50);
    try (Workspace workspace = pure.prepare(data, Precision.FLOAT64)) {
      Fit fit = workspace.descend(schedule);
      assertTrue(Deviation.relative(fit.weights(),
          ReferenceDescent.descend(data, schedule).weights()) <= 1e-12, fit.toString());
    }

    // Past the availability check, the worker itself reports the failed import on the wire.
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> new PythonWorkspace("python.numpy", Variant.NUMPY, interpreter, data,
            Precision.FLOAT64));
    assertTrue(error.getMessage().contains("prepare failed in Python: ModuleNotFoundError"),
        error.getMessage());
  }

  private static Path pythonWithoutNumpy(Path folder) throws IOException {
    String real = PythonRuntime.configuredInterpreter().replace("'", "'\\''");
    Path wrapper = folder.resolve("python3-without-numpy");
    Files.writeString(wrapper, String.join("\n",
        "#!/bin/sh",
        "# Called as: python3-without-numpy -c SCRIPT ARGS...",
        "shift",
        "exec '" + real + "' -c 'import sys",
        "sys.modules[\"numpy\"] = None",
        "code = sys.argv[1]",
        "sys.argv = [\"-c\"] + sys.argv[2:]",
        "exec(compile(code, \"<string>\", \"exec\"), {\"__name__\": \"__main__\"})' \"$@\"",
        ""));
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    return wrapper;
  }
}
