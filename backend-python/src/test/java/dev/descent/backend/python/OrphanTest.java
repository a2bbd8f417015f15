package dev.descent.backend.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Solvers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JVM killed with SIGKILL never runs {@code close()}; its Python workers must go anyway. An
 * idle worker sees its stdin reach end of file; a busy one, deep in a descent, is not reading
 * stdin and must notice that its parent changed.
 */
@EnabledOnOs(OS.LINUX)
class OrphanTest {

  @ParameterizedTest
  @ValueSource(strings = {"idle", "busy"})
  void aKilledJvmLeavesNoPythonWorkerBehind(String mode) throws Exception {
    Assumptions.assumeTrue(
        Solvers.load().byId("python.numpy").availability().available() || RequireAvailable.isSet());
    Process jvm = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        OrphanParent.class.getName(), "python.numpy", mode)
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader output = new BufferedReader(
          new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      for (String line = output.readLine(); !"ready".equals(line); line = output.readLine()) {
        assertTrue(line != null, "the JVM to kill ended before it was ready:\n" + seen);
        seen.append(line).append('\n');
      }
      List<Long> workers = workersOf(jvm.pid());
      assertEquals(1, workers.size(), "one Python worker with the marker, a child of the JVM");

      jvm.destroyForcibly(); // SIGKILL: no close(), no shutdown hooks
      assertTrue(jvm.waitFor(10, TimeUnit.SECONDS));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (running(workers.get(0)) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(!running(workers.get(0)), "worker " + workers.get(0) + " of the killed JVM "
          + jvm.pid() + " is still running 10 s later (" + mode + ")");
      assertEquals(List.of(), workersOf(jvm.pid()), "no process left with the JVM's marker");
    } finally {
      jvm.destroyForcibly();
      // A failed check must not leave its own orphan behind for the next test to trip over.
      for (long worker : workersOf(jvm.pid())) {
        ProcessHandle.of(worker).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** Processes whose command line carries the marker and this parent's pid. */
  private static List<Long> workersOf(long parent) throws IOException {
    String marker = PythonRuntime.MARKER + "\0--parent=" + parent + "\0";
    List<Long> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String commandLine = new String(
              Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8);
          if (commandLine.contains(marker) && running(Long.parseLong(name))) {
            found.add(Long.parseLong(name));
          }
        } catch (IOException gone) {
          // The process ended while we looked.
        }
      }
    }
    return found;
  }

  /** Exists and is not a zombie (a dead process its new parent has not reaped yet). */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      return !state.equals("Z") && !state.equals("X");
    } catch (IOException | RuntimeException gone) {
      return false;
    }
  }
}
