package dev.descent.backend.python;

/** The kit's DESCENT_REQUIRE_AVAILABLE, for this module's own tests: CI runs them all. */
final class RequireAvailable {
  private RequireAvailable() {}

  static boolean isSet() {
    String flag = System.getProperty("DESCENT_REQUIRE_AVAILABLE",
        System.getenv().getOrDefault("DESCENT_REQUIRE_AVAILABLE", "false"));
    return flag.equals("1") || flag.equalsIgnoreCase("true");
  }
}
