package dev.descent.backend.opencl;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * CI's switch: with {@code DESCENT_REQUIRE_OPENCL=1} (or {@code true}) in the environment or as a
 * system property, the OpenCL tests fail where OpenCL is missing instead of skipping, so that no
 * test passes in CI by not running.
 */
final class RequireOpencl {
  static final String SWITCH = "DESCENT_REQUIRE_OPENCL";

  private RequireOpencl() {}

  static boolean required() {
    String flag = System.getProperty(SWITCH, System.getenv().getOrDefault(SWITCH, "false"));
    return flag.equals("1") || flag.equalsIgnoreCase("true");
  }

  /**
   * Lets the test go on when {@code present}; otherwise skips it with {@code missing} as the
   * reason, or fails with it when OpenCL is required here.
   */
  static void assume(boolean present, String missing) {
    if (present) {
      return;
    }
    if (required()) {
      fail(SWITCH + " is set, so OpenCL must be here, but " + missing);
    }
    Assumptions.abort(missing);
  }
}
