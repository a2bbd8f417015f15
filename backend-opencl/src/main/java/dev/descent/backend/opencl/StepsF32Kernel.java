// Generated from src/main/templates/dev/descent/backend/opencl/X-StepsKernel.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.opencl;

import com.aparapi.Kernel;
import dev.descent.api.Dataset;

/**
 * {@code opencl.steps} in float32: one launch is one epoch. Every work-item sums its samples
 * (every global-size-th one) into its column of local memory, and after a barrier the first m + 1
 * work-items of each group add up one row each into the group's slot of {@link #sums}; the host
 * adds the groups and updates the weights (see {@link #step}).
 */
final class StepsF32Kernel extends Kernel implements StepsProgram {
  /** The p feature columns, column-major: x[(j - 1) * n + i] is feature j of sample i. */
  float[] x;
  float[] d;
  float[] w;
  /** Out: per group, the m gradient sums and then the squared errors. */
  float[] sums;
  /** (m + 1) rows of one sum per work-item. */
  @Local float[] partial;
  int n;
  int m;
  /** 1 when the squared errors are wanted. */
  int trace;

  private final float f;
  private int groups;

  StepsF32Kernel(Dataset data) {
    n = data.samples();
    m = data.weightCount();
    x = new float[(m - 1) * n];
    for (int j = 1; j < m; j++) {
      double[] column = data.column(j - 1);
      for (int i = 0; i < n; i++) {
        x[(j - 1) * n + i] = (float) column[i];
      }
    }
    d = Precisions.toFloat(data.targets());
    w = new float[m];
    f = 2.0f / n;
  }

  @Override
  public void run() {
    int lid = getLocalId();
    int size = getLocalSize();
    int group = getGroupId();
    int stride = getGlobalSize();
    int rows = m + 1;
    for (int j = 0; j < rows; j++) {
      partial[j * size + lid] = 0f;
    }
    for (int i = getGlobalId(); i < n; i += stride) {
      float y = w[0];
      for (int j = 1; j < m; j++) {
        y += w[j] * x[(j - 1) * n + i];
      }
      float e = d[i] - y;
      partial[lid] += e;
      for (int j = 1; j < m; j++) {
        partial[j * size + lid] += e * x[(j - 1) * n + i];
      }
      if (trace == 1) {
        partial[m * size + lid] += e * e;
      }
    }
    localBarrier();
    for (int j = lid; j < rows; j += size) {
      float sum = 0f;
      for (int l = 0; l < size; l++) {
        sum += partial[j * size + l];
      }
      sums[group * rows + j] = sum;
    }
  }

  @Override
  public Kernel kernel() {
    return this;
  }

  @Override
  public long localBytes(int localSize) {
    return 4L * (m + 1) * localSize;
  }

  @Override
  public void size(int groupCount, int localSize) {
    groups = groupCount;
    partial = new float[(m + 1) * localSize];
    sums = new float[(m + 1) * groupCount];
  }

  @Override
  public void load(double[] weights) {
    for (int j = 0; j < m; j++) {
      w[j] = (float) weights[j];
    }
  }

  @Override
  public void trace(boolean traced) {
    trace = traced ? 1 : 0;
  }

  @Override
  public void step(double learningRate) {
    float mu = (float) learningRate;
    for (int j = 0; j < m; j++) {
      float g = 0f;
      for (int q = 0; q < groups; q++) {
        g += sums[q * (m + 1) + j];
      }
      w[j] += mu * (f * g);
    }
  }

  @Override
  public double loss() {
    float squares = 0f;
    for (int q = 0; q < groups; q++) {
      squares += sums[q * (m + 1) + m];
    }
    return squares / n;
  }

  @Override
  public double[] weights() {
    return Precisions.toDouble(w, m);
  }
}
