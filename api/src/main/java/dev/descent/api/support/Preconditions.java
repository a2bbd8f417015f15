package dev.descent.api.support;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Solver;

/** The checks every {@link Solver#prepare} starts with, with one wording for every backend. */
public final class Preconditions {
  private Preconditions() {}

  /**
   * Checks what {@link Solver#prepare} promises to reject.
   *
   * @throws IllegalArgumentException when data or precision is null, or the solver does not
   *     offer the precision (naming it and the ones it offers)
   * @throws IllegalStateException when the solver is unavailable, with its reason and fix
   */
  public static void checkPrepare(Solver solver, Dataset data, Precision precision) {
    if (data == null) {
      throw new IllegalArgumentException("data = null: prepare needs a dataset");
    }
    if (precision == null) {
      throw new IllegalArgumentException("precision = null: use FLOAT64 or FLOAT32");
    }
    if (!solver.precisions().contains(precision)) {
      throw new IllegalArgumentException("precision = " + precision.shortName() + ": "
          + solver.id() + " offers " + shortNames(solver));
    }
    Availability availability = solver.availability();
    if (!availability.available()) {
      throw new IllegalStateException(solver.id() + " is " + availability);
    }
  }

  private static String shortNames(Solver solver) {
    StringBuilder names = new StringBuilder();
    for (Precision offered : solver.precisions()) {
      names.append(names.length() == 0 ? "" : ", ").append(offered.shortName());
    }
    return names.toString();
  }
}
