package dev.descent.backend.opencl;

/**
 * CI's switch: with {@code DESCENT_REQUIRE_OPENCL=1} (or {@code true}) in the environment or as a
 * system property, the OpenCL tests fail where OpenCL is missing instead of skipping.
 */
final class RequireOpencl {

  private RequireOpencl() {}

  static boolean required() {
    String flag = System.getProperty("DESCENT_REQUIRE_OPENCL",
        System.getenv().getOrDefault("DESCENT_REQUIRE_OPENCL", "false"));
    return flag.equals("1") || flag.equalsIgnoreCase("true");
  }
}
