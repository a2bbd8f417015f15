package dev.descent.app.fork;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A started solver JVM, watched: its protocol lines queued for the race, the last lines of
 * everything else kept for a failure's report, and how it ended told in words.
 */
final class ForkProcess implements AutoCloseable {

  /** Lines of the fork's own output kept for the report of a failure. */
  private static final int TAIL_LINES = 12;
  /** Queued after the last protocol line: the fork closed its standard output. */
  static final String END_OF_OUTPUT = "\u0000end";

  private final Process process;
  private final Path errorFile;
  private final PrintStream verboseOutput;
  private final Deque<String> tail = new ArrayDeque<>();
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final Thread stdout;
  private final Thread stderr;

  /**
   * @param errorFile the {@code -XX:ErrorFile} pattern the JVM was given
   * @param verboseOutput where the fork's own output is copied as it comes, or null
   */
  ForkProcess(Process process, Path errorFile, PrintStream verboseOutput) {
    this.process = process;
    this.errorFile = errorFile;
    this.verboseOutput = verboseOutput;
    this.stdout = drain(process.getInputStream(), "stdout", line -> {
      if (line.startsWith(ForkProtocol.MARKER)) {
        messages.add(line.substring(ForkProtocol.MARKER.length()));
      } else {
        remember(line);
      }
    }, () -> messages.add(END_OF_OUTPUT));
    this.stderr = drain(process.getErrorStream(), "stderr", this::remember, () -> {});
  }

  /** The next protocol message, {@link #END_OF_OUTPUT}, or null after {@code seconds}. */
  String next(double seconds) throws InterruptedException {
    return messages.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
  }

  /** How the fork ended: its exit status, the signal of a native crash, the crash log. */
  String death() throws InterruptedException {
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      return "the JVM closed its output without a result and did not exit";
    }
    int status = process.exitValue();
    Path crashLog = Path.of(errorFile.toString().replace("%p", Long.toString(process.pid())));
    if (Files.exists(crashLog)) {
      return "the JVM crashed (" + crashSummary(crashLog) + ", exit status " + status
          + "); crash log " + crashLog;
    }
    if (status > 128) {
      return "the JVM was killed by signal " + (status - 128) + " (exit status " + status + ")";
    }
    return "the JVM exited with status " + status + " before reporting a result"
        + (status == 0 ? "" : " (System.exit?)");
  }

  /** "; last output:" and the kept lines, or nothing when the fork said nothing. */
  String lastLines() {
    synchronized (tail) {
      if (tail.isEmpty()) {
        return "";
      }
      return "; last output:\n    " + String.join("\n    ", tail);
    }
  }

  /** Kills the fork and everything it started. */
  void kill() {
    kill(process);
  }

  static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  @Override
  public void close() {
    kill();
    join(stdout);
    join(stderr);
  }

  /** The "SIGSEGV (0xb) at pc=…" line of a HotSpot crash log. */
  private static String crashSummary(Path crashLog) {
    try (var lines = Files.lines(crashLog)) {
      return lines.filter(line -> line.startsWith("#  SIG") || line.contains("SIGSEGV")
              || line.contains("SIGBUS") || line.contains("SIGILL"))
          .map(line -> line.replaceFirst("^#\\s*", "").trim())
          .findFirst().orElse("see the crash log");
    } catch (IOException | RuntimeException e) {
      return "crash log unreadable";
    }
  }

  private void remember(String line) {
    if (verboseOutput != null) {
      verboseOutput.println(line);
    }
    synchronized (tail) {
      tail.addLast(line);
      while (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
    }
  }

  private static Thread drain(InputStream stream, String name, Consumer<String> lines,
      Runnable atEnd) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          lines.accept(line);
        }
      } catch (IOException e) {
        // The fork was killed: its streams end here.
      } finally {
        atEnd.run();
      }
    }, "descent-fork-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void join(Thread thread) {
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
