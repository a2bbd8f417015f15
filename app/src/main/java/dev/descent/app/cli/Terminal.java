package dev.descent.app.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error reaches a person at a terminal, so that a progress line helps. */
final class Terminal {

  private Terminal() {}

  static boolean stderrIsTerminal() {
    Path stderr = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(stderr)) {
      try {
        return isTerminalDevice(Files.readSymbolicLink(stderr).toString());
      } catch (IOException | SecurityException e) {
        // Fall through to what the JDK can tell.
      }
    }
    return consoleIsTerminal();
  }

  /** A pseudo-terminal, a virtual console or the controlling terminal; not a file or a pipe. */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }

  /**
   * Without /proc: up to JDK 21 {@code System.console()} is null unless standard input and
   * output are terminals; from JDK 22 it is never null, and {@code Console.isTerminal()} (not in
   * JDK 17's API, hence reflection) says whether it really is one.
   */
  private static boolean consoleIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
