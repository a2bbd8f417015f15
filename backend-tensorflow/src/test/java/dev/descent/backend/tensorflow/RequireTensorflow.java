package dev.descent.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.fail;

import dev.descent.api.Availability;
import dev.descent.api.Solver;
import org.junit.jupiter.api.Assumptions;

/**
 * CI's switch, the test kit's: with {@code DESCENT_REQUIRE_AVAILABLE=1} (or {@code true}) in the
 * environment or as a system property, a TensorFlow solver that is unavailable fails the tests
 * that need it instead of skipping them, so that no test passes in CI by not running.
 */
final class RequireTensorflow {
  static final String SWITCH = "DESCENT_REQUIRE_AVAILABLE";

  private RequireTensorflow() {}

  static boolean required() {
    String flag = System.getProperty(SWITCH, System.getenv().getOrDefault(SWITCH, "false"));
    return flag.equals("1") || flag.equalsIgnoreCase("true");
  }

  /**
   * Lets the test go on when the solver is available; otherwise skips it with the solver's
   * reason, or fails with that reason when TensorFlow is required here.
   */
  static void assumeAvailable(Solver solver) {
    Availability availability = solver.availability();
    if (availability.available()) {
      return;
    }
    String missing = solver.id() + " is " + availability;
    if (required()) {
      fail(SWITCH + " is set, so TensorFlow must be here, but " + missing);
    }
    Assumptions.abort(missing);
  }
}
