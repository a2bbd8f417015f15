package dev.descent.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Availability;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the solvers say in JVMs started the way only a fork can be: without any OpenCL platform
 * (an empty {@code OCL_ICD_VENDORS} directory hides every ICD from the loader), with and without
 * the fallback flag, and with fast-math in the environment.
 */
class ForkedJvmTest {

  @TempDir
  Path noVendors;

  @Test
  void withoutOpenclEveryOneIsUnavailableWithTheFix() throws Exception {
    String output = probe(Map.of("OCL_ICD_VENDORS", noVendors.toString()), List.of());
    for (String id : List.of("opencl.steps", "opencl.resident", "opencl.grid")) {
      assertTrue(output.contains(id + " | false | no OpenCL platform | "
          + "install pocl-opencl-icd or a GPU driver |  | "), output);
      assertTrue(output.contains("article " + id + ": IllegalStateException: " + id
          + " is unavailable: no OpenCL platform (install pocl-opencl-icd or a GPU driver)"),
          output);
    }
    assertFalse(output.contains("UnsatisfiedLinkError"), output);
    assertFalse(output.contains("NoClassDefFoundError"), output);
  }

  /** Aparapi stays out of the solvers' class initialisation: a missing jar is a reason. */
  @Test
  void withoutTheAparapiJarEveryOneIsUnavailableNotBroken() throws Exception {
    String output = probe(Map.of(), List.of(), "--without-aparapi");
    assertTrue(output.contains("failures: []"), output);
    for (String id : List.of("opencl.steps", "opencl.resident", "opencl.grid")) {
      assertTrue(output.contains(id + " | false | NoClassDefFoundError: com/aparapi/"), output);
      assertTrue(output.contains("put com.aparapi:aparapi:3.0.2 with aparapi-jni and bcel on the "
          + "class path"), output);
      assertTrue(output.contains("article " + id + ": IllegalStateException: "), output);
    }
  }

  @Test
  void theFallbackRunsOnlyWhenAskedForAndSaysSo() throws Exception {
    String output = probe(Map.of("OCL_ICD_VENDORS", noVendors.toString()),
        List.of("-D" + OpenclOptions.ALLOW_FALLBACK + "=true"), "cycles");
    for (String id : List.of("opencl.steps", "opencl.resident", "opencl.grid")) {
      assertTrue(output.contains(id + " | true |  |  | Aparapi Java thread pool (no OpenCL) | "
          + "[FLOAT64, FLOAT32]"), output);
      assertTrue(output.contains("article " + id + ": deviation "), output);
      assertTrue(output.contains("| Aparapi Java thread pool (no OpenCL)\n"), output);
      double deviation = Double.parseDouble(after(output, "article " + id + ": deviation ")
          .split(" ")[0]);
      assertTrue(deviation <= 1e-9, id + " deviates " + deviation + "\n" + output);
    }
    String[] threads = after(output, "threads: ").split(" -> ");
    assertTrue(Integer.parseInt(threads[1].trim()) - Integer.parseInt(threads[0].trim()) <= 1,
        "Aparapi's Java pools must be shut down at close: " + output);
    assertTrue(output.contains("live kernels: 0"), output);
  }

  @Test
  void aparapiLeavesTheApplicationsLoggingAloneAndIsQuiet() throws Exception {
    String output = probe(Map.of("OCL_ICD_VENDORS", noVendors.toString()), List.of());
    assertTrue(output.contains("handler before: INFO"), output);
    assertTrue(output.contains("handler after: INFO"), output);
    assertTrue(output.contains("aparapi logger: OFF"), output);
    assertFalse(output.contains("SEVERE"), output);
  }

  @Test
  void verboseKeepsAparapisLogger() throws Exception {
    String output = probe(Map.of("OCL_ICD_VENDORS", noVendors.toString()),
        List.of("-D" + OpenclOptions.VERBOSE + "=true"));
    assertTrue(output.contains("handler after: INFO"), output);
    assertFalse(output.contains("aparapi logger: OFF"), output);
  }

  /** Needs a real PoCL device: fast-math is a PoCL build flag read at start-up. */
  @Test
  void fastMathInTheEnvironmentIsReported() throws Exception {
    Availability inProcess = Platform.get().availability();
    RequireOpencl.assume(inProcess.device().startsWith("PoCL "),
        "no PoCL device here: " + inProcess);
    String output = probe(Map.of("POCL_EXTRA_BUILD_FLAGS", OpenclOptions.FAST_MATH_FLAG),
        List.of());
    assertTrue(output.contains("(fp64, fast-math)"), output);
    assertTrue(output.contains("article opencl.resident: deviation "), output);
  }

  private static String after(String output, String marker) {
    int start = output.indexOf(marker);
    assertTrue(start >= 0, "no '" + marker + "' in\n" + output);
    int end = output.indexOf('\n', start);
    return output.substring(start + marker.length(), end < 0 ? output.length() : end);
  }

  /** Runs {@link OpenclProbe} in a fresh JVM with this environment and these options. */
  private static String probe(Map<String, String> environment, List<String> options,
      String... args) throws IOException, InterruptedException {
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    if (List.of(args).contains("--without-aparapi")) {
      classPath = Arrays.stream(classPath.split(File.pathSeparator))
          .filter(entry -> !entry.contains("aparapi"))
          .collect(Collectors.joining(File.pathSeparator));
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(options);
    command.add("-cp");
    command.add(classPath);
    command.add(OpenclProbe.class.getName());
    command.addAll(List.of(args));
    command.remove("--without-aparapi");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().putAll(environment);
    Path output = Files.createTempFile("opencl-probe", ".txt");
    builder.redirectOutput(output.toFile());
    try {
      Process process = builder.start();
      boolean finished = process.waitFor(120, TimeUnit.SECONDS);
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (!finished) {
        process.destroyForcibly();
      }
      assertTrue(finished, "probe did not finish:\n" + text);
      assertEquals(0, process.exitValue(), text);
      return text;
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
