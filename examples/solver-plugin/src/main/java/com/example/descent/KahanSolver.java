package com.example.descent;

import dev.descent.api.Availability;
import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import dev.descent.api.Solver;
import dev.descent.api.Workspace;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code example.kahan}: batch gradient descent whose sums are Kahan-compensated, so float32
 * loses almost nothing to summation order. A complete third-party solver in one file: it needs
 * only descent's api, is found through META-INF/services, and is checked by descent's test kit.
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
    if (precision == null) {
      throw new IllegalArgumentException("precision = null: use FLOAT64 or FLOAT32");
    }
    return new KahanWorkspace(data, precision);
  }

  /** The data as columns, rounded to float for FLOAT32; sums in that precision, compensated. */
  private static final class KahanWorkspace implements Workspace {
    private final boolean single;
    private final int samples;
    private final int weights;
    private double[][] x;
    private double[] d;
    private boolean closed;

    KahanWorkspace(Dataset data, Precision precision) {
      single = precision == Precision.FLOAT32;
      samples = data.samples();
      weights = data.weightCount();
      x = new double[weights][];
      for (int j = 1; j < weights; j++) {
        x[j] = round(data.column(j - 1));
      }
      d = round(data.targets());
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

    @Override
    public Fit descend(Schedule schedule) {
      if (closed) {
        throw new IllegalStateException("workspace is closed");
      }
      double[] w = round(schedule.initialWeights(weights));
      double f = r(2.0 / samples);
      double mu = r(schedule.learningRate());
      int interval = schedule.traceInterval();
      double[] losses = new double[schedule.traceLength()];
      double[] sum = new double[weights];
      double[] carry = new double[weights];
      for (int epoch = 0; epoch <= schedule.epochs(); epoch++) {
        boolean trace = interval > 0 && epoch % interval == 0;
        if (epoch == schedule.epochs() && !trace) {
          break;
        }
        Arrays.fill(sum, 0);
        Arrays.fill(carry, 0);
        double squares = 0;
        for (int i = 0; i < samples; i++) {
          double y = w[0];
          for (int j = 1; j < weights; j++) {
            y = r(y + r(w[j] * x[j][i]));
          }
          double e = r(d[i] - y);
          squares += e * e;
          for (int j = 0; j < weights; j++) {
            double term = j == 0 ? e : r(e * x[j][i]);
            double corrected = r(term - carry[j]);
            double next = r(sum[j] + corrected);
            carry[j] = r(r(next - sum[j]) - corrected);
            sum[j] = next;
          }
        }
        if (trace) {
          losses[epoch / interval] = squares / samples;
        }
        if (epoch == schedule.epochs()) {
          break;
        }
        for (int j = 0; j < weights; j++) {
          w[j] = r(w[j] + r(mu * r(f * sum[j])));
        }
      }
      return new Fit(w, losses);
    }

    @Override
    public String device() {
      if (closed) {
        throw new IllegalStateException("workspace is closed");
      }
      return "JVM " + Runtime.version() + ", compensated sums, " + (single ? "f32" : "f64");
    }

    @Override
    public void close() {
      closed = true;
      x = null;
      d = null;
    }
  }
}
