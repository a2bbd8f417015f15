package dev.descent.backend.python;

/**
 * {@code python.numpy}: the article's {@code np_descent}, in NumPy, in a CPython process —
 * the code the article timed, raced live beside the Java loops that imitate it.
 */
public final class PythonNumpySolver extends PythonSolver {

  /** For ServiceLoader: the interpreter from {@code DESCENT_PYTHON}, else python3. */
  public PythonNumpySolver() {
    this(PythonRuntime.configuredInterpreter());
  }

  /** With this interpreter (a path, or a command on the PATH). */
  PythonNumpySolver(String interpreter) {
    super(Variant.NUMPY, interpreter);
  }

  @Override
  public String id() {
    return "python.numpy";
  }

  @Override
  public String description() {
    return "the article's np_descent run by NumPy in CPython: one array operation per line, "
        + "each epoch";
  }
}
