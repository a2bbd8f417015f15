package dev.descent.reference;

import dev.descent.api.Precision;

/**
 * How far a solver's weights may be from the reference trajectory of its own precision
 * ({@link ReferenceDescent#descend(dev.descent.api.Dataset, dev.descent.api.Schedule,
 * Precision)}), as a {@link Deviation#relative} deviation. Defined once, here, for the race's
 * verdicts and the test kit's checks alike.
 *
 * <p><b>float64</b>: {@value #FLOAT64}, for every N and p. Measured deviations of the landed
 * solvers are at most 2.7e-15 (about 24·2^-53); the bound is kept far looser because float64
 * backends sum in orders nobody controls (partitions, GPU reductions, running sums of 1e9 terms
 * whose error can reach 1e-7 in the worst case and stays near 1e-12 in practice), and it is
 * still 3 600 times smaller than what one epoch of the article's problem moves the weights
 * (3.67e-6).
 *
 * <p><b>float32</b>: {@code 2^-24 · (4 + 2·(p + 1) + log2 N)} — units of float32 rounding, one
 * term per place where an honest solver may round differently from the reference:
 *
 * <ul>
 *   <li>{@code 4}: the weights are themselves floats; two honest trajectories end a unit or two
 *       of rounding apart once one update rounds the other way (measured at large N: up to
 *       1.4 units);
 *   <li>{@code 2·(p + 1)}: the prediction {@code w0 + w1·x_i1 + … + wp·x_ip} sums p + 1 terms in
 *       an order the solver chooses (Gram statistics reorder it entirely, as {@code h − G·w}),
 *       and {@code e = d − y} cancels; measured up to 10.9 units at N = 1, p = 17;
 *   <li>{@code log2 N}: sums over the samples, blocked or pairwise as the float32 reference's
 *       are, lose about log2 N units; one running float sum over millions of terms loses far
 *       more and fails, as it should.
 * </ul>
 *
 * <p>At the article's problem (N = 10 000, p = 1) that is 21.3 units, 1.27e-6: sixteen times the
 * largest deviation measured there (8.1e-8, {@code scalar.gram}; the others match the float32
 * reference bit for bit) and 2.9 times smaller than one epoch's move (3.71e-6), so a float32
 * solver that skips one of the 10 000 epochs fails. At N = 1e9, p = 1 it is 2.3e-6.
 */
public final class Tolerances {

  /** The float64 tolerance, for every N and p. */
  public static final double FLOAT64 = 1e-9;

  /** One unit of float32 rounding, {@code 2^-24}. */
  public static final double FLOAT32_UNIT = 0x1p-24;

  private Tolerances() {}

  /**
   * The allowed relative deviation from the reference of the same precision for a problem of N
   * samples and {@code weightCount} = p + 1 weights.
   *
   * @throws IllegalArgumentException naming the value when precision is null, samples &lt; 1 or
   *     weightCount &lt; 1
   */
  public static double relative(Precision precision, long samples, int weightCount) {
    if (precision == null) {
      throw new IllegalArgumentException("precision = null: use FLOAT64 or FLOAT32");
    }
    if (samples < 1) {
      throw new IllegalArgumentException("samples = " + samples + ": must be >= 1");
    }
    if (weightCount < 1) {
      throw new IllegalArgumentException("weightCount = " + weightCount + ": must be >= 1");
    }
    if (precision == Precision.FLOAT64) {
      return FLOAT64;
    }
    return FLOAT32_UNIT * (4 + 2.0 * weightCount + Math.log(samples) / Math.log(2));
  }

  /**
   * {@link #relative(Precision, long, int)} for the article's shape, one feature (two weights).
   * Use the three-argument form for any other p: more features allow more.
   */
  public static double relative(Precision precision, long samples) {
    return relative(precision, samples, 2);
  }
}
