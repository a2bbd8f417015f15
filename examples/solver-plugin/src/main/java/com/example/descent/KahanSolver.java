package com.example.descent;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import dev.descent.api.support.EpochWorkspace;
import dev.descent.api.support.Preconditions;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code example.kahan}: batch gradient descent whose sums are Kahan-compensated, so float32
 * loses almost nothing to summation order. A complete third-party solver in one file: it needs
 * only descent's api, is found through META-INF/services, and is checked by descent's test kit.
 * The api's support classes do the rest (checks, epoch loop, trace, life cycle): this is the math.
 */
public final class KahanSolver implements Solver {

  /** For ServiceLoader. */
  public KahanSolver() {}

  @Override
  public String id() {
    return "example.kahan";
  }

  @Override
  public String description() {
    return "example third-party plug-in: one pass per epoch with Kahan-compensated sums";
  }

  @Override
  public Availability availability() {
    return Availability.available("JVM " + Runtime.version() + ", compensated sums");
  }

  @Override
  public Set<Precision> precisions() {
    return EnumSet.allOf(Precision.class);
  }

  @Override
  public Workspace prepare(Dataset data, Precision precision) {
    Preconditions.checkPrepare(this, data, precision);
    return new KahanWorkspace(data, precision);
  }

  /**
   * The data as columns — float arrays for FLOAT32, read with {@code columnAsFloats} so that no
   * float64 copy is made (half the memory at large N) — and sums in that precision, compensated:
   * Kahan's error does not grow with N, so float32 needs no blocks.
   */
  private static final class KahanWorkspace extends EpochWorkspace {
    private final boolean single;
    private final double f;
    private final double[][] x;
    private final double[] d;
    private final float[][] x32;
    private final float[] d32;
    private double[] w;

    KahanWorkspace(Dataset data, Precision precision) {
      super(data.samples(), data.weightCount());
      single = precision == Precision.FLOAT32;
      f = r(2.0 / samples);
      x = single ? null : new double[weightCount][];
      x32 = single ? new float[weightCount][] : null;
      for (int j = 1; j < weightCount; j++) {
        if (single) {
          x32[j] = data.columnAsFloats(j - 1);
        } else {
          x[j] = data.column(j - 1);
        }
      }
      d = single ? null : data.targets();
      d32 = single ? data.targetsAsFloats() : null;
    }

    /** Feature j of sample i (j ≥ 1), a float widened exactly in FLOAT32. */
    private double x(int j, int i) {
      return single ? x32[j][i] : x[j][i];
    }

    /** Target of sample i. */
    private double d(int i) {
      return single ? d32[i] : d[i];
    }

    private double[] round(double[] values) {
      if (single) {
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) values[i];
        }
      }
      return values;
    }

    private double r(double value) {
      return single ? (float) value : value;
    }

    private double error(int i) {
      double y = w[0];
      for (int j = 1; j < weightCount; j++) {
        y = r(y + r(w[j] * x(j, i)));
      }
      return r(d(i) - y);
    }

    @Override
    protected void load(double[] weights) {
      w = round(weights);
    }

    @Override
    protected void epoch(double learningRate) {
      double[] sum = new double[weightCount];
      double[] carry = new double[weightCount];
      for (int i = 0; i < samples; i++) {
        double e = error(i);
        for (int j = 0; j < weightCount; j++) {
          double term = j == 0 ? e : r(e * x(j, i));
          double corrected = r(term - carry[j]);
          double next = r(sum[j] + corrected);
          carry[j] = r(r(next - sum[j]) - corrected);
          sum[j] = next;
        }
      }
      double mu = r(learningRate);
      for (int j = 0; j < weightCount; j++) {
        w[j] = r(w[j] + r(mu * r(f * sum[j])));
      }
    }

    @Override
    protected double loss() {
      double squares = 0;
      for (int i = 0; i < samples; i++) {
        double e = error(i);
        squares += e * e;
      }
      return squares / samples;
    }

    @Override
    protected double[] weights() {
      return w.clone();
    }

    @Override
    protected String describe() {
      return "JVM " + Runtime.version() + ", compensated sums, " + (single ? "f32" : "f64");
    }

    @Override
    protected void release() {}
  }
}
