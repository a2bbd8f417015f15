package dev.descent.backend.spark;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.support.EpochWorkspace;
import dev.descent.reference.DataCache;
import java.util.Locale;

/**
 * {@code spark.gram}: one distributed pass sums XᵀX, Xᵀd and dᵀd over the blocks
 * ({@code treeAggregate}, the data never cached nor collected), then every epoch runs on the
 * driver in O(p²), as {@code scalar.gram} does: the same iterates up to rounding.
 *
 * <p>The statistics are summed in float64 from the data in the workspace's precision (in
 * float32, the data rounded to float, as the float32 reference sees it) and rounded to the
 * precision; every epoch's arithmetic runs in that precision, and the loss trace in float64 from
 * the statistics, because {@code dᵀd − 2·wᵀh + wᵀGw} cancels and float32 would leave noise.
 */
final class GramWorkspace extends EpochWorkspace {

  /**
   * Partitions per core for the one pass: more than one, so a slow or lost task holds up a
   * smaller share of the pass; the blocks are not cached, so this costs no memory.
   */
  private static final int PARTITIONS_PER_CORE = 4;

  private final SparkDriver driver;
  private final boolean single;
  private final double[][] gram;
  private final double[][] exactGram;
  private final double[] moments;
  private final double[] exactMoments;
  private final double targetSquares;
  private final double[] w;
  private final double[] g;
  private final double f;
  private final String device;

  GramWorkspace(SparkDriver driver, Dataset data, Precision precision) {
    super(data.samples(), data.weightCount());
    this.driver = driver;
    this.single = precision == Precision.FLOAT32;
    int m = weightCount;
    int partitions = driver.parallelism() * PARTITIONS_PER_CORE;
    long start = System.nanoTime();
    Blocks.Plan plan = Blocks.plan(data, driver.isLocal(), DataCache.standard());
    var blocks = Blocks.of(driver.context(), data, plan, precision, partitions, true);
    double[] sums = driver.call(() -> Aggregations.gram(blocks, m));
    double passSeconds = (System.nanoTime() - start) / 1e9;
    exactGram = new double[m][m];
    for (int j = 0; j < m; j++) {
      for (int k = j; k < m; k++) {
        exactGram[j][k] = sums[Block.gramIndex(m, j, k)];
        exactGram[k][j] = exactGram[j][k];
      }
    }
    int first = m * (m + 1) / 2;
    exactMoments = new double[m];
    System.arraycopy(sums, first, exactMoments, 0, m);
    targetSquares = sums[first + m];
    if (exactGram[0][0] != data.samples()) {
      throw new IllegalStateException("Spark summed " + exactGram[0][0] + " rows of N = "
          + data.samples());
    }
    gram = new double[m][m];
    moments = new double[m];
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < m; k++) {
        gram[j][k] = round(exactGram[j][k]);
      }
      moments[j] = round(exactMoments[j]);
    }
    w = new double[m];
    g = new double[m];
    // Not round(2.0 / samples): float32 divides by N rounded to float, exact only up to 2^24.
    f = single ? 2.0f / samples : 2.0 / samples;
    // The setup's two parts apart: the context's start is the same at any N, the pass is not.
    device = String.format(Locale.ROOT, "%s, %d partitions %s, one pass %.2f s (context start "
        + "%.2f s), then O(p^2) per epoch on the driver, %s", driver.describe(),
        blocks.getNumPartitions(), plan.origin().text, passSeconds, driver.startSeconds(),
        precision.shortName());
  }

  /** The value in the workspace's precision: itself in float64, rounded to float in float32. */
  private double round(double value) {
    return single ? (float) value : value;
  }

  @Override
  protected void load(double[] weights) {
    for (int j = 0; j < weightCount; j++) {
      w[j] = round(weights[j]);
    }
  }

  @Override
  protected void epoch(double learningRate) {
    double mu = round(learningRate);
    for (int j = 0; j < weightCount; j++) {
      double[] row = gram[j];
      double fitted = 0;
      for (int k = 0; k < weightCount; k++) {
        fitted = round(fitted + round(row[k] * w[k]));
      }
      g[j] = round(moments[j] - fitted);
    }
    for (int j = 0; j < weightCount; j++) {
      w[j] = round(w[j] + round(mu * round(f * g[j])));
    }
  }

  /**
   * {@code (dᵀd − 2·wᵀh + wᵀGw) / N} in float64, never below zero (it cancels near the optimum).
   */
  @Override
  protected double loss() {
    double quadratic = 0;
    double linear = 0;
    for (int j = 0; j < weightCount; j++) {
      double fitted = 0;
      for (int k = 0; k < weightCount; k++) {
        fitted += exactGram[j][k] * w[k];
      }
      quadratic += w[j] * fitted;
      linear += w[j] * exactMoments[j];
    }
    return Math.max(0.0, (targetSquares - 2 * linear + quadratic) / samples);
  }

  @Override
  protected double[] weights() {
    return w.clone();
  }

  @Override
  protected String describe() {
    return device;
  }

  @Override
  protected void release() {
    driver.close();
  }
}
