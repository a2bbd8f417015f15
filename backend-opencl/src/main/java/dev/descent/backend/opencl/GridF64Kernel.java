// Generated from src/main/templates/dev/descent/backend/opencl/X-GridKernel.java.template by dev.descent.codegen.Generator; do not edit.
package dev.descent.backend.opencl;

import com.aparapi.Kernel;
import dev.descent.api.Dataset;

/**
 * {@code opencl.grid} in float64: the GPU shape. One descent is one {@code execute(range,
 * passes)}; each pass is one epoch over many work-groups, and nothing goes back to the host
 * between passes.
 *
 * <p>Pass q first finishes epoch q − 1: every work-group reads all groups' sums of pass q − 1,
 * reduces them in the same fixed tree and so computes the same new weights (group 0 also stores
 * them). Then it sums its own samples with those weights into its slot for the next pass. So the
 * reduction and the update happen on the device without a second kernel or a grid barrier:
 * launches are ordered, and the sums and weights are double-buffered by the pass's parity, so a
 * pass only reads what the previous launch wrote. Redundant work is groups² × (p + 2) loads per
 * epoch, small next to N while the host keeps the group count a few thousand at most.
 *
 * <p>Work-items stride through the samples ({@code i = global id + k × global size}), so
 * neighbouring work-items read neighbouring values (coalesced on a GPU); the host picks enough
 * groups that each work-item sums a few hundred samples at most, and the rest is trees, which
 * keeps float32 sums within the blocked-summation tolerance.
 */
final class GridF64Kernel extends Kernel implements GridProgram {
  /** The p feature columns, column-major: x[(j - 1) * n + i] is feature j of sample i. */
  double[] x;
  double[] d;
  /** Two sets of m weights: pass q reads set (q - 1) % 2 and group 0 writes set q % 2. */
  double[] weights;
  /** Two slabs of groups × (m + 1) sums (the m gradient sums, then the squared errors). */
  double[] partials;
  /** Out: the sum of squared errors at every traced epoch. */
  double[] squares;
  /** (m + 1) rows of one sum per work-item, reduced in a tree. */
  @Local double[] scratch;
  /** The weights of this pass, for every work-item of the group. */
  @Local double[] current;
  int n;
  int m;
  int epochs;
  int interval;
  double mu;
  double f;

  GridF64Kernel(Dataset data) {
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
    weights = new double[2 * m];
    squares = new double[1];
    current = new double[m];
    f = 2.0 / n;
  }

  @Override
  public void run() {
    int lid = getLocalId();
    int size = getLocalSize();
    int group = getGroupId();
    int groups = getNumGroups();
    int pass = getPassId();
    int rows = m + 1;
    int slab = groups * rows;
    if (pass == 0) {
      for (int j = lid; j < m; j += size) {
        current[j] = weights[j];
      }
      localBarrier();
    } else {
      int previous = (pass - 1) % 2;
      for (int j = 0; j < rows; j++) {
        double sum = 0.0;
        for (int q = lid; q < groups; q += size) {
          sum += partials[previous * slab + q * rows + j];
        }
        scratch[j * size + lid] = sum;
      }
      localBarrier();
      for (int span = size / 2; span > 0; span = span / 2) {
        if (lid < span) {
          for (int j = 0; j < rows; j++) {
            scratch[j * size + lid] += scratch[j * size + lid + span];
          }
        }
        localBarrier();
      }
      for (int j = lid; j < m; j += size) {
        double weight = weights[previous * m + j];
        if (pass - 1 < epochs) {
          weight += mu * (f * scratch[j * size]);
        }
        current[j] = weight;
        if (group == 0) {
          if (pass <= epochs) {
            weights[(pass % 2) * m + j] = weight;
          }
        }
      }
      if (group == 0) {
        if (lid == 0) {
          if (interval > 0) {
            if ((pass - 1) % interval == 0) {
              squares[(pass - 1) / interval] = scratch[m * size];
            }
          }
        }
      }
      localBarrier();
    }
    int traced = 0;
    if (interval > 0) {
      if (pass % interval == 0) {
        traced = 1;
      }
    }
    // The pass after the last epoch only sums the loss, when the trace wants it.
    if (pass < epochs || (traced == 1 && pass <= epochs)) {
      double interceptSum = 0.0;
      double slopeSum = 0.0;
      double squareSum = 0.0;
      int stride = groups * size;
      if (m == 2) {
        // p = 1, the race's shape: weights and sums in registers, no inner loops.
        double w0 = current[0];
        double w1 = current[1];
        for (int i = group * size + lid; i < n; i += stride) {
          double xi = x[i];
          double e = d[i] - (w0 + w1 * xi);
          interceptSum += e;
          slopeSum += e * xi;
          squareSum += e * e;
        }
      } else {
        for (int j = 1; j < m; j++) {
          scratch[j * size + lid] = 0.0;
        }
        for (int i = group * size + lid; i < n; i += stride) {
          double y = current[0];
          for (int j = 1; j < m; j++) {
            y += current[j] * x[(j - 1) * n + i];
          }
          double e = d[i] - y;
          interceptSum += e;
          squareSum += e * e;
          for (int j = 1; j < m; j++) {
            scratch[j * size + lid] += e * x[(j - 1) * n + i];
          }
        }
      }
      scratch[lid] = interceptSum;
      if (m == 2) {
        scratch[size + lid] = slopeSum;
      }
      scratch[m * size + lid] = squareSum;
      localBarrier();
      for (int span = size / 2; span > 0; span = span / 2) {
        if (lid < span) {
          for (int j = 0; j < rows; j++) {
            scratch[j * size + lid] += scratch[j * size + lid + span];
          }
        }
        localBarrier();
      }
      for (int j = lid; j < rows; j += size) {
        partials[(pass % 2) * slab + group * rows + j] = scratch[j * size];
      }
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
  public void size(int groups, int localSize) {
    scratch = new double[(m + 1) * localSize];
    partials = new double[2 * groups * (m + 1)];
  }

  @Override
  public int load(double[] start, double learningRate, int epochCount, int traceInterval) {
    for (int j = 0; j < m; j++) {
      weights[j] = start[j];
    }
    mu = learningRate;
    epochs = epochCount;
    interval = traceInterval;
    boolean tracesLast = traceInterval > 0 && epochCount % traceInterval == 0;
    int traced = traceInterval == 0 ? 0 : epochCount / traceInterval + 1;
    if (squares.length < traced) {
      squares = new double[traced];
    }
    return epochCount + 1 + (tracesLast ? 1 : 0);
  }

  @Override
  public void send() {
    put(weights);
  }

  @Override
  public void receive(boolean traced) {
    get(weights);
    if (traced) {
      get(squares);
    }
  }

  @Override
  public double[] weights() {
    double[] result = new double[m];
    int set = (epochs % 2) * m;
    for (int j = 0; j < m; j++) {
      result[j] = weights[set + j];
    }
    return result;
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
