package dev.descent.backend.python;

/**
 * {@code python.gram}: the sufficient-statistics algebra in NumPy, the counterpart of
 * {@code scalar.gram}: XᵀX and Xᵀd once at setup, then O(p²) per epoch. It changes the
 * algorithm's cost; its time is mostly the interpreter's per-operation overhead.
 */
public final class PythonGramSolver extends PythonSolver {

  /** For ServiceLoader: the interpreter from {@code DESCENT_PYTHON}, else python3. */
  public PythonGramSolver() {
    this(PythonRuntime.configuredInterpreter());
  }

  /** With this interpreter (a path, or a command on the PATH). */
  PythonGramSolver(String interpreter) {
    super(Variant.GRAM, interpreter);
  }

  @Override
  public String id() {
    return "python.gram";
  }

  @Override
  public String description() {
    return "changes the algorithm's cost: X^T X and X^T d once in NumPy, "
        + "then O(p^2) per epoch in CPython";
  }
}
