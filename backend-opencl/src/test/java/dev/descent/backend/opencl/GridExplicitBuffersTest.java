package dev.descent.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Availability;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code opencl.grid}'s explicit buffers — the GPU default — on PoCL, in a JVM of its own with a
 * small young generation, so that G1 moves the small arrays between calls: Aparapi's buffers
 * hold device copies, so a moved array must cost a re-created buffer, never a wrong result or a
 * crash (the README's crash #2 came from buffers on the arrays' old addresses).
 */
class GridExplicitBuffersTest {

  @Test
  void explicitBuffersSurviveArraysThatMove() throws Exception {
    Availability availability = Platform.get().availability();
    RequireOpencl.assume(availability.available() && Platform.get().target().orElseThrow()
        .isOpenCl(), "OpenCL is " + availability);
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:+UseG1GC", "-Xmx512m", "-Xmn8m",
        "-D" + OpenclOptions.EXPLICIT_BUFFERS + "=true", "-cp", classPath,
        GridExplicitProbe.class.getName());
    Path output = Files.createTempFile("grid-explicit", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      builder.environment().remove("JDK_JAVA_OPTIONS");
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      Process process = builder.start();
      boolean finished = process.waitFor(300, TimeUnit.SECONDS);
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (!finished) {
        process.destroyForcibly();
      }
      assertTrue(finished, "probe did not finish:\n" + text);
      assertEquals(0, process.exitValue(), text);
      assertTrue(text.contains("data kept on the device between calls (explicit buffers)"), text);
      assertTrue(text.contains("calls: 72, wrong: 0"), text);
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
