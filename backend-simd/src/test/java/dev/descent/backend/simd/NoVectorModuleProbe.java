package dev.descent.backend.simd;

import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Solvers;
import dev.descent.reference.Datasets;

/**
 * Run by {@link VectorModuleTest} in a JVM started without {@code --add-modules}: prints what
 * each solver says, one line each, and whatever prepare throws.
 */
public final class NoVectorModuleProbe {

  private NoVectorModuleProbe() {}

  /** Prints "id | available | reason | hint | prepare: Exception: message" per solver. */
  public static void main(String[] args) {
    Solvers solvers = Solvers.load();
    System.out.println("failures: " + solvers.failures());
    for (String id : new String[] {"simd", "simd.parallel"}) {
      Solver solver = solvers.byId(id);
      var availability = solver.availability();
      String prepared;
      try {
        solver.prepare(Datasets.synthetic(10, 1, 1, 0.1, null), Precision.FLOAT64).close();
        prepared = "ok";
      } catch (Throwable e) {
        prepared = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      System.out.println(id + " | " + availability.available() + " | " + availability.reason()
          + " | " + availability.hint() + " | prepare: " + prepared);
    }
  }
}
