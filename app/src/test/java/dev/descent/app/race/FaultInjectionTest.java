package dev.descent.app.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.descent.app.Run;
import dev.descent.app.cli.ExitCode;
import dev.descent.app.faults.FaultySolver;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One race with a good solver and one plug-in of each kind of fault: every fault gets the row it
 * should, the good solver still finishes, the report is still written, and the exit code says
 * something failed.
 */
class FaultInjectionTest {

  @TempDir
  static Path plugins;

  /** A plug-in folder holding the fault classes and a services file naming them. */
  @BeforeAll
  static void buildFaultPlugin() throws IOException, URISyntaxException {
    Path classes = Path.of(FaultySolver.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Path folder = Files.createDirectories(plugins.resolve("faults"));
    Path packageFolder = Path.of("dev", "descent", "app", "faults");
    Files.createDirectories(folder.resolve(packageFolder));
    try (Stream<Path> files = Files.list(classes.resolve(packageFolder))) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(packageFolder).resolve(file.getFileName()));
      }
    }
    Path services = Files.createDirectories(folder.resolve("META-INF/services"));
    Files.writeString(services.resolve("dev.descent.api.Solver"), String.join("\n",
        FaultySolver.ThrowsInPrepare.class.getName(),
        FaultySolver.Hangs.class.getName(),
        FaultySolver.Exits.class.getName(),
        FaultySolver.CrashesNatively.class.getName(),
        FaultySolver.WrongWeights.class.getName(),
        FaultySolver.SkipsOnAlternateCalls.class.getName(),
        FaultySolver.SkipsInOneFork.class.getName(),
        FaultySolver.ConstructorThrows.class.getName()) + "\n");
  }

  @Test
  void everyFaultIsReportedAndTheGoodSolverFinishes(@TempDir Path out) throws IOException {
    Path report = out.resolve("race.json");
    Run run = Run.of("race", "--plugins", plugins.toString(),
        "--solvers", "fault.throws,fault.hangs,scalar,fault.exits,fault.crashes,fault.wrong",
        "--precision", "f64,f32", "--n", "500", "--epochs", "50", "--repeat", "2",
        "--warmup", "1", "--timeout", "8", "--format", "json", "--output", report.toString());

    assertEquals(ExitCode.FAILED, run.exitCode(), run.out() + run.err());
    JsonObject root = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
    Map<String, JsonObject> rows = new HashMap<>();
    for (JsonElement element : root.getAsJsonArray("results")) {
      JsonObject row = element.getAsJsonObject();
      rows.put(row.get("solver").getAsString() + " " + row.get("precision").getAsString(), row);
    }
    assertEquals(12, rows.size(), rows.keySet().toString());

    assertRow(rows, "scalar f64", "OK", "");
    assertRow(rows, "scalar f32", "OK", "");
    assertRow(rows, "fault.throws f64", "FAILED", "IllegalStateException: device lost while preparing");
    assertRow(rows, "fault.throws f32", "FAILED", "device lost while preparing");
    assertRow(rows, "fault.hangs f64", "TIMEOUT", "no result within --timeout 8 s");
    assertRow(rows, "fault.hangs f32", "FAILED", "not run: the fork was killed after a timeout");
    assertRow(rows, "fault.exits f64", "FAILED", "exited with status 3");
    assertRow(rows, "fault.exits f64", "FAILED", "fault.exits: giving up");
    assertRow(rows, "fault.exits f32", "FAILED", "not run");
    assertRow(rows, "fault.crashes f64", "FAILED", "crashed (SIGSEGV");
    assertRow(rows, "fault.crashes f64", "FAILED", "crash log");
    assertRow(rows, "fault.crashes f32", "FAILED", "not run");
    assertRow(rows, "fault.wrong f64", "FAIL", "wrong result");
    assertRow(rows, "fault.wrong f32", "FAIL", "wrong result");

    String failures = root.getAsJsonArray("loadFailures").toString();
    assertTrue(failures.contains("ConstructorThrows") && failures.contains("no libfault"), failures);
    assertTrue(run.out().contains("not loaded: "), "the table names the provider that failed");
  }

  /**
   * Solvers that do the work on some calls only, or in some launches only: the race judges every
   * call of every launch, so neither gets an OK row (with the last call's or last launch's
   * weights, the old race called both OK).
   */
  @Test
  void lazinessOnSomeCallsOrInOneForkFails(@TempDir Path out) throws IOException {
    Path report = out.resolve("race.json");
    Run run = Run.of("race", "--plugins", plugins.toString(),
        "--solvers", "fault.alternate,fault.onefork,scalar", "--precision", "f64",
        "--n", "300", "--epochs", "40", "--repeat", "3", "--warmup", "1", "--fork", "2",
        "--jvm-arg=-D" + FaultySolver.SkipsInOneFork.MARKER + "=" + out.resolve("marker"),
        "--format", "json", "--output", report.toString());

    assertEquals(ExitCode.FAILED, run.exitCode(), run.out() + run.err());
    JsonObject root = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
    Map<String, JsonObject> rows = new HashMap<>();
    for (JsonElement element : root.getAsJsonArray("results")) {
      JsonObject row = element.getAsJsonObject();
      rows.put(row.get("solver").getAsString() + " " + row.get("precision").getAsString(), row);
    }
    assertRow(rows, "scalar f64", "OK", "");
    assertRow(rows, "fault.alternate f64", "FAIL", "not repeatable: launch 1: call 2 gave");
    assertRow(rows, "fault.onefork f64", "FAIL", "wrong result");
    assertRow(rows, "fault.onefork f64", "FAIL", "in result 1 of 2");
  }

  private static void assertRow(Map<String, JsonObject> rows, String key, String status,
      String inMessage) {
    JsonObject row = rows.get(key);
    assertEquals(status, row.get("status").getAsString(), row.toString());
    assertTrue(row.get("message").getAsString().contains(inMessage),
        key + ": '" + inMessage + "' in " + row.get("message").getAsString());
  }

  @Test
  void listShowsThePluginsSolversAndTheBrokenProvider() {
    Run run = Run.of("list", "--plugins", plugins.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("fault.hangs"), run.out());
    assertTrue(run.out().contains("from plugins/faults"), run.out());
    assertTrue(run.out().contains("from class path"), run.out());
    assertTrue(run.out().contains("not loaded: dev.descent.app.faults.FaultySolver$ConstructorThrows"),
        run.out());
  }
}
