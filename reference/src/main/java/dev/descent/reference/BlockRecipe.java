package dev.descent.reference;

import dev.descent.api.Dataset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated data in fixed-size row blocks, each block seeded from (seed, block index), so that
 * any machine makes any block on its own and the data does not depend on how it is partitioned:
 * the recipe for data born on many machines (Spark executors), identical in every backend. The
 * article's own stream ({@link Datasets#article}) is one sequence and cannot be split; it stays
 * the default for p = 1.
 *
 * <p>Block {@code b} holds rows {@code [b·R, min(N, (b + 1)·R))}. In NumPy, bit for bit:
 *
 * <pre>{@code
 * def block(n, p, seed, sigma, rows, b):
 *     lo, hi = b * rows, min(n, (b + 1) * rows)
 *     rs = np.random.RandomState((seed + b * 0x9E3779B9) % 2**32)
 *     if p == 1:                          # the article's shape: x = linspace(0, 2, n)[lo:hi]
 *         x = [np.linspace(0, 2, n)[lo:hi]]   # i * (2 / (n - 1)), the last point exactly 2
 *         d = 3 + 2 * x[0] + sigma * rs.randn(hi - lo)
 *     else:                               # Datasets.synthetic's model, block by block
 *         x = [rs.randn(hi - lo) for j in range(p)]
 *         g = rs.randn(hi - lo)
 *         d = w[0]
 *         for j in range(p): d = d + w[j + 1] * x[j]
 *         d = d + sigma * g
 *     return x, d
 * }</pre>
 *
 * <p>with {@code w = Datasets.defaultWeights(p)}. The recipe travels as text, {@link #toString}
 * and {@link #parse}: {@code blocks(n=1000000000,p=1,seed=444,sigma=0.1,rows=65536)}.
 *
 * @param samples N ≥ 1
 * @param features p ≥ 1
 * @param seed 0 ≤ seed ≤ 2<sup>32</sup> − 1
 * @param sigma the noise's standard deviation, finite and ≥ 0
 * @param rows R, rows per block ≥ 1
 */
public record BlockRecipe(int samples, int features, long seed, double sigma, int rows) {

  /** Rows per block unless told otherwise: 512 KiB of float64 per column. */
  public static final int DEFAULT_ROWS = 1 << 16;

  /** The golden-ratio Weyl step between block seeds. */
  private static final long SEED_STEP = 0x9E3779B9L;

  private static final Pattern TEXT = Pattern.compile(
      "blocks\\(n=(\\d+),p=(\\d+),seed=(\\d+),sigma=([^,]+),rows=(\\d+)\\)");

  /** Validates the parameters, naming the one out of range. */
  public BlockRecipe {
    if (samples < 1) {
      throw new IllegalArgumentException("N = " + samples + ": must be >= 1");
    }
    if (features < 1) {
      throw new IllegalArgumentException("p = " + features + ": must be >= 1");
    }
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("seed = " + seed + ": must be in 0..4294967295");
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma = " + sigma + ": must be finite and >= 0");
    }
    if (rows < 1) {
      throw new IllegalArgumentException("rows = " + rows + ": rows per block must be >= 1");
    }
  }

  /** The recipe with {@link #DEFAULT_ROWS} rows per block. */
  public static BlockRecipe of(int samples, int features, long seed, double sigma) {
    return new BlockRecipe(samples, features, seed, sigma, DEFAULT_ROWS);
  }

  /**
   * Reads the text {@link #toString} writes.
   *
   * @throws IllegalArgumentException quoting the text when it is no block recipe
   */
  public static BlockRecipe parse(String text) {
    Matcher matcher = TEXT.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is no block recipe (expected e.g. "
          + of(1000, 1, 444, 0.1) + ")");
    }
    return new BlockRecipe(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
        Long.parseLong(matcher.group(3)), Double.parseDouble(matcher.group(4)),
        Integer.parseInt(matcher.group(5)));
  }

  /** How many blocks: ⌈N / R⌉. */
  public int blocks() {
    return (int) ((samples + (long) rows - 1) / rows);
  }

  /** The first row of block {@code block}. */
  public long firstRow(int block) {
    return (long) block * rows;
  }

  /** How many rows block {@code block} holds: R, or fewer in the last. */
  public int rowsIn(int block) {
    return (int) Math.min(rows, samples - firstRow(block));
  }

  /**
   * Makes one block: {@code columns[j][0 … rowsIn(block))} the features and {@code targets} the
   * targets, from nothing but the recipe and the block's index.
   */
  public void fill(int block, double[][] columns, double[] targets) {
    int count = rowsIn(block);
    long first = firstRow(block);
    NumpyLegacyRandom random = new NumpyLegacyRandom((seed + block * SEED_STEP) & 0xFFFFFFFFL);
    if (features == 1) {
      double step = samples == 1 ? 0 : 2.0 / (samples - 1);
      for (int i = 0; i < count; i++) {
        long row = first + i;
        columns[0][i] = row == samples - 1 && samples > 1 ? 2.0 : row * step;
      }
      for (int i = 0; i < count; i++) {
        targets[i] = 3 + 2 * columns[0][i] + sigma * random.nextGaussian();
      }
      return;
    }
    double[] w = Datasets.defaultWeights(features);
    for (int j = 0; j < features; j++) {
      for (int i = 0; i < count; i++) {
        columns[j][i] = random.nextGaussian();
      }
    }
    for (int i = 0; i < count; i++) {
      double y = w[0];
      for (int j = 0; j < features; j++) {
        y = y + w[j + 1] * columns[j][i];
      }
      targets[i] = y + sigma * random.nextGaussian();
    }
  }

  /**
   * The whole recipe as a dataset that makes blocks as they are read, keeping one block at a
   * time: no JVM holds more of it than a solver asks for.
   */
  public Dataset dataset() {
    ThreadLocal<double[][]> scratch = ThreadLocal.withInitial(() -> new double[features + 1][rows]);
    ThreadLocal<int[]> cached = ThreadLocal.withInitial(() -> new int[] {-1});
    return Dataset.generated("blocks (N=" + samples + ", p=" + features + ", seed " + seed
        + ", sigma " + sigma + ", " + rows + " rows a block)", samples, features, toString(),
        (column, from, into, offset, length) -> {
          double[][] block = scratch.get();
          int[] which = cached.get();
          int done = 0;
          while (done < length) {
            long row = from + done;
            int index = (int) (row / rows);
            if (which[0] != index) {
              double[][] features = new double[this.features][];
              System.arraycopy(block, 0, features, 0, this.features);
              fill(index, features, block[this.features]);
              which[0] = index;
            }
            int within = (int) (row - firstRow(index));
            int take = Math.min(length - done, rowsIn(index) - within);
            System.arraycopy(block[column], within, into, offset + done, take);
            done += take;
          }
        });
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "blocks(n=%d,p=%d,seed=%d,sigma=%s,rows=%d)", samples,
        features, seed, Double.toString(sigma), rows);
  }
}
