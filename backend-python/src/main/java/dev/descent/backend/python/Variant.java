package dev.descent.backend.python;

import dev.descent.api.Precision;
import java.util.EnumSet;
import java.util.Set;

/** Which of the worker's descents a solver runs; the codes are the worker script's. */
enum Variant {
  /**
   * The article's {@code py_descent} over Python lists. Python floats are doubles, so float64
   * only: float32 would need a rounding call per operation and would no longer be pure Python.
   */
  PURE(0, "py_descent over Python lists", false, EnumSet.of(Precision.FLOAT64)),
  /** The article's {@code np_descent}: one NumPy array operation per line. */
  NUMPY(1, "np_descent, NumPy array passes", true, EnumSet.allOf(Precision.class)),
  /** XᵀX and Xᵀd once in NumPy, then O(p²) per epoch. */
  GRAM(2, "Gram statistics in NumPy, O(p^2) per epoch", true, EnumSet.allOf(Precision.class));

  final int code;
  final String shape;
  final boolean needsNumpy;
  private final Set<Precision> precisions;

  Variant(int code, String shape, boolean needsNumpy, Set<Precision> precisions) {
    this.code = code;
    this.shape = shape;
    this.needsNumpy = needsNumpy;
    this.precisions = precisions;
  }

  Set<Precision> precisions() {
    return EnumSet.copyOf(precisions);
  }
}
