package dev.descent.backend.opencl;

import dev.descent.api.Launch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The switches of this backend — system properties read when asked, so a test or the app can set
 * them late — and the environment a forked JVM should start with.
 *
 * <p>PoCL reads its variables once, when the OpenCL library initialises, so they only take effect
 * in a JVM that was started with them; {@link #launch()} is how the race's forked JVMs get them.
 */
final class OpenclOptions {

  /** "true" lets the solvers run in Aparapi's Java thread pool when there is no OpenCL. */
  static final String ALLOW_FALLBACK = "descent.allowFallback";

  /** "true" keeps Aparapi's and PoCL's console output. */
  static final String VERBOSE = "descent.verbose";

  /** "true" asks for -cl-fast-relaxed-math in forked JVMs (PoCL only). */
  static final String FAST_MATH = "descent.opencl.fastMath";

  /**
   * "true" or "false": whether {@code opencl.grid} keeps its data on the device between calls with
   * explicit buffers; unset (or "auto"), it does on GPUs and accelerators, not on CPUs.
   */
  static final String EXPLICIT_BUFFERS = "descent.opencl.explicitBuffers";

  /** The PoCL build option that fast-math means. */
  static final String FAST_MATH_FLAG = "-cl-fast-relaxed-math";

  private OpenclOptions() {}

  static boolean allowFallback() {
    return "true".equals(System.getProperty(ALLOW_FALLBACK));
  }

  static boolean verbose() {
    return "true".equals(System.getProperty(VERBOSE));
  }

  static boolean fastMathRequested() {
    return "true".equals(System.getProperty(FAST_MATH));
  }

  /**
   * Whether {@code opencl.grid} uses explicit buffers on this target: as {@link #EXPLICIT_BUFFERS}
   * says, by default on a GPU or accelerator; never in the Java fallback.
   */
  static boolean explicitBuffers(Target target) {
    String value = System.getProperty(EXPLICIT_BUFFERS, "auto");
    return target.isOpenCl() && (value.equals("true") || value.equals("auto") && target.isWide());
  }

  /** Whether PoCL in this JVM compiles with fast-math: only the environment decides that. */
  static boolean fastMathInEffect() {
    String flags = System.getenv("POCL_EXTRA_BUILD_FLAGS");
    return flags != null && flags.contains(FAST_MATH_FLAG);
  }

  /**
   * Where PoCL keeps compiled kernels for descent's forked JVMs: {@code
   * $XDG_CACHE_HOME/descent/pocl}, else {@code ~/.cache/descent/pocl}. PoCL creates it.
   */
  static Path kernelCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("descent").resolve("pocl");
  }

  /**
   * What a forked JVM needs: the PoCL variables (never overriding one the user has set), this
   * JVM's descent switches, and native access for Aparapi's JNI library (JDK 24+ warns without
   * it; JDK 17 accepts the flag).
   */
  static Launch launch() {
    Map<String, String> environment = new LinkedHashMap<>();
    putUnlessSet(environment, "POCL_CACHE_DIR", kernelCache().toString());
    // PoCL's single-threaded device launches a kernel several times faster (README); a
    // resident kernel is one work-group on one core either way. Never set it empty: PoCL
    // then offers no device at all.
    putUnlessSet(environment, "POCL_DEVICES", "basic");
    if (fastMathRequested()) {
      putUnlessSet(environment, "POCL_EXTRA_BUILD_FLAGS", FAST_MATH_FLAG);
    }
    List<String> options = new ArrayList<>();
    options.add("--enable-native-access=ALL-UNNAMED");
    for (String property : List.of(ALLOW_FALLBACK, VERBOSE, FAST_MATH, EXPLICIT_BUFFERS)) {
      String value = System.getProperty(property);
      if (value != null) {
        options.add("-D" + property + "=" + value);
      }
    }
    return new Launch(options, environment);
  }

  private static void putUnlessSet(Map<String, String> environment, String name, String value) {
    if (System.getenv(name) == null) {
      environment.put(name, value);
    }
  }
}
