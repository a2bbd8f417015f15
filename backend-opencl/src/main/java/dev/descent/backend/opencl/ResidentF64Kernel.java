// Generated from src/main/templates/dev/descent/backend/opencl/X-ResidentKernel.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.opencl;

import com.aparapi.Kernel;
import dev.descent.api.Dataset;

/**
 * {@code opencl.resident} for any p, in float64: one work-group runs every epoch. Each work-item
 * sums its samples (every size-th one) into its column of local memory; after a barrier the
 * first m work-items each add up one row and update their weight; a second barrier publishes
 * the new weights. The data and the weights never leave the device during the descent.
 */
final class ResidentF64Kernel extends Kernel implements ResidentProgram {
  /** The p feature columns, column-major: x[(j - 1) * n + i] is feature j of sample i. */
  double[] x;
  double[] d;
  /** In: the starting weights; out: the final ones. */
  double[] w;
  /** Out: the sum of squared errors at every traced epoch. */
  double[] squares;
  /** (m + 1) rows of one sum per work-item: the m gradient sums, then the squared errors. */
  @Local double[] partial;
  /** The weights while the epochs run. */
  @Local double[] current;
  int n;
  int m;
  int epochs;
  int interval;
  double mu;
  double f;

  ResidentF64Kernel(Dataset data) {
    n = data.samples();
    m = data.weightCount();
    x = new double[(m - 1) * n];
    for (int j = 1; j < m; j++) {
      double[] column = data.column(j - 1);
      for (int i = 0; i < n; i++) {
        x[(j - 1) * n + i] = column[i];
      }
    }
    d = data.targets();
    w = new double[m];
    squares = new double[1];
    current = new double[m];
    f = 2.0 / n;
  }

  @Override
  public void run() {
    int lid = getLocalId();
    int size = getLocalSize();
    for (int j = lid; j < m; j += size) {
      current[j] = w[j];
    }
    localBarrier();
    for (int epoch = 0; epoch <= epochs; epoch++) {
      int traced = 0;
      if (interval > 0) {
        if (epoch % interval == 0) {
          traced = 1;
        }
      }
      // The pass after the last epoch only measures the loss, when the trace wants it.
      if (epoch < epochs || traced == 1) {
        for (int j = 0; j <= m; j++) {
          partial[j * size + lid] = 0.0;
        }
        for (int i = lid; i < n; i += size) {
          double y = current[0];
          for (int j = 1; j < m; j++) {
            y += current[j] * x[(j - 1) * n + i];
          }
          double e = d[i] - y;
          partial[lid] += e;
          for (int j = 1; j < m; j++) {
            partial[j * size + lid] += e * x[(j - 1) * n + i];
          }
          partial[m * size + lid] += e * e;
        }
        localBarrier();
        if (traced == 1) {
          if (lid == 0) {
            double sum = 0.0;
            for (int l = 0; l < size; l++) {
              sum += partial[m * size + l];
            }
            squares[epoch / interval] = sum;
          }
        }
        if (epoch < epochs) {
          for (int j = lid; j < m; j += size) {
            double g = 0.0;
            for (int l = 0; l < size; l++) {
              g += partial[j * size + l];
            }
            current[j] += mu * (f * g);
          }
        }
        localBarrier();
      }
    }
    for (int j = lid; j < m; j += size) {
      w[j] = current[j];
    }
  }

  @Override
  public Kernel kernel() {
    return this;
  }

  @Override
  public long localBytes(int localSize) {
    return 8L * ((long) (m + 1) * localSize + m);
  }

  @Override
  public void size(int localSize) {
    partial = new double[(m + 1) * localSize];
  }

  @Override
  public void load(double[] weights, double learningRate, int epochCount, int traceInterval) {
    for (int j = 0; j < m; j++) {
      w[j] = weights[j];
    }
    mu = learningRate;
    epochs = epochCount;
    interval = traceInterval;
    int traced = traceInterval == 0 ? 0 : epochCount / traceInterval + 1;
    if (squares.length < traced) {
      squares = new double[traced];
    }
  }

  @Override
  public double[] weights() {
    return w.clone();
  }

  @Override
  public double[] losses(int count) {
    double[] losses = new double[count];
    for (int k = 0; k < count; k++) {
      losses[k] = squares[k] / n;
    }
    return losses;
  }
}
