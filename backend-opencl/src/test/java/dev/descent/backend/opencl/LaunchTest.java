package dev.descent.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Launch;
import dev.descent.api.Solvers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The JVM options and environment a forked JVM gets. */
class LaunchTest {

  @AfterEach
  void clearSwitches() {
    System.clearProperty(OpenclOptions.FAST_MATH);
  }

  @Test
  void forksGetTheKernelCacheThePoclDeviceAndNativeAccess() {
    Launch launch = Solvers.load().byId("opencl.resident").launch();
    assertTrue(launch.jvmOptions().contains("--enable-native-access=ALL-UNNAMED"),
        launch.toString());
    if (System.getenv("POCL_CACHE_DIR") == null) {
      Path cache = Path.of(launch.environment().get("POCL_CACHE_DIR"));
      assertTrue(cache.endsWith(Path.of("descent", "pocl")), cache.toString());
      assertTrue(cache.isAbsolute(), cache.toString());
    }
    if (System.getenv("POCL_DEVICES") == null) {
      assertEquals("basic", launch.environment().get("POCL_DEVICES"));
    }
    if (System.getenv("POCL_EXTRA_BUILD_FLAGS") == null) {
      assertFalse(launch.environment().containsKey("POCL_EXTRA_BUILD_FLAGS"),
          "fast-math is off unless asked for");
    }
  }

  @Test
  void fastMathIsAnExplicitChoiceThatTravelsToTheFork() {
    System.setProperty(OpenclOptions.FAST_MATH, "true");
    Launch launch = Solvers.load().byId("opencl.steps").launch();
    assertTrue(launch.jvmOptions().contains("-Ddescent.opencl.fastMath=true"), launch.toString());
    if (System.getenv("POCL_EXTRA_BUILD_FLAGS") == null) {
      assertEquals("-cl-fast-relaxed-math", launch.environment().get("POCL_EXTRA_BUILD_FLAGS"));
    }
  }

  @Test
  void fastMathAskedForInProcessIsReportedAsNotInEffect() {
    Target target = Platform.get().target().orElse(null);
    RequireOpencl.assume(target != null && target.isPocl(),
        "no PoCL device here: " + Platform.get().availability());
    Assumptions.assumeFalse(OpenclOptions.fastMathInEffect(),
        "fast-math is in effect: this JVM started with POCL_EXTRA_BUILD_FLAGS set");
    System.setProperty(OpenclOptions.FAST_MATH, "true");
    assertTrue(target.description().contains("fast-math requested but not in effect"),
        target.description());
    System.clearProperty(OpenclOptions.FAST_MATH);
    assertFalse(target.description().contains("fast-math"), target.description());
  }
}
