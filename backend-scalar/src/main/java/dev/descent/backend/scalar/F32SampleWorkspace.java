// Generated from src/main/templates/dev/descent/backend/scalar/X-SampleWorkspace.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.scalar;

import dev.descent.api.Dataset;
import dev.descent.api.support.EpochWorkspace;

/**
 * What the float32 sample loops ({@code scalar}, {@code scalar.numpy}) keep resident: the
 * targets {@code d}, the feature columns {@code x[1..p]} ({@code x[0]} stays null: the
 * intercept's column of ones is never stored), the weights {@code w} and {@code f = 2/N}.
 * The data are read as floats ({@link Dataset#columnAsFloats}, no float64 copy), and the weights
 * are rounded at the start of every descent.
 *
 * <p>Every float32 sum over the samples runs in blocks of {@link #BLOCK}: within a block in float,
 * in the loop's own accumulators, exactly as before; at the end of a block its float sum is added
 * into a double. One float accumulator over all N samples loses accuracy in proportion to N (1e-4
 * to 5e-2 from the float32 reference at N = 1e7); a block's sum loses a few units of float
 * rounding whatever N is, and the double total less than one more, since a double carries 29
 * bits more than a float and there are fewer than 2^21 blocks. A double rather than pairwise
 * float combining because it is simpler, as cheap (one conversion and one add per block, against
 * a block's thousand-odd cycles) and rounds to float once, at the end.
 */
abstract class F32SampleWorkspace extends EpochWorkspace {
  /** Samples per float block of a sum over the samples (see the class comment). */
  static final int BLOCK = 4096;

  float[][] x;
  float[] d;
  final float[] w;
  final float f;
  private final String device;

  F32SampleWorkspace(Dataset data, String device) {
    super(data.samples(), data.weightCount());
    x = new float[weightCount][];
    for (int j = 1; j < weightCount; j++) {
      x[j] = data.columnAsFloats(j - 1);
    }
    d = data.targetsAsFloats();
    w = new float[weightCount];
    f = 2 / (float) samples;
    this.device = device;
  }

  @Override
  protected void load(double[] weights) {
    for (int j = 0; j < weightCount; j++) {
      w[j] = (float) weights[j];
    }
  }

  @Override
  protected double[] weights() {
    return toDouble(w);
  }

  @Override
  protected String describe() {
    return device;
  }

  @Override
  protected void release() {
    x = null;
    d = null;
  }
}
