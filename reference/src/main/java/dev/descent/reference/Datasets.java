package dev.descent.reference;

import dev.descent.api.Dataset;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the race's data comes from: the article's exact data, seeded synthetic data of any
 * shape, and the user's own CSV files.
 *
 * <p>The generated data is reproducible to the last bit, in Java and in NumPy: each factory
 * documents the NumPy lines that produce the same doubles, and the tests hold fixtures generated
 * by those lines.
 */
public final class Datasets {
  private Datasets() {}

  /**
   * The article's data, bit for bit: {@code article(10_000, 444, 0.1)}.
   *
   * @return N = 10 000 samples of one feature x in [0, 2] and targets d ≈ 3 + 2x
   */
  public static Dataset article() {
    return article(Article.SAMPLES, Article.SEED, Article.SIGMA);
  }

  /**
   * The article's recipe with another size, seed or noise level. It reproduces, bit for bit,
   *
   * <pre>{@code
   * np.random.seed(seed)
   * noise = sigma * np.random.randn(n)
   * x = np.linspace(0, 2, n)
   * d = 3 + 2 * x + noise
   * }</pre>
   *
   * <p>that is {@code d[i] = (3 + 2 * x[i]) + noise[i]} with each operation rounded once, as
   * NumPy evaluates it. The noise is {@link #articleNoise}; x is {@code np.linspace(0, 2, n)}
   * as NumPy computes it: {@code i * (2.0 / (n - 1))}, with the last point exactly 2 (and the
   * single point 0 when n = 1).
   *
   * @param n N ≥ 1
   * @param seed NumPy legacy seed, 0 ≤ seed ≤ 2<sup>32</sup> − 1
   * @param sigma standard deviation of the noise, finite and ≥ 0
   * @return feature column x and targets d, named after the parameters
   * @throws IllegalArgumentException naming the field and value when one is out of range
   */
  public static Dataset article(int n, long seed, double sigma) {
    double[] noise = articleNoise(n, seed, sigma);
    double[] x = linspace(0, 2, n);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = 3 + 2 * x[i] + noise[i];
    }
    return Dataset.of(
        "article (N=" + n + ", seed " + seed + ", sigma " + sigma + ")", new double[][] {x}, d);
  }

  /**
   * {@link #article(int, long, double)} made on request instead of held: x from its formula, the
   * targets from one NumPy stream that moves forward as they are read (reading from an earlier
   * row starts the stream again), so that N = 1e9 needs no N-sized array until a solver asks for
   * one. Its {@link Dataset#recipe() recipe} is {@code article(n=N,seed=S,sigma=σ)}, the key it
   * is cached under ({@link DataCache}).
   */
  public static Dataset articleStream(int n, long seed, double sigma) {
    requireSamples(n);
    requireSigma(sigma);
    new NumpyLegacyRandom(seed); // checks the seed now, not at the first read
    double step = n == 1 ? 0 : 2.0 / (n - 1);
    Object[] cursor = {null, 0L};
    return Dataset.generated("article (N=" + n + ", seed " + seed + ", sigma " + sigma + ")", n,
        1, articleRecipe(n, seed, sigma), (column, from, into, offset, length) -> {
          for (int i = 0; i < length; i++) {
            long row = from + i;
            double x = n > 1 && row == n - 1 ? 2.0 : row * step;
            into[offset + i] = x;
          }
          if (column == 0) {
            return;
          }
          synchronized (cursor) {
            NumpyLegacyRandom random = (NumpyLegacyRandom) cursor[0];
            long next = (Long) cursor[1];
            if (random == null || next > from) {
              random = new NumpyLegacyRandom(seed);
              next = 0;
            }
            for (; next < from; next++) {
              random.nextGaussian();
            }
            for (int i = 0; i < length; i++) {
              into[offset + i] = 3 + 2 * into[offset + i] + sigma * random.nextGaussian();
            }
            cursor[0] = random;
            cursor[1] = from + length;
          }
        });
  }

  /** The text that names the article's recipe for these parameters. */
  public static String articleRecipe(int n, long seed, double sigma) {
    return "article(n=" + n + ",seed=" + seed + ",sigma=" + sigma + ")";
  }

  /**
   * The article's noise: {@code sigma * np.random.RandomState(seed).randn(n)}, bit for bit.
   *
   * @param n how many values, ≥ 1
   * @param seed NumPy legacy seed, 0 ≤ seed ≤ 2<sup>32</sup> − 1
   * @param sigma finite and ≥ 0
   * @return a new array of n values
   * @throws IllegalArgumentException naming the field and value when one is out of range
   */
  public static double[] articleNoise(int n, long seed, double sigma) {
    requireSamples(n);
    requireSigma(sigma);
    double[] noise = new NumpyLegacyRandom(seed).randn(n);
    for (int i = 0; i < n; i++) {
      noise[i] = sigma * noise[i];
    }
    return noise;
  }

  /**
   * Seeded synthetic data with p standard-normal features and a known linear model.
   *
   * <p>Bit for bit the same as this NumPy recipe ({@code w} the weights, intercept first):
   *
   * <pre>{@code
   * rs = np.random.RandomState(seed)
   * X = [rs.randn(n) for j in range(p)]   # column by column: all of x1, then all of x2, ...
   * g = rs.randn(n)                       # the noise, drawn after the features
   * d = w[0]
   * for j in range(p):
   *     d = d + w[j + 1] * X[j]           # left to right, each operation rounded once
   * d = d + sigma * g
   * }</pre>
   *
   * <p>The default weights are {@code w0 = 3} and {@code w_j = 2 * (-1)^(j+1) / j}, i.e.
   * {@code [3.0] + [(2.0 if j % 2 else -2.0) / j for j in range(1, p + 1)]}: 3, 2, −1, 2/3,
   * −1/2, ... — the article's 3 + 2x for p = 1, and distinct, shrinking, alternating weights
   * beyond, so a solver that mixes up columns is caught.
   *
   * @param n N ≥ 1
   * @param p number of features ≥ 1
   * @param seed NumPy legacy seed, 0 ≤ seed ≤ 2<sup>32</sup> − 1
   * @param sigma standard deviation of the noise, finite and ≥ 0
   * @param weights p + 1 finite weights, intercept first, or null for the defaults
   * @return p feature columns and N targets
   * @throws IllegalArgumentException naming the field and value when one is out of range
   */
  public static Dataset synthetic(int n, int p, long seed, double sigma, double[] weights) {
    requireSamples(n);
    if (p < 1) {
      throw new IllegalArgumentException("p = " + p + ": synthetic data needs p >= 1 features");
    }
    requireSigma(sigma);
    double[] w = weights == null ? defaultWeights(p) : checkedWeights(weights, p);
    NumpyLegacyRandom random = new NumpyLegacyRandom(seed);
    double[][] columns = new double[p][];
    for (int j = 0; j < p; j++) {
      columns[j] = random.randn(n);
    }
    double[] noise = random.randn(n);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      double y = w[0];
      for (int j = 0; j < p; j++) {
        y = y + w[j + 1] * columns[j][i];
      }
      d[i] = y + sigma * noise[i];
    }
    String name = "synthetic (N=" + n + ", p=" + p + ", seed " + seed + ", sigma " + sigma
        + (weights == null ? "" : ", w " + Arrays.toString(w)) + ")";
    return Dataset.of(name, columns, d);
  }

  /**
   * The weights {@link #synthetic} uses when given none: 3, then {@code 2 * (-1)^(j+1) / j}.
   *
   * @param p number of features ≥ 1
   * @return p + 1 weights, intercept first
   * @throws IllegalArgumentException naming p when p &lt; 1
   */
  public static double[] defaultWeights(int p) {
    if (p < 1) {
      throw new IllegalArgumentException("p = " + p + ": synthetic data needs p >= 1 features");
    }
    double[] w = new double[p + 1];
    w[0] = 3.0;
    for (int j = 1; j <= p; j++) {
      w[j] = (j % 2 == 1 ? 2.0 : -2.0) / j;
    }
    return w;
  }

  /**
   * The user's own data from a CSV file, every column but the target a feature:
   * {@code csv(path, CsvColumns.target(targetColumn))}.
   */
  public static Dataset csv(Path path, String targetColumn) {
    return csv(path, CsvColumns.target(targetColumn));
  }

  /**
   * The user's own data from a CSV file: a header row of column names, then one sample per line.
   *
   * <p>The format: RFC 4180 CSV as spreadsheets write it (Commons CSV splits it), so a quoted
   * field may hold commas ({@code "Seattle, WA"}) and doubled quotes. The first line that is
   * neither blank nor a comment is the header, comma-separated names, each optionally surrounded
   * by whitespace and by double quotes; names must be distinct and non-empty. Every later line
   * is a sample with exactly as many fields as the header; blank lines and lines whose first
   * non-blank character is {@code #} are skipped everywhere. The file is read as UTF-8 (a leading
   * byte-order mark is ignored).
   *
   * <p>One column is the target; the features are the columns named in
   * {@link CsvColumns#features()}, in that order, or every other column in file order when none
   * are named. Only the chosen columns are read: the others may hold text, dates or nothing.
   * A chosen column's values are decimal numbers such as {@code 3}, {@code -0.5} or
   * {@code 1.5e-3} (optionally quoted). An empty cell, {@code NA} or {@code NaN} is a missing
   * value: an error, or with {@link CsvColumns#dropMissing()} the row is skipped and the
   * dataset's name says how many were.
   *
   * <p>Every problem is reported with the file and line, and for a bad value the column's name
   * and 1-based number and the value itself, e.g.
   * {@code data.csv:12: column 'x2' (3): non-numeric value 'abc'}. Infinities and numbers too
   * large for a double are rejected, not guessed at. The method either returns a complete
   * dataset or throws.
   *
   * @param path the file
   * @param columns the target and features, each by header name or, failing that, if it is a
   *     whole number, by 1-based column number; what to do with missing values
   * @return the features and targets, named after the file, the target and the chosen features
   * @throws IllegalArgumentException for a malformed file or an unknown column, with the file,
   *     line, column and value in the message
   * @throws java.io.UncheckedIOException naming the path when the file cannot be read
   */
  public static Dataset csv(Path path, CsvColumns columns) {
    if (path == null) {
      throw new IllegalArgumentException("path must not be null");
    }
    return CsvReader.read(path, columns == null ? CsvColumns.target(null) : columns);
  }

  /**
   * {@code np.linspace(start, stop, num)} with its default {@code endpoint=True}, for float64
   * scalars, computed the way NumPy computes it rather than the way it reads: with
   * {@code div = num - 1} and {@code step = (stop - start) / div}, point i is
   * {@code i * step + start}; if step underflows to zero (gh-5437) it is
   * {@code i / div * delta + start} instead; the last point is set to {@code stop}; and for
   * {@code num = 1} the only point is {@code 0 * delta + start}.
   */
  static double[] linspace(double start, double stop, int num) {
    if (num < 0) {
      throw new IllegalArgumentException("num = " + num + ": must be >= 0");
    }
    double[] y = new double[num];
    int div = num - 1;
    double delta = stop - start;
    if (div > 0) {
      double step = delta / div;
      for (int i = 0; i < num; i++) {
        y[i] = step == 0 ? (double) i / div * delta + start : (double) i * step + start;
      }
      y[num - 1] = stop;
    } else {
      for (int i = 0; i < num; i++) {
        y[i] = (double) i * delta + start;
      }
    }
    return y;
  }

  private static void requireSamples(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("N = " + n + ": a dataset needs at least one sample");
    }
  }

  private static void requireSigma(double sigma) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException(
          "sigma = " + sigma + ": the noise level must be finite and >= 0");
    }
  }

  private static double[] checkedWeights(double[] weights, int p) {
    if (weights.length != p + 1) {
      throw new IllegalArgumentException("weights has " + weights.length
          + " values but p = " + p + " features need p + 1 = " + (p + 1) + " (intercept first)");
    }
    for (int j = 0; j < weights.length; j++) {
      if (!Double.isFinite(weights[j])) {
        throw new IllegalArgumentException(
            "weights[" + j + "] = " + weights[j] + ": weights must be finite");
      }
    }
    return weights.clone();
  }
}
