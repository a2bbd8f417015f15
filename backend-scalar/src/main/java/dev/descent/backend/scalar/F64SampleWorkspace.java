// Generated from src/main/templates/dev/descent/backend/scalar/X-SampleWorkspace.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.scalar;

import dev.descent.api.Dataset;
import dev.descent.api.support.EpochWorkspace;

/**
 * What the float64 sample loops ({@code scalar}, {@code scalar.numpy}) keep resident: the
 * targets {@code d}, the feature columns {@code x[1..p]} ({@code x[0]} stays null: the
 * intercept's column of ones is never stored), the weights {@code w} and {@code f = 2/N}.
 */
abstract class F64SampleWorkspace extends EpochWorkspace {
  double[][] x;
  double[] d;
  final double[] w;
  final double f;
  private final String device;

  F64SampleWorkspace(Dataset data, String device) {
    super(data.samples(), data.weightCount());
    x = new double[weightCount][];
    for (int j = 1; j < weightCount; j++) {
      x[j] = data.column(j - 1);
    }
    d = data.targets();
    w = new double[weightCount];
    f = 2 / (double) samples;
    this.device = device;
  }

  @Override
  protected void load(double[] weights) {
    System.arraycopy(weights, 0, w, 0, weightCount);
  }

  @Override
  protected double[] weights() {
    return w.clone();
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
