// Generated from src/main/templates/dev/descent/backend/opencl/X-LineKernel.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.opencl;

import com.aparapi.Kernel;
import dev.descent.api.Dataset;

/**
 * {@code opencl.resident} for p = 1 (the article's shape), in float32: one work-group runs every
 * epoch; each work-item owns a contiguous chunk of the samples and walks it sixteen samples at a
 * time into sixteen independent pairs of sums.
 *
 * <p>Why lanes: without fast-math the OpenCL compiler may not reorder a floating-point sum, so a
 * work-item's single running sum stays scalar. Sixteen separate sums are sixteen independent
 * additions, which PoCL's LLVM packs into vector instructions without changing any rounding
 * (the README has the timings with and without lanes).
 * The lanes are written out because Aparapi has no vector types, and private arrays would be
 * shared between the threads of its Java fallback. Chunks start at a multiple of sixteen that
 * the compiler cannot see ({@code lid * chunk}, chunk set by the host), which keeps {@code i + 3}
 * an addition it proves consecutive; a visible multiple turns it into {@code i | 3} and every
 * load into a gather.
 */
final class LineF32Kernel extends Kernel implements ResidentProgram {
  /** Samples per lane block. */
  static final int LANES = 16;

  float[] x;
  float[] d;
  /** In: the starting weights; out: the final ones. */
  float[] w;
  /** Out: the sum of squared errors at every traced epoch. */
  float[] squares;
  /** Three rows of one sum per work-item: intercept gradient, slope gradient, squared errors. */
  @Local float[] partial;
  /** The two weights while the epochs run. */
  @Local float[] current;
  int n;
  int epochs;
  int interval;
  /** Samples per work-item, a multiple of {@link #LANES}. */
  int chunk;
  float mu;
  float f;

  LineF32Kernel(Dataset data) {
    if (data.features() != 1) {
      throw new IllegalArgumentException("p = " + data.features() + ": this kernel is for p = 1");
    }
    n = data.samples();
    x = Precisions.toFloat(data.column(0));
    d = Precisions.toFloat(data.targets());
    w = new float[2];
    squares = new float[1];
    current = new float[2];
    f = 2.0f / n;
  }

  @Override
  public void run() {
    int lid = getLocalId();
    int size = getLocalSize();
    for (int j = lid; j < 2; j += size) {
      current[j] = w[j];
    }
    localBarrier();
    int start = lid * chunk;
    if (start > n) {
      start = n;
    }
    int stop = n;
    if (chunk < n - start) {
      stop = start + chunk;
    }
    int blocked = start + (stop - start) / LANES * LANES;
    for (int epoch = 0; epoch <= epochs; epoch++) {
      int traced = 0;
      if (interval > 0) {
        if (epoch % interval == 0) {
          traced = 1;
        }
      }
      // The pass after the last epoch only measures the loss, when the trace wants it.
      if (epoch < epochs || traced == 1) {
        float w0 = current[0];
        float w1 = current[1];
        float a0 = 0f;
        float a1 = 0f;
        float a2 = 0f;
        float a3 = 0f;
        float a4 = 0f;
        float a5 = 0f;
        float a6 = 0f;
        float a7 = 0f;
        float a8 = 0f;
        float a9 = 0f;
        float a10 = 0f;
        float a11 = 0f;
        float a12 = 0f;
        float a13 = 0f;
        float a14 = 0f;
        float a15 = 0f;
        float b0 = 0f;
        float b1 = 0f;
        float b2 = 0f;
        float b3 = 0f;
        float b4 = 0f;
        float b5 = 0f;
        float b6 = 0f;
        float b7 = 0f;
        float b8 = 0f;
        float b9 = 0f;
        float b10 = 0f;
        float b11 = 0f;
        float b12 = 0f;
        float b13 = 0f;
        float b14 = 0f;
        float b15 = 0f;
        for (int i = start; i < blocked; i += LANES) {
          float x0 = x[i];
          float x1 = x[i + 1];
          float x2 = x[i + 2];
          float x3 = x[i + 3];
          float x4 = x[i + 4];
          float x5 = x[i + 5];
          float x6 = x[i + 6];
          float x7 = x[i + 7];
          float x8 = x[i + 8];
          float x9 = x[i + 9];
          float x10 = x[i + 10];
          float x11 = x[i + 11];
          float x12 = x[i + 12];
          float x13 = x[i + 13];
          float x14 = x[i + 14];
          float x15 = x[i + 15];
          float e0 = d[i] - (w0 + w1 * x0);
          float e1 = d[i + 1] - (w0 + w1 * x1);
          float e2 = d[i + 2] - (w0 + w1 * x2);
          float e3 = d[i + 3] - (w0 + w1 * x3);
          float e4 = d[i + 4] - (w0 + w1 * x4);
          float e5 = d[i + 5] - (w0 + w1 * x5);
          float e6 = d[i + 6] - (w0 + w1 * x6);
          float e7 = d[i + 7] - (w0 + w1 * x7);
          float e8 = d[i + 8] - (w0 + w1 * x8);
          float e9 = d[i + 9] - (w0 + w1 * x9);
          float e10 = d[i + 10] - (w0 + w1 * x10);
          float e11 = d[i + 11] - (w0 + w1 * x11);
          float e12 = d[i + 12] - (w0 + w1 * x12);
          float e13 = d[i + 13] - (w0 + w1 * x13);
          float e14 = d[i + 14] - (w0 + w1 * x14);
          float e15 = d[i + 15] - (w0 + w1 * x15);
          a0 += e0;
          a1 += e1;
          a2 += e2;
          a3 += e3;
          a4 += e4;
          a5 += e5;
          a6 += e6;
          a7 += e7;
          a8 += e8;
          a9 += e9;
          a10 += e10;
          a11 += e11;
          a12 += e12;
          a13 += e13;
          a14 += e14;
          a15 += e15;
          b0 += e0 * x0;
          b1 += e1 * x1;
          b2 += e2 * x2;
          b3 += e3 * x3;
          b4 += e4 * x4;
          b5 += e5 * x5;
          b6 += e6 * x6;
          b7 += e7 * x7;
          b8 += e8 * x8;
          b9 += e9 * x9;
          b10 += e10 * x10;
          b11 += e11 * x11;
          b12 += e12 * x12;
          b13 += e13 * x13;
          b14 += e14 * x14;
          b15 += e15 * x15;
        }
        for (int i = blocked; i < stop; i++) {
          float e = d[i] - (w0 + w1 * x[i]);
          a0 += e;
          b0 += e * x[i];
        }
        partial[lid] = (((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)))
            + (((a8 + a9) + (a10 + a11)) + ((a12 + a13) + (a14 + a15)));
        partial[size + lid] = (((b0 + b1) + (b2 + b3)) + ((b4 + b5) + (b6 + b7)))
            + (((b8 + b9) + (b10 + b11)) + ((b12 + b13) + (b14 + b15)));
        float sum = 0f;
        if (traced == 1) {
          for (int i = start; i < stop; i++) {
            float e = d[i] - (w0 + w1 * x[i]);
            sum += e * e;
          }
        }
        partial[2 * size + lid] = sum;
        localBarrier();
        if (traced == 1) {
          if (lid == 0) {
            float total = 0f;
            for (int l = 0; l < size; l++) {
              total += partial[2 * size + l];
            }
            squares[epoch / interval] = total;
          }
        }
        if (epoch < epochs) {
          for (int j = lid; j < 2; j += size) {
            float g = 0f;
            for (int l = 0; l < size; l++) {
              g += partial[j * size + l];
            }
            current[j] += mu * (f * g);
          }
        }
        localBarrier();
      }
    }
    for (int j = lid; j < 2; j += size) {
      w[j] = current[j];
    }
  }

  @Override
  public Kernel kernel() {
    return this;
  }

  @Override
  public long localBytes(int localSize) {
    return 4L * (3L * localSize + 2);
  }

  @Override
  public void size(int localSize) {
    partial = new float[3 * localSize];
    long perItem = ((long) n + localSize - 1) / localSize;
    chunk = (int) ((perItem + LANES - 1) / LANES * LANES);
  }

  @Override
  public void load(double[] weights, double learningRate, int epochCount, int traceInterval) {
    w[0] = (float) weights[0];
    w[1] = (float) weights[1];
    mu = (float) learningRate;
    epochs = epochCount;
    interval = traceInterval;
    int traced = traceInterval == 0 ? 0 : epochCount / traceInterval + 1;
    if (squares.length < traced) {
      squares = new float[traced];
    }
  }

  @Override
  public double[] weights() {
    return Precisions.toDouble(w, 2);
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
