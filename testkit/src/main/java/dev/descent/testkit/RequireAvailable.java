package dev.descent.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.descent.api.Availability;
import org.junit.jupiter.api.Assumptions;

/**
 * The kit's switch, {@code DESCENT_REQUIRE_AVAILABLE=true|1} (system property or environment):
 * where it is set, an unavailable solver fails the kit's tests instead of skipping them.
 */
final class RequireAvailable {
  static final String SWITCH = "DESCENT_REQUIRE_AVAILABLE";

  private RequireAvailable() {}

  static boolean isSet() {
    String flag = System.getProperty(SWITCH, System.getenv().getOrDefault(SWITCH, "false"));
    return flag.equals("1") || flag.equalsIgnoreCase("true");
  }

  /**
   * Lets the test go on when the solver is available; otherwise fails it when {@code required},
   * else skips it, either way naming the solver and why it is unavailable.
   */
  static void assume(String id, Availability availability, boolean required) {
    if (availability.available()) {
      return;
    }
    if (required) {
      fail(id + " must be available here but is " + availability);
    }
    Assumptions.abort(id + " is " + availability);
  }
}
