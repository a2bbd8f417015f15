package dev.descent.api;

import java.util.Objects;

/**
 * Whether a solver can run here, and if not, why and how to fix it.
 *
 * @param available true when {@link Solver#prepare} is expected to work
 * @param device where it will run, e.g. {@code "Java 17 HotSpot, scalar"}; empty when
 *     unavailable
 * @param reason why it cannot run, e.g. {@code "no OpenCL platform"}; empty when available
 * @param hint what the user can do about it, e.g. {@code "install pocl-opencl-icd"}; may be
 *     empty
 */
public record Availability(boolean available, String device, String reason, String hint) {

  /** Rejects nulls and an unavailable one without a reason. */
  public Availability {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(hint, "hint");
    if (!available && reason.isBlank()) {
      throw new IllegalArgumentException("an unavailable solver must say why (reason is blank)");
    }
  }

  /** Can run on {@code device}. */
  public static Availability available(String device) {
    return new Availability(true, device, "", "");
  }

  /** Cannot run, because of {@code reason}; {@code hint} says what fixes it. */
  public static Availability unavailable(String reason, String hint) {
    return new Availability(false, "", reason, hint == null ? "" : hint);
  }

  /** Cannot run, with the reason taken from a failure (its class and message). */
  public static Availability unavailable(Throwable cause, String hint) {
    String message = cause.getMessage();
    String reason = cause.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
    return unavailable(reason, hint);
  }

  /** "available on DEVICE" or "unavailable: REASON (HINT)". */
  @Override
  public String toString() {
    if (available) {
      return "available on " + device;
    }
    return "unavailable: " + reason + (hint.isEmpty() ? "" : " (" + hint + ")");
  }
}
