// Generated from src/main/templates/dev/descent/backend/scalar/X-FusedWorkspace.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.scalar;

import dev.descent.api.Dataset;
import java.util.Arrays;

/**
 * {@code scalar} in float32: one pass per epoch computes each error and adds it into the
 * gradient sums at once, writing no arrays. Four samples go to four independent sets of
 * accumulators, so consecutive additions do not wait on each other (an add takes about four
 * cycles of latency but one of throughput).
 * The samples go in blocks of {@link #BLOCK}, each block's accumulators added into double totals
 * (see {@link F32SampleWorkspace}).
 */
final class FusedF32Workspace extends F32SampleWorkspace {
  private static final int LANES = 4;
  private final float[][] partial;
  private final float[] g;
  private final double[] totals;

  FusedF32Workspace(Dataset data) {
    super(data, ScalarFamilySolver.device("fused loop, 4 accumulators",
        "f32, sums in f32 blocks of " + BLOCK + " into f64"));
    partial = new float[LANES][weightCount];
    g = new float[weightCount];
    totals = new double[weightCount];
  }

  @Override
  protected void epoch(double learningRate) {
    float mu = (float) learningRate;
    if (weightCount == 2) {
      gradientOneFeature();
    } else {
      gradient();
    }
    for (int j = 0; j < weightCount; j++) {
      w[j] += mu * (f * g[j]);
    }
  }

  /** The article's shape, p = 1, with every accumulator in a register. */
  private void gradientOneFeature() {
    float[] x1 = x[1];
    float w0 = w[0];
    float w1 = w[1];
    double total0 = 0;
    double total1 = 0;
    for (int start = 0; start < samples; start += BLOCK) {
      int end = Math.min(samples, start + BLOCK);
      float a0 = 0, b0 = 0, c0 = 0, d0 = 0;
      float a1 = 0, b1 = 0, c1 = 0, d1 = 0;
      int i = start;
      for (; i + LANES <= end; i += LANES) {
        float ea = d[i] - (w0 + w1 * x1[i]);
        float eb = d[i + 1] - (w0 + w1 * x1[i + 1]);
        float ec = d[i + 2] - (w0 + w1 * x1[i + 2]);
        float ed = d[i + 3] - (w0 + w1 * x1[i + 3]);
        a0 += ea;
        b0 += eb;
        c0 += ec;
        d0 += ed;
        a1 += ea * x1[i];
        b1 += eb * x1[i + 1];
        c1 += ec * x1[i + 2];
        d1 += ed * x1[i + 3];
      }
      for (; i < end; i++) {
        float e = d[i] - (w0 + w1 * x1[i]);
        a0 += e;
        a1 += e * x1[i];
      }
      total0 += (a0 + b0) + (c0 + d0);
      total1 += (a1 + b1) + (c1 + d1);
    }
    g[0] = (float) total0;
    g[1] = (float) total1;
  }

  /** Any p: four samples at a time, each into its own row of partial sums. */
  private void gradient() {
    Arrays.fill(totals, 0);
    for (int start = 0; start < samples; start += BLOCK) {
      int end = Math.min(samples, start + BLOCK);
      for (float[] row : partial) {
        Arrays.fill(row, 0);
      }
      int i = start;
      for (; i + LANES <= end; i += LANES) {
        for (int lane = 0; lane < LANES; lane++) {
          accumulate(partial[lane], i + lane);
        }
      }
      for (; i < end; i++) {
        accumulate(partial[0], i);
      }
      for (int j = 0; j < weightCount; j++) {
        totals[j] += (partial[0][j] + partial[1][j]) + (partial[2][j] + partial[3][j]);
      }
    }
    for (int j = 0; j < weightCount; j++) {
      g[j] = (float) totals[j];
    }
  }

  private void accumulate(float[] sums, int i) {
    float e = d[i] - predict(i);
    sums[0] += e;
    for (int j = 1; j < weightCount; j++) {
      sums[j] += e * x[j][i];
    }
  }

  private float predict(int i) {
    float y = w[0];
    for (int j = 1; j < weightCount; j++) {
      y += w[j] * x[j][i];
    }
    return y;
  }

  @Override
  protected double loss() {
    double total = 0;
    for (int start = 0; start < samples; start += BLOCK) {
      int end = Math.min(samples, start + BLOCK);
      float squares = 0;
      for (int i = start; i < end; i++) {
        float e = d[i] - predict(i);
        squares += e * e;
      }
      total += squares;
    }
    return (float) total / samples;
  }
}
