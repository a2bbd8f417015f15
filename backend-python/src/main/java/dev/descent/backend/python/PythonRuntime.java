package dev.descent.backend.python;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Which CPython runs the worker, how it is started, and what it has: the interpreter's and
 * NumPy's versions and NumPy's BLAS, probed once per interpreter and remembered.
 */
final class PythonRuntime {

  /** Names the interpreter: a path or a command on the PATH. */
  static final String INTERPRETER_VARIABLE = "DESCENT_PYTHON";

  /** The first argument of every worker, so that its processes can be told apart in /proc. */
  static final String MARKER = "descent-backend-python";

  static final String INSTALL_HINT = "install CPython 3 and NumPy (apt-get install "
      + "python3-numpy), or set " + INTERPRETER_VARIABLE + " to a python3 that has NumPy";

  /** A cold first import of NumPy on a loaded machine takes seconds; a hung one, forever. */
  private static final long PROBE_TIMEOUT_SECONDS = 60;

  private static final String SCRIPT_RESOURCE = "descent_worker.py";
  private static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();
  private static volatile String script;

  private PythonRuntime() {}

  /**
   * What a probe found: the interpreter ({@code "CPython 3.11.2"}) and NumPy with its BLAS
   * ({@code "CPython 3.11.2, NumPy 1.24.2, OpenBLAS 0.3.21 (Haswell, 2 threads)"}), or why not.
   *
   * @param python the interpreter's description; empty when it could not be run
   * @param numpy the interpreter, NumPy and BLAS; empty when NumPy could not be imported
   * @param failure why the interpreter or NumPy is unusable; empty when both work
   */
  record Probe(String python, String numpy, String failure) {
    boolean hasPython() {
      return !python.isEmpty();
    }

    boolean hasNumpy() {
      return !numpy.isEmpty();
    }
  }

  /**
   * The system property {@value #INTERPRETER_VARIABLE}, else the environment variable of that
   * name, else python3 on the PATH.
   */
  static String configuredInterpreter() {
    return interpreter(System.getProperty(INTERPRETER_VARIABLE), System.getenv());
  }

  static String interpreter(String property, Map<String, String> environment) {
    if (property != null && !property.isBlank()) {
      return property;
    }
    String variable = environment.get(INTERPRETER_VARIABLE);
    return variable == null || variable.isBlank() ? "python3" : variable;
  }

  /** The probe of this interpreter, run on first use; never throws. */
  static Probe probe(String interpreter) {
    return PROBES.computeIfAbsent(interpreter, PythonRuntime::runProbe);
  }

  private static Probe runProbe(String interpreter) {
    Process process;
    try {
      process = new ProcessBuilder(command(interpreter, "--probe"))
          .redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
    } catch (IOException | RuntimeException e) {
      return new Probe("", "", "cannot run Python '" + interpreter + "': " + e.getMessage());
    }
    try {
      process.getOutputStream().close();
      String output = readAll(process.getInputStream());
      if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        return new Probe("", "", "'" + interpreter + "' did not answer within "
            + PROBE_TIMEOUT_SECONDS + " s");
      }
      return parseProbe(interpreter, process.exitValue(), output);
    } catch (IOException | RuntimeException e) {
      return new Probe("", "", "probing '" + interpreter + "' failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe("", "", "probing '" + interpreter + "' was interrupted");
    } finally {
      process.destroyForcibly();
    }
  }

  static Probe parseProbe(String interpreter, int exitStatus, String output) {
    String python = "";
    String numpy = "";
    String numpyError = "";
    for (String line : output.split("\n")) {
      if (line.startsWith("python=")) {
        python = line.substring("python=".length()).trim();
      } else if (line.startsWith("numpy=")) {
        numpy = line.substring("numpy=".length()).trim();
      } else if (line.startsWith("numpy-error=")) {
        numpyError = line.substring("numpy-error=".length()).trim();
      }
    }
    if (exitStatus != 0 || python.isEmpty()) {
      return new Probe("", "", "'" + interpreter + "' is not a working CPython 3 (exit status "
          + exitStatus + "): " + lastLine(output));
    }
    if (numpy.isEmpty()) {
      return new Probe(python, "", "NumPy cannot be imported by " + python + " ('" + interpreter
          + "'): " + (numpyError.isEmpty() ? lastLine(output) : numpyError));
    }
    return new Probe(python, numpy, "");
  }

  private static String lastLine(String output) {
    String trimmed = output.strip();
    if (trimmed.isEmpty()) {
      return "no output";
    }
    return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
  }

  private static String readAll(InputStream input) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    input.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * {@code INTERPRETER -c SCRIPT descent-backend-python --parent=PID ARGS}: the script travels
   * on the command line, so nothing is written to disk and nothing is left to clean up, and the
   * marker and the JVM's pid make the process findable in /proc.
   */
  static List<String> command(String interpreter, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(interpreter);
    command.add("-c");
    command.add(script());
    command.add(MARKER);
    command.add("--parent=" + ProcessHandle.current().pid());
    command.addAll(List.of(arguments));
    return command;
  }

  /** The worker script, read from this jar once. */
  static String script() {
    String text = script;
    if (text == null) {
      try (InputStream input = PythonRuntime.class.getResourceAsStream(SCRIPT_RESOURCE)) {
        if (input == null) {
          throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the jar");
        }
        text = readAll(input);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      script = text;
    }
    return text;
  }
}
