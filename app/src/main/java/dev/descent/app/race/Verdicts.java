package dev.descent.app.race;

import dev.descent.api.Precision;
import dev.descent.reference.Convergence;
import dev.descent.reference.Deviation;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The verdicts when the problem itself diverges. A diverging reference is no answer to agree
 * with: where it has overflowed, every solver "deviates Infinity" and would be reported as wrong
 * when the data, or the step size, is what is wrong. So the rows that ran become
 * {@link Status#DIVERGED} with the reason, and a solver is still judged against the reference on
 * the weights where the reference is finite: a wrong answer there stays {@link Status#FAIL}.
 */
final class Verdicts {

  private Verdicts() {}

  /** The entry as judged, or its divergence verdict when the reference diverged. */
  static RaceEntry ofDivergence(Convergence convergence, Problem problem,
      Map<Precision, double[]> references, RaceEntry judged) {
    if (!convergence.diverged() || !judged.ran()
        || judged.status() != Status.OK && judged.status() != Status.FAIL
        || judged.message().startsWith("not repeatable")) {
      return judged;
    }
    double[] reference = references.get(judged.precision());
    int[] finite = Arrays.stream(indices(reference.length))
        .filter(j -> Double.isFinite(reference[j])).toArray();
    double deviation = Double.NaN;
    Status status = Status.DIVERGED;
    String message = convergence.message();
    if (finite.length > 0) {
      double[] own = pick(judged.weights(), finite);
      deviation = Deviation.relative(own, pick(reference, finite));
      double tolerance = problem.tolerance(judged.precision());
      if (!(deviation <= tolerance)) {
        status = Status.FAIL;
        message = String.format(Locale.ROOT, "wrong result where the %s reference is finite: "
                + "%s deviates %.3g (tolerance %.3g); %s", judged.precision().shortName(),
            Arrays.toString(judged.weights()), deviation, tolerance, convergence.message());
      }
    }
    return new RaceEntry(judged.solver(), judged.description(), judged.origin(),
        judged.precision(), status, judged.device(), judged.setupSeconds(),
        judged.warmupSeconds(), judged.timings(), judged.weights(), judged.losses(), deviation,
        judged.float64Deviation(), judged.closedFormDeviation(), judged.launch(), message,
        judged.threads());
  }

  private static int[] indices(int count) {
    int[] indices = new int[count];
    Arrays.setAll(indices, j -> j);
    return indices;
  }

  private static double[] pick(double[] values, int[] chosen) {
    return Arrays.stream(chosen).mapToDouble(j -> values[j]).toArray();
  }
}
