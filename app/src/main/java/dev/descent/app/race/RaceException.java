package dev.descent.app.race;

/**
 * The race cannot go on, through no bug of its own: the JVM that computes the reference answers
 * died or ran out of memory. Reported as one line, never a stack trace.
 */
public class RaceException extends RuntimeException {
  public RaceException(String message) {
    super(message);
  }

  public RaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
