package dev.descent.backend.python;

import dev.descent.api.Precision;
import java.util.OptionalDouble;

/**
 * {@code python.pure}: the article's {@code py_descent}, loops over Python lists in a CPython
 * process. Slow by design, as in the article (18.65 s there for its problem).
 */
public final class PythonPureSolver extends PythonSolver {

  /** For ServiceLoader: the interpreter from {@code DESCENT_PYTHON}, else python3. */
  public PythonPureSolver() {
    this(PythonRuntime.configuredInterpreter());
  }

  /** With this interpreter (a path, or a command on the PATH). */
  PythonPureSolver(String interpreter) {
    super(Variant.PURE, interpreter);
  }

  @Override
  public String id() {
    return "python.pure";
  }

  @Override
  public String description() {
    return "the article's py_descent in pure CPython: loops over lists of Python floats, "
        + "float64 only";
  }

  /**
   * About 150 ns per sample, feature and epoch in CPython (measured here at the article's size:
   * 12 to 27 s a call on a loaded 2-core machine), so the race leaves it out of a default race
   * whose one call would take minutes, and makes no warm-up call when one call outlasts the
   * race's time budget (an interpreter has no JIT to warm).
   */
  @Override
  public OptionalDouble estimatedSeconds(long samples, int features, int epochs,
      Precision precision) {
    return OptionalDouble.of(150e-9 * samples * (features + 1) * epochs);
  }
}
