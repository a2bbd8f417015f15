package dev.descent.backend.opencl;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Aparapi quiet and its hands off the application's logging.
 *
 * <p>When {@code com.aparapi.Config} initialises it sets the level of every handler of the root
 * {@code java.util.logging} logger to WARNING (or {@code -Dcom.aparapi.logLevel}), which would
 * hide the INFO records of everything else in the JVM. This class loads {@code Config} itself,
 * puts the handlers' levels back, and — unless {@code descent.verbose} is "true" — turns
 * Aparapi's own logger (named {@code com.aparapi.logLevel}) off, which also stops the stack traces
 * it prints when it abandons a device.
 *
 * <p>It cannot silence the native "untested OpenCL platform" line: Aparapi's JNI library writes it
 * to the process's stderr with {@code fprintf}, once per JVM, when it lists the platforms.
 */
final class AparapiLogging {

  /** Aparapi's logger; held so that LogManager's weak reference keeps our level. */
  private static Logger aparapi;

  private AparapiLogging() {}

  /** Loads Aparapi's Config with the root handlers' levels preserved; idempotent. */
  static synchronized void configure() {
    if (aparapi != null) {
      return;
    }
    Handler[] handlers = Logger.getLogger("").getHandlers();
    Level[] levels = new Level[handlers.length];
    for (int i = 0; i < handlers.length; i++) {
      levels[i] = handlers[i].getLevel();
    }
    try {
      Class.forName("com.aparapi.Config", true, AparapiLogging.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new NoClassDefFoundError("com.aparapi.Config: " + e.getMessage());
    } finally {
      for (int i = 0; i < handlers.length; i++) {
        handlers[i].setLevel(levels[i]);
      }
    }
    aparapi = Logger.getLogger(com.aparapi.Config.getLoggerName());
    if (!OpenclOptions.verbose()) {
      aparapi.setLevel(Level.OFF);
    }
  }
}
