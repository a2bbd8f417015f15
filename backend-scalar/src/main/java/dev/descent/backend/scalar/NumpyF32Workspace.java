// Generated from src/main/templates/dev/descent/backend/scalar/X-NumpyWorkspace.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.scalar;

import dev.descent.api.Dataset;

/**
 * {@code scalar.numpy} in float32: the article's {@code np_descent}, one whole-array operation
 * per line, each its own pass over memory, as NumPy executes it:
 *
 * <pre>
 *   np.subtract(d, y, out=err)
 *   grad[:] = f * np.sum(err), f * (err @ x)
 *   w = w + mu * grad
 *   y = w[0] + w[1] * x
 * </pre>
 *
 * <p>{@code err} and {@code y} are stored every epoch. For p &gt; 1 the gradient takes one dot
 * product per column and {@code y} one multiply-add pass per column, as {@code X @ w} broadcast
 * column by column would.
 *
 * <p>{@code np.sum} and {@code @} here sum in blocks of {@link #BLOCK}, one float accumulator
 * each, the blocks' sums added into a double (see {@link F32SampleWorkspace}); NumPy's own
 * float32 {@code np.sum} is pairwise, for the same reason.
 */
final class NumpyF32Workspace extends F32SampleWorkspace {
  private float[] y;
  private float[] err;

  NumpyF32Workspace(Dataset data) {
    super(data, ScalarFamilySolver.device("NumPy-shaped passes", "f32"));
    y = new float[samples];
    err = new float[samples];
  }

  @Override
  protected void load(double[] weights) {
    super.load(weights);
    predict();
  }

  @Override
  protected void epoch(double learningRate) {
    float mu = (float) learningRate;
    subtract(d, y, err);
    float[] grad = new float[weightCount];
    grad[0] = f * sum(err);
    for (int j = 1; j < weightCount; j++) {
      grad[j] = f * dot(err, x[j]);
    }
    for (int j = 0; j < weightCount; j++) {
      w[j] = w[j] + mu * grad[j];
    }
    predict();
  }

  /** y = w0 + w1 * x1, then y += wj * xj for each further column. */
  private void predict() {
    float w0 = w[0];
    float w1 = w[1];
    float[] x1 = x[1];
    for (int i = 0; i < samples; i++) {
      y[i] = w0 + w1 * x1[i];
    }
    for (int j = 2; j < weightCount; j++) {
      float wj = w[j];
      float[] xj = x[j];
      for (int i = 0; i < samples; i++) {
        y[i] += wj * xj[i];
      }
    }
  }

  private static void subtract(float[] a, float[] b, float[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = a[i] - b[i];
    }
  }

  private static float sum(float[] a) {
    double total = 0;
    for (int start = 0; start < a.length; start += BLOCK) {
      int end = Math.min(a.length, start + BLOCK);
      float s = 0;
      for (int i = start; i < end; i++) {
        s += a[i];
      }
      total += s;
    }
    return (float) total;
  }

  private static float dot(float[] a, float[] b) {
    double total = 0;
    for (int start = 0; start < a.length; start += BLOCK) {
      int end = Math.min(a.length, start + BLOCK);
      float s = 0;
      for (int i = start; i < end; i++) {
        s += a[i] * b[i];
      }
      total += s;
    }
    return (float) total;
  }

  @Override
  protected double loss() {
    double total = 0;
    for (int start = 0; start < samples; start += BLOCK) {
      int end = Math.min(samples, start + BLOCK);
      float squares = 0;
      for (int i = start; i < end; i++) {
        float e = d[i] - y[i];
        squares += e * e;
      }
      total += squares;
    }
    return (float) total / samples;
  }

  @Override
  protected void release() {
    super.release();
    y = null;
    err = null;
  }
}
