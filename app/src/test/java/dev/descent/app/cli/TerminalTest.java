package dev.descent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.app.race.Progress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress line goes to standard error only when a person watches it there. */
class TerminalTest {

  @Test
  void redirectedStandardErrorGetsNoProgress() {
    // Surefire runs the tests with standard error redirected to a pipe.
    assertFalse(Terminal.stderrIsTerminal());
    assertSame(Progress.SILENT, TerminalProgress.forStandardError(true));
    assertSame(Progress.SILENT, TerminalProgress.forStandardError(false));
  }

  @Test
  void terminalDevicesAreToldFromFilesAndPipes() {
    assertTrue(Terminal.isTerminalDevice("/dev/pts/3"));
    assertTrue(Terminal.isTerminalDevice("/dev/tty1"));
    assertFalse(Terminal.isTerminalDevice("pipe:[12345]"));
    assertFalse(Terminal.isTerminalDevice("/tmp/race.log"));
    assertFalse(Terminal.isTerminalDevice("/dev/null"));
  }

  /** In a pseudo-terminal made by script(1): a terminal; with 2> a file: none, on this JDK. */
  @Test
  void aRealTerminalIsRecognised() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) is not installed");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String probe = java + " -cp " + System.getProperty("java.class.path") + " "
        + "'" + TerminalProbe.class.getName() + "'";
    assertEquals("terminal=true", inPseudoTerminal(probe));
    assertEquals("terminal=false", inPseudoTerminal(probe + " 2>/dev/null"));
  }

  private static String inPseudoTerminal(String command) throws Exception {
    Process process = new ProcessBuilder(List.of("/usr/bin/script", "-qec", command,
        "/dev/null")).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return out.lines().filter(line -> line.startsWith("terminal=")).findFirst()
        .orElse(out).trim();
  }

  /** Prints what {@link Terminal} sees, on standard output (which script keeps a terminal). */
  public static final class TerminalProbe {
    public static void main(String[] args) {
      System.out.println("terminal=" + Terminal.stderrIsTerminal());
    }
  }
}
