package dev.descent.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.api.Dataset;
import dev.descent.api.Fit;
import dev.descent.api.Precision;
import dev.descent.api.Schedule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The references read data above 4M values a window of rows at a time (so N = 1e9 fits in a
 * small heap); here they must give, bit for bit, what the same algorithm gives on whole columns.
 * N is odd and not a multiple of the window, so windows end inside NumPy's 128-value blocks.
 */
class WindowedReferenceTest {

  private static final int N = 1_100_003;
  private static final int P = 3;
  private static final Dataset DATA = Datasets.synthetic(N, P, 17, 0.5, null);
  private static final Schedule SCHEDULE = Schedule.of(0.05, 3).tracedEvery(1);

  @Test
  void theDataIsLargeEnoughToBeReadInWindows() {
    assertTrue(new RowWindow(DATA).capacity() < N);
    assertTrue(new RowWindow(Datasets.synthetic(1000, P, 17, 0.5, null)).capacity() == 1000);
  }

  @Test
  void float64InWindowsIsTheWholeColumnDescentBitForBit() {
    Fit windowed = ReferenceDescent.descend(DATA, SCHEDULE);
    Fit whole = wholeColumnsFloat64(DATA, SCHEDULE);
    assertArrayEquals(whole.weights(), windowed.weights());
    assertArrayEquals(whole.losses(), windowed.losses());
  }

  @Test
  void float32InWindowsIsTheWholeColumnPairwiseDescentBitForBit() {
    Fit windowed = ReferenceDescent.descend(DATA, SCHEDULE, Precision.FLOAT32);
    Fit whole = wholeColumnsFloat32(DATA, SCHEDULE);
    assertArrayEquals(whole.weights(), windowed.weights());
    assertArrayEquals(whole.losses(), windowed.losses());
    // The comparison can tell: float32 is not float64, and one epoch fewer is not three.
    assertFalse(Arrays.equals(whole.weights(), ReferenceDescent.descend(DATA, SCHEDULE).weights()));
    assertFalse(Arrays.equals(whole.weights(),
        wholeColumnsFloat32(DATA, Schedule.of(0.05, 2).tracedEvery(1)).weights()));
  }

  @Test
  void aStreamIsReadForwardOnlyOncePerPass() {
    // The article's noise is a stream that starts over when read backwards: at N = 1e8 that
    // made every window of the float32 reference cost a restart from row 0.
    long[] nextRow = new long[P + 1];
    Dataset forwardOnly = Dataset.generated("forward only", N, P, null,
        (column, from, into, offset, length) -> {
          if (from != 0 && from != nextRow[column]) {
            throw new IllegalStateException("column " + column + " read from row " + from
                + " after row " + nextRow[column]);
          }
          DATA.read(column, from, into, offset, length);
          nextRow[column] = from + length;
        });
    assertArrayEquals(ReferenceDescent.descend(DATA, SCHEDULE, Precision.FLOAT32).weights(),
        ReferenceDescent.descend(forwardOnly, SCHEDULE, Precision.FLOAT32).weights());
    assertArrayEquals(ReferenceDescent.descend(DATA, SCHEDULE).weights(),
        ReferenceDescent.descend(forwardOnly, SCHEDULE).weights());
  }

  @Test
  void theClosedFormOverManyWindowsRecoversNoiselessWeights() {
    double[] truth = {1.5, -2, 0.25, 3, -0.75};
    double[] w = LeastSquares.solve(Datasets.synthetic(300_001, 4, 3, 0.0, truth));
    assertTrue(Deviation.relative(w, truth) < 1e-13, Arrays.toString(w));
  }

  /** The float64 reference as it was written before windows: whole columns, sample order. */
  private static Fit wholeColumnsFloat64(Dataset data, Schedule schedule) {
    int n = data.samples();
    int m = data.weightCount();
    double[] w = schedule.initialWeights(m);
    double[][] x = new double[m][];
    for (int j = 1; j < m; j++) {
      x[j] = data.column(j - 1);
    }
    double[] d = data.targets();
    double[] losses = new double[schedule.traceLength()];
    for (int epoch = 0; epoch <= schedule.epochs(); epoch++) {
      double[] g = new double[m];
      double squares = 0;
      for (int i = 0; i < n; i++) {
        double y = w[0];
        for (int j = 1; j < m; j++) {
          y += w[j] * x[j][i];
        }
        double e = d[i] - y;
        g[0] += e;
        for (int j = 1; j < m; j++) {
          g[j] += e * x[j][i];
        }
        squares += e * e;
      }
      losses[epoch] = squares / n;
      for (int j = 0; j < m && epoch < schedule.epochs(); j++) {
        w[j] += schedule.learningRate() * (2.0 / n * g[j]);
      }
    }
    return new Fit(w, losses);
  }

  /** The float32 reference on whole columns: every term stored, each sum pairwise on its own. */
  private static Fit wholeColumnsFloat32(Dataset data, Schedule schedule) {
    int n = data.samples();
    int m = data.weightCount();
    float[] w = new float[m];
    float[][] x = new float[m][];
    for (int j = 1; j < m; j++) {
      x[j] = data.columnAsFloats(j - 1);
    }
    float[] d = data.targetsAsFloats();
    float mu = (float) schedule.learningRate();
    float f = (float) (2.0 / n);
    double[] losses = new double[schedule.traceLength()];
    float[] e = new float[n];
    float[] terms = new float[n];
    for (int epoch = 0; epoch <= schedule.epochs(); epoch++) {
      for (int i = 0; i < n; i++) {
        float y = w[0];
        for (int j = 1; j < m; j++) {
          y += w[j] * x[j][i];
        }
        e[i] = d[i] - y;
      }
      for (int i = 0; i < n; i++) {
        terms[i] = e[i] * e[i];
      }
      losses[epoch] = PairwiseSum.sum(terms, 0, n) / n;
      if (epoch == schedule.epochs()) {
        break;
      }
      float[] g = new float[m];
      g[0] = PairwiseSum.sum(e, 0, n);
      for (int j = 1; j < m; j++) {
        for (int i = 0; i < n; i++) {
          terms[i] = e[i] * x[j][i];
        }
        g[j] = PairwiseSum.sum(terms, 0, n);
      }
      for (int j = 0; j < m; j++) {
        w[j] += mu * (f * g[j]);
      }
    }
    double[] weights = new double[m];
    for (int j = 0; j < m; j++) {
      weights[j] = w[j];
    }
    return new Fit(weights, losses);
  }
}
