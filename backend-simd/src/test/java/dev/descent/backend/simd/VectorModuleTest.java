package dev.descent.backend.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Availability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the solvers say when the JVM was started without the incubator module. */
class VectorModuleTest {

  @Test
  void aLayerWithoutTheModuleMeansUnavailableWithTheFlag() {
    Availability availability = VectorModule.availability(ModuleLayer.empty());
    assertFalse(availability.available());
    assertEquals("the Vector API module jdk.incubator.vector is not loaded",
        availability.reason());
    assertEquals("start the JVM with --add-modules jdk.incubator.vector", availability.hint());
  }

  @Test
  void theBootLayerOfTheTestsHasIt() {
    assertTrue(VectorModule.availability().available(), VectorModule.availability().toString());
  }

  /**
   * A real JVM without {@code --add-modules}: both solvers load through ServiceLoader, report
   * unavailable with the reason and the hint, and prepare refuses with IllegalStateException —
   * no NoClassDefFoundError anywhere.
   */
  @Test
  void aJvmStartedWithoutTheFlagListsBothAsUnavailable()
      throws IOException, InterruptedException {
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", classPath,
        NoVectorModuleProbe.class.getName());
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe did not finish: " + output);
    assertEquals(0, process.exitValue(), output);
    assertFalse(output.contains("NoClassDefFoundError"), output);
    assertTrue(output.contains("failures: []"), output);
    for (String id : List.of("simd", "simd.parallel")) {
      assertTrue(output.contains(id + " | false | "
          + "the Vector API module jdk.incubator.vector is not loaded | "
          + "start the JVM with --add-modules jdk.incubator.vector | "
          + "prepare: IllegalStateException: " + id + " is unavailable: "), output);
    }
  }
}
