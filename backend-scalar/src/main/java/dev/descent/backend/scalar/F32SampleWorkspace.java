// Generated from src/main/templates/dev/descent/backend/scalar/X-SampleWorkspace.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.scalar;

import dev.descent.api.Dataset;
import dev.descent.api.support.EpochWorkspace;

/**
 * What the float32 sample loops ({@code scalar}, {@code scalar.numpy}) keep resident: the
 * targets {@code d}, the feature columns {@code x[1..p]} ({@code x[0]} stays null: the
 * intercept's column of ones is never stored), the weights {@code w} and {@code f = 2/N}.
 * The data are rounded to float once, here, and the weights at the start of every descent.
 */
abstract class F32SampleWorkspace extends EpochWorkspace {
  float[][] x;
  float[] d;
  final float[] w;
  final float f;
  private final String device;

  F32SampleWorkspace(Dataset data, String device) {
    super(data.samples(), data.weightCount());
    x = new float[weightCount][];
    for (int j = 1; j < weightCount; j++) {
      x[j] = resident(data.column(j - 1));
    }
    d = resident(data.targets());
    w = new float[weightCount];
    f = 2 / (float) samples;
    this.device = device;
  }

  /** A column as the loops read it: float64 keeps the dataset's, float32 rounds it once. */
  private static float[] resident(double[] column) {
    return toFloat(column);
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
