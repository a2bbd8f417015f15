package dev.descent.backend.python;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Footprint;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.api.support.Preconditions;
import java.util.Set;

/**
 * What the three Python solvers share: the interpreter ({@code DESCENT_PYTHON}, else
 * {@code python3} on the PATH), availability from one cached probe of it, and a workspace that
 * is a CPython process of its own.
 */
abstract class PythonSolver implements Solver {
  private final Variant variant;
  private final String interpreter;

  PythonSolver(Variant variant, String interpreter) {
    this.variant = variant;
    this.interpreter = interpreter;
  }

  @Override
  public final Availability availability() {
    try {
      PythonRuntime.Probe probe = PythonRuntime.probe(interpreter);
      if (!probe.hasPython() || (variant.needsNumpy && !probe.hasNumpy())) {
        return Availability.unavailable(probe.failure(), PythonRuntime.INSTALL_HINT);
      }
      return Availability.available(
          variant.needsNumpy ? probe.numpy() : probe.python() + ", pure Python floats");
    } catch (RuntimeException e) {
      return Availability.unavailable(e, PythonRuntime.INSTALL_HINT);
    }
  }

  @Override
  public final Set<Precision> precisions() {
    return variant.precisions();
  }

  @Override
  public final Workspace prepare(Dataset data, Precision precision) {
    Preconditions.checkPrepare(this, data, precision);
    return new PythonWorkspace(id(), variant, interpreter, data, precision);
  }

  /**
   * The data on the heap while it is sent, and in the Python process (outside this JVM): NumPy
   * arrays of the data plus the y and err arrays, or, in pure Python, about 32 bytes per float
   * object and list slot; plus the interpreter itself.
   */
  @Override
  public Footprint footprint(long samples, int features, Precision precision) {
    long values = samples * (features + 1);
    long pythonBytes = variant == Variant.PURE ? (values + 2 * samples) * 32
        : (values + 2 * samples) * Footprint.bytes(precision);
    return new Footprint(values * Double.BYTES, pythonBytes + (64L << 20));
  }

  @Override
  public String toString() {
    return id();
  }
}
