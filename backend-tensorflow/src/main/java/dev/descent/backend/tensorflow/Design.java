package dev.descent.backend.tensorflow;

import dev.descent.api.Dataset;
import java.util.Arrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.family.TNumber;

/**
 * The design matrix and targets of a dataset as tensors, with the intercept's column of ones
 * made explicit and the samples padded with zeros up to {@code padded}.
 *
 * <p>The data travel from the dataset to native memory in blocks of {@value #CHUNK} values, read
 * with {@link Dataset#read} and rounded to the tensor's precision as they are written: the Java
 * heap never holds an N-sized array, in either precision, so a float32 workspace of 1e8 samples
 * needs tens of kilobytes of heap, not a float64 copy of the data. Every element is written,
 * padding included: the tensors start as uninitialised memory.
 */
final class Design {

  /** Values moved per block read. */
  static final int CHUNK = 1 << 16;

  private Design() {}

  /**
   * Xᵀ as p + 1 rows of {@code padded} values: each feature contiguous, so {@code y = w·Xᵀ} and
   * {@code g = e·X} run along long rows, which TensorFlow's CPU matmul does 2–3× faster than
   * the article's N × (p + 1) layout. The caller closes it.
   */
  static <T extends TNumber> T weightsBySamples(Dataset data, Numeric<T> numeric, int padded) {
    int n = data.samples();
    int m = data.weightCount();
    T xt = numeric.allocate(Shape.of(m, padded));
    try {
      fill(xt, numeric, 0, n, 1.0);
      fill(xt, numeric, n, padded - n, 0.0);
      for (int j = 1; j < m; j++) {
        copyColumn(data, j - 1, xt, numeric, (long) j * padded);
        fill(xt, numeric, (long) j * padded + n, padded - n, 0.0);
      }
      return xt;
    } catch (RuntimeException | Error e) {
      xt.close();
      throw e;
    }
  }

  /**
   * X as {@code padded} rows of p + 1 values (1, x1, …, xp): the article's layout,
   * {@code y = X·w}. The caller closes it.
   */
  static <T extends TNumber> T samplesByWeights(Dataset data, Numeric<T> numeric, int padded) {
    int n = data.samples();
    int m = data.weightCount();
    T x = numeric.allocate(Shape.of(padded, m));
    try {
      int rows = Math.max(1, CHUNK / m);
      double[][] columns = new double[m - 1][Math.min(rows, n)];
      double[] interleaved = new double[Math.min(rows, n) * m];
      for (int from = 0; from < n; from += rows) {
        int length = Math.min(rows, n - from);
        for (int j = 1; j < m; j++) {
          data.read(j - 1, from, columns[j - 1], 0, length);
        }
        for (int i = 0; i < length; i++) {
          interleaved[i * m] = 1.0;
          for (int j = 1; j < m; j++) {
            interleaved[i * m + j] = columns[j - 1][i];
          }
        }
        numeric.write(x, (long) from * m, interleaved, length * m);
      }
      fill(x, numeric, (long) n * m, (long) (padded - n) * m, 0.0);
      return x;
    } catch (RuntimeException | Error e) {
      x.close();
      throw e;
    }
  }

  /** The targets as a row (1 × padded) or a column (padded × 1). The caller closes it. */
  static <T extends TNumber> T targets(Dataset data, Numeric<T> numeric, Shape shape) {
    int n = data.samples();
    T d = numeric.allocate(shape);
    try {
      copyColumn(data, data.features(), d, numeric, 0);
      fill(d, numeric, n, shape.size() - n, 0.0);
      return d;
    } catch (RuntimeException | Error e) {
      d.close();
      throw e;
    }
  }

  /** Column {@code column} of the dataset (p: the targets) to the tensor from index {@code at}. */
  private static <T extends TNumber> void copyColumn(Dataset data, int column, T tensor,
      Numeric<T> numeric, long at) {
    int n = data.samples();
    double[] chunk = new double[Math.min(CHUNK, n)];
    for (int from = 0; from < n; from += CHUNK) {
      int length = Math.min(CHUNK, n - from);
      data.read(column, from, chunk, 0, length);
      numeric.write(tensor, at + from, chunk, length);
    }
  }

  private static <T extends TNumber> void fill(T tensor, Numeric<T> numeric, long at, long count,
      double value) {
    double[] chunk = new double[(int) Math.min(CHUNK, count)];
    Arrays.fill(chunk, value);
    for (long done = 0; done < count; done += CHUNK) {
      int length = (int) Math.min(CHUNK, count - done);
      numeric.write(tensor, at + done, chunk, length);
    }
  }
}
