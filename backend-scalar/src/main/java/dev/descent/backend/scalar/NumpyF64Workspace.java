// Generated from src/main/templates/dev/descent/backend/scalar/X-NumpyWorkspace.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.scalar;

import dev.descent.api.Dataset;

/**
 * {@code scalar.numpy} in float64: the article's {@code np_descent}, one whole-array operation
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
 */
final class NumpyF64Workspace extends F64SampleWorkspace {
  private double[] y;
  private double[] err;

  NumpyF64Workspace(Dataset data) {
    super(data, ScalarFamilySolver.device("NumPy-shaped passes", "f64"));
    y = new double[samples];
    err = new double[samples];
  }

  @Override
  protected void load(double[] weights) {
    super.load(weights);
    predict();
  }

  @Override
  protected void epoch(double mu) {
    subtract(d, y, err);
    double[] grad = new double[weightCount];
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
    double w0 = w[0];
    double w1 = w[1];
    double[] x1 = x[1];
    for (int i = 0; i < samples; i++) {
      y[i] = w0 + w1 * x1[i];
    }
    for (int j = 2; j < weightCount; j++) {
      double wj = w[j];
      double[] xj = x[j];
      for (int i = 0; i < samples; i++) {
        y[i] += wj * xj[i];
      }
    }
  }

  private static void subtract(double[] a, double[] b, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = a[i] - b[i];
    }
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  protected double loss() {
    double squares = 0;
    for (int i = 0; i < samples; i++) {
      double e = d[i] - y[i];
      squares += e * e;
    }
    return squares / samples;
  }

  @Override
  protected void release() {
    super.release();
    y = null;
    err = null;
  }
}
